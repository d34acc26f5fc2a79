import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { runCli, tempDir, type CliResult } from './cli.js'

export interface JsonDiagnostic {
  file: string
  line: number
  column: number
  severity: string
  rule: string
  message: string
}

/** Writes a content folder from a map of relative paths to texts. */
export function writeContent(files: Readonly<Record<string, string>>, root = tempDir()): string {
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(root, 'content', file)
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, text)
  }
  return root
}

/** `notice check --format json` in a folder holding `content/`. */
export function checkJson(root: string): { result: CliResult; diagnostics: JsonDiagnostic[] } {
  const result = runCli(['check', '--format', 'json'], { cwd: root })
  return { result, diagnostics: JSON.parse(result.stdout) as JsonDiagnostic[] }
}

/** A small valid notice: two findings under one section. */
export const validNotice: Readonly<Record<string, string>> = {
  'n/notice.md': '---\ntitle: 测试通报\n---\n\n开头。\n\n<!-- 正文 -->\n\n欢迎监督。\n',
  'n/sections/01.md': '一、第一部分\n',
  'n/findings/01-01.md': '---\nid: 1-1\n---\n\n1、第一个问题\n\n问题内容：内容一。\n\n整改情况：已完成。措施一。\n',
  'n/findings/01-02.md': '---\nid: 1-2\n---\n\n2、第二个问题\n\n问题内容：内容二。\n\n整改情况：正在整改。措施二。\n'
}
