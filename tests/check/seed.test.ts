import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { diffChars } from 'diff'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { JsonDiagnostic } from '../helpers/content.js'
import { runCli, seedFile, tempDir } from '../helpers/cli.js'

function importSeed(dir = tempDir()): { dir: string; content: string } {
  const imported = runCli(['import', seedFile, '--id', 'x', '--content', 'T'], { cwd: dir })
  expect(imported.code).toBe(0)
  return { dir, content: path.join(dir, 'T') }
}

function markdownFiles(dir: string, root: string): Array<{ file: string; text: string }> {
  const result: Array<{ file: string; text: string }> = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) result.push(...markdownFiles(full, root))
    else if (entry.name.endsWith('.md')) result.push({ file: path.relative(root, full).split(path.sep).join('/'), text: readFileSync(full, 'utf8') })
  }
  return result.sort((a, b) => (a.file < b.file ? -1 : 1))
}

/** Lines after the frontmatter, with their 1-based numbers. */
function bodyLines(text: string): Array<{ line: number; text: string }> {
  const lines = text.split('\n')
  let start = 0
  if (lines[0] === '---') start = lines.indexOf('---', 1) + 1
  return lines.slice(start).map((line, index) => ({ line: start + index + 1, text: line }))
}

function check(dir: string, extra: string[] = []): { code: number; diagnostics: JsonDiagnostic[]; stderr: string } {
  const result = runCli(['check', '--content', 'T', '--format', 'json', ...extra], { cwd: dir })
  return { code: result.code, diagnostics: JSON.parse(result.stdout) as JsonDiagnostic[], stderr: result.stderr }
}

describe('check on the seed notice, imported fresh', () => {
  // The two read-only tests share one import and one check.
  let shared: { dir: string; code: number; diagnostics: JsonDiagnostic[] }
  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'notice-seed-check-'))
    importSeed(dir)
    shared = { dir, ...check(dir) }
  })
  afterAll(() => rmSync(shared.dir, { recursive: true, force: true }))

  it('points at the file and line of each known defect', () => {
    const { dir, code, diagnostics } = shared
    expect(code).toBe(0)
    const files = markdownFiles(path.join(dir, 'T'), dir)
    const expected: Array<[string, string]> = [
      ['详细问题', 'label-variant'],
      ['〔2021〕13文件', 'doc-number'],
      ['产业聚集区', 'name-variant'],
      ['巡查期间', 'typo'],
      ['清查清查', 'typo'],
      ['美德福、等', 'typo'],
      ['为落实意识形态', 'typo'],
      ['有于土地', 'typo'],
      ['优化智能', 'typo'],
      ['主题当日', 'typo'],
      ['截止目前', 'typo']
    ]
    for (const [phrase, rule] of expected) {
      const places = files.flatMap(({ file, text }) =>
        bodyLines(text)
          .filter((entry) => entry.text.includes(phrase))
          .map((entry) => ({ file, line: entry.line, column: entry.text.indexOf(phrase) + 1 }))
      )
      expect(places, phrase).toHaveLength(1)
      const place = places[0]!
      const hit = diagnostics.find((diagnostic) => diagnostic.rule === rule && diagnostic.file === place.file && diagnostic.line === place.line)
      expect(hit, `${phrase} [${rule}]`).toBeDefined()
      expect(hit!.column).toBeGreaterThanOrEqual(place.column)
      expect(hit!.column).toBeLessThan(place.column + phrase.length)
      expect(hit!.severity).toBe('warning')
    }
    const seedText = readFileSync(seedFile, 'utf8')
    expect(seedText).toContain('伊产工文〔2021〕13文件')
  })

  it('reports every ASCII , : ; ( ) of the body exactly where it is, and nothing in frontmatter', () => {
    const { dir, diagnostics } = shared
    const files = markdownFiles(path.join(dir, 'T'), dir)
    const expected = files.flatMap(({ file, text }) =>
      bodyLines(text)
        .filter((entry) => !entry.text.startsWith('<!--'))
        .flatMap((entry) => [...entry.text.matchAll(/[,:;()?!]/gu)].map((match) => `${file}:${entry.line}:${(match.index ?? 0) + 1}`))
    )
    const found = diagnostics
      .filter((diagnostic) => diagnostic.rule === 'punctuation-width')
      .map((diagnostic) => `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`)
    expect(expected.length).toBeGreaterThan(300)
    expect(found).toEqual(expected)
  })

  it('--fix leaves no punctuation-width warning, changes nothing the second time, and touches only the fixed characters', () => {
    const { dir, content } = importSeed()
    // An ASCII comma in the frontmatter must survive: --fix never edits frontmatter.
    const noticeFile = path.join(content, 'x', 'notice.md')
    writeFileSync(noticeFile, readFileSync(noticeFile, 'utf8').replace('basis: 《中国共产党巡视工作条例》', 'basis: 《中国共产党巡视工作条例》,有关规定'))
    const frontmatterBefore = readFileSync(noticeFile, 'utf8').split('\n---\n')[0]

    const fixed = runCli(['check', '--content', 'T', '--fix'], { cwd: dir })
    expect(fixed.code).toBe(0)
    const changeLines = fixed.stdout.split('\n').filter((line) => / → /u.test(line))
    expect(changeLines.length).toBeGreaterThan(300)
    for (const line of changeLines) expect(line).toMatch(/^T\/x\/\S+\.md:\d+:\d+: “.+” → “.+” \[[a-z-]+\]$/u)
    expect(fixed.stdout).toContain(`已自动修改 ${changeLines.length} 处`)
    expect(readFileSync(noticeFile, 'utf8').split('\n---\n')[0]).toBe(frontmatterBefore)

    const after = check(dir)
    expect(after.diagnostics.filter((diagnostic) => diagnostic.rule === 'punctuation-width')).toEqual([])
    expect(after.diagnostics.filter((diagnostic) => diagnostic.rule === 'doc-number')).toEqual([])
    expect(after.diagnostics.some((diagnostic) => diagnostic.message.includes('截止目前'))).toBe(false)
    expect(after.diagnostics.some((diagnostic) => diagnostic.message.includes('清查清查'))).toBe(true)

    const snapshot = markdownFiles(content, dir)
    const second = runCli(['check', '--content', 'T', '--fix'], { cwd: dir })
    expect(second.stdout).toContain('没有可以自动修改的内容')
    expect(second.stdout).not.toMatch(/ → /u)
    expect(markdownFiles(content, dir)).toEqual(snapshot)

    const built = runCli(['build', '--content', 'T', '--out', 'D'], { cwd: dir })
    expect(built.code).toBe(0)
    const seed = readFileSync(seedFile, 'utf8').replace(/\r\n?/gu, '\n').replace(/\n*$/u, '\n')
    const text = readFileSync(path.join(dir, 'D', 'x', 'notice.txt'), 'utf8')
    const allowed: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '?': '？', '!': '！', 止: '至' }
    const parts = diffChars(seed, text)
    let substitutions = 0
    let insertions = 0
    for (let index = 0; index < parts.length; index++) {
      const part = parts[index]!
      if (!part.added && !part.removed) continue
      if (part.added) {
        expect(part.value).toMatch(/^号+$/u)
        insertions += part.value.length
        continue
      }
      const next = parts[index + 1]
      expect(next?.added, `removed “${part.value}” without a replacement`).toBe(true)
      expect([...next!.value]).toEqual([...part.value].map((char) => allowed[char] ?? `(not allowed: ${char})`))
      substitutions += part.value.length
      index++
    }
    expect(substitutions + insertions).toBe(changeLines.length)
  })

  it('honours a finding’s ignore entry and site.yml severities', () => {
    const { dir, content } = importSeed()
    const findingFile = path.join(content, 'x', 'findings', '01-08.md')
    writeFileSync(findingFile, readFileSync(findingFile, 'utf8').replace(/^---\n/u, '---\nignore:\n  - { rule: typo, text: 清查清查, reason: 原文如此 }\n'))
    writeFileSync(path.join(content, 'site.yml'), 'rules:\n  punctuation-width: "off"\n  label-variant: error\n')
    const { code, diagnostics } = check(dir)
    expect(diagnostics.some((diagnostic) => diagnostic.message.includes('清查清查'))).toBe(false)
    expect(diagnostics.some((diagnostic) => diagnostic.rule === 'typo' && diagnostic.file.endsWith('01-08.md'))).toBe(false)
    expect(diagnostics.some((diagnostic) => diagnostic.message.includes('有于'))).toBe(true)
    expect(diagnostics.filter((diagnostic) => diagnostic.rule === 'punctuation-width')).toEqual([])
    expect(diagnostics.find((diagnostic) => diagnostic.rule === 'label-variant')?.severity).toBe('error')
    expect(code).toBe(1)
  })
})
