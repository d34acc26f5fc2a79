import { utimesSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'
import { checkJson, validNotice, writeContent, type JsonDiagnostic } from '../helpers/content.js'

/** The diagnostics of a content folder made from the valid notice with some files replaced. */
function diagnose(changes: Readonly<Record<string, string>>): { code: number; diagnostics: JsonDiagnostic[] } {
  const root = writeContent({ ...validNotice, ...changes })
  const { result, diagnostics } = checkJson(root)
  expect(result.stderr).not.toMatch(/\n\s+at |Error:/u)
  return { code: result.code, diagnostics }
}

const place = ({ file, line, column, rule }: JsonDiagnostic): string => `${file}:${line}:${column} ${rule}`

describe('diagnostics point at the file, line and column, with a rule id', () => {
  it('a valid notice has none', () => {
    const { code, diagnostics } = diagnose({})
    expect(diagnostics).toEqual([])
    expect(code).toBe(0)
  })

  it('frontmatter-syntax: a duplicated key, at the second key', () => {
    const { code, diagnostics } = diagnose({
      'n/findings/01-02.md': '---\nid: 1-2\nid: 1-3\n---\n\n2、第二个问题\n\n问题内容：内容二。\n\n整改情况：已完成。\n'
    })
    expect(code).toBe(1)
    expect(diagnostics.map(place)).toEqual(['content/n/findings/01-02.md:3:1 frontmatter-syntax'])
    expect(diagnostics[0]?.message).toContain('重复')
  })

  it('frontmatter-syntax: a tab used for indentation', () => {
    const { diagnostics } = diagnose({ 'n/notice.md': '---\ntitle: 测试通报\ninspection:\n\tteam: 第一巡察组\n---\n\n开头。\n' })
    expect(diagnostics.map((diagnostic) => [diagnostic.file, diagnostic.line, diagnostic.rule])).toContainEqual([
      'content/n/notice.md',
      4,
      'frontmatter-syntax'
    ])
  })

  it('frontmatter-syntax: frontmatter that is never closed', () => {
    const { diagnostics } = diagnose({ 'n/findings/01-01.md': '---\nid: 1-1\n\n1、第一个问题\n\n问题内容：内容一。\n' })
    expect(diagnostics.map(place)).toContain('content/n/findings/01-01.md:1:1 frontmatter-syntax')
  })

  it('schema: an impossible date, at its value', () => {
    const { diagnostics } = diagnose({ 'n/notice.md': '---\ntitle: 测试通报\ndates:\n  written: 2021-02-30\n---\n\n开头。\n\n<!-- 正文 -->\n' })
    expect(diagnostics.map(place)).toEqual(['content/n/notice.md:4:12 schema'])
    expect(diagnostics[0]?.message).toContain('日期无效')
  })

  it('schema: an unknown key with a suggestion', () => {
    const { diagnostics } = diagnose({ 'n/notice.md': '---\ntitle: 测试通报\nisuer: 某某党委\n---\n\n开头。\n\n<!-- 正文 -->\n' })
    expect(diagnostics.map(place)).toEqual(['content/n/notice.md:3:1 schema'])
    expect(diagnostics[0]?.message).toContain('issuer')
  })

  it('schema: a finding without an id, and an inspection that ends before it starts', () => {
    const { diagnostics } = diagnose({
      'n/findings/01-01.md': '---\nsustained: true\n---\n\n1、第一个问题\n\n问题内容：内容一。\n\n整改情况：已完成。\n',
      'n/notice.md': '---\ntitle: 测试通报\ninspection:\n  start: 2021-05-01\n  end: 2021-04-01\n---\n\n开头。\n\n<!-- 正文 -->\n'
    })
    expect(diagnostics.map(place)).toEqual(['content/n/findings/01-01.md:2:1 schema', 'content/n/notice.md:5:8 schema'])
    expect(diagnostics[0]?.message).toContain('缺少必填字段“id”')
    expect(diagnostics[1]?.message).toContain('早于开始日期')
  })

  it('duplicate-id: a copied finding file, at the copy’s id', () => {
    const { code, diagnostics } = diagnose({ 'n/findings/01-03.md': '---\nid: 1-2\n---\n\n3、第三个问题\n\n问题内容：内容三。\n\n整改情况：已完成。\n' })
    expect(code).toBe(1)
    expect(diagnostics.map(place)).toEqual(['content/n/findings/01-03.md:2:5 duplicate-id'])
    expect(diagnostics[0]?.message).toContain('content/n/findings/01-02.md')
  })

  it('duplicate-id: an id edited to one already used is reported at the edited file, naming the other file:line:col', () => {
    const root = writeContent({
      ...validNotice,
      'n/findings/01-01.md': '---\nid: 1-2\n---\n\n1、第一个问题\n\n问题内容：内容一。\n\n整改情况：已完成。措施一。\n'
    })
    const { result, diagnostics } = checkJson(root)
    expect(result.code).toBe(1)
    const found = diagnostics.filter((diagnostic) => diagnostic.rule === 'duplicate-id')
    expect(found.map(place)).toEqual(['content/n/findings/01-01.md:2:5 duplicate-id'])
    expect(found[0]?.message).toContain('content/n/findings/01-02.md:2:5')
    expect(found[0]?.message).toContain('文件名 01-01.md 对应的编号不是 1-2')
    expect((found[0] as JsonDiagnostic & { related?: unknown }).related).toEqual({ file: 'content/n/findings/01-02.md', line: 2, column: 5 })
    const text = runCli(['check'], { cwd: root })
    expect(text.stdout).toContain('content/n/findings/01-01.md:2:5: error: 问题编号 id: 1-2 已在 content/n/findings/01-02.md:2:5 中使用')
  })

  it('duplicate-id: when no file name gives the id, the file changed last is the new one', () => {
    const finding = (number: number): string => `---\nid: 1-9\n---\n\n${number}、又一个问题\n\n问题内容：内容。\n\n整改情况：已完成。\n`
    const root = writeContent({ ...validNotice, 'n/findings/01-05.md': finding(3), 'n/findings/01-06.md': finding(4) })
    // The earlier file in reading order is the one changed last.
    utimesSync(path.join(root, 'content/n/findings/01-06.md'), new Date('2024-01-01T00:00:00Z'), new Date('2024-01-01T00:00:00Z'))
    utimesSync(path.join(root, 'content/n/findings/01-05.md'), new Date('2024-03-01T00:00:00Z'), new Date('2024-03-01T00:00:00Z'))
    const { diagnostics } = checkJson(root)
    const found = diagnostics.filter((diagnostic) => diagnostic.rule === 'duplicate-id')
    expect(found.map(place)).toEqual(['content/n/findings/01-05.md:2:5 duplicate-id'])
    expect(found[0]?.message).toContain('content/n/findings/01-06.md:2:5')
    expect(found[0]?.message).toContain('修改时间比 01-06.md 晚')
  })

  it('numbering: a gap, at the number', () => {
    const { diagnostics } = diagnose({ 'n/findings/01-02.md': '---\nid: 1-2\n---\n\n3、第二个问题\n\n问题内容：内容二。\n\n整改情况：已完成。\n' })
    expect(diagnostics.map(place)).toEqual(['content/n/findings/01-02.md:5:1 numbering'])
    expect(diagnostics[0]?.message).toContain('应为“2、”')
  })

  it('numbering: a repeat', () => {
    const { diagnostics } = diagnose({ 'n/findings/01-02.md': '---\nid: 1-2\n---\n\n1、第二个问题\n\n问题内容：内容二。\n\n整改情况：已完成。\n' })
    expect(diagnostics.map(place)).toEqual(['content/n/findings/01-02.md:5:1 numbering'])
    expect(diagnostics[0]?.message).toContain('重复')
  })

  it('empty-finding: a label with nothing after it, at the end of the label', () => {
    const { code, diagnostics } = diagnose({ 'n/findings/01-02.md': '---\nid: 1-2\n---\n\n2、第二个问题\n\n问题内容：内容二。\n\n整改情况：\n' })
    expect(code).toBe(1)
    expect(diagnostics.map(place)).toEqual(['content/n/findings/01-02.md:9:6 empty-finding'])
  })

  it('empty-finding: a finding file with no text', () => {
    const { diagnostics } = diagnose({ 'n/findings/01-02.md': '---\nid: 1-2\n---\n' })
    expect(diagnostics.map(place)).toEqual(['content/n/findings/01-02.md:1:1 empty-finding'])
  })

  it('raw-html: a script, an event handler and a javascript: link, each where it is', () => {
    const { code, diagnostics } = diagnose({
      'n/findings/01-02.md':
        '---\nid: 1-2\n---\n\n2、第二个问题\n\n问题内容：内容二<img src=x onerror=alert(1)>。\n\n整改情况：已完成。见[通知](javascript:alert(1))。\n\n<script>alert(1)</script>\n'
    })
    expect(code).toBe(1)
    expect(diagnostics.map(place)).toEqual([
      'content/n/findings/01-02.md:7:9 raw-html',
      'content/n/findings/01-02.md:9:11 raw-html',
      'content/n/findings/01-02.md:11:1 raw-html'
    ])
  })

  it('structure: two findings in one file', () => {
    const { diagnostics } = diagnose({
      'n/findings/01-02.md':
        '---\nid: 1-2\n---\n\n2、第二个问题\n\n问题内容：内容二。\n\n整改情况：已完成。\n\n3、第三个问题\n\n问题内容：内容三。\n\n整改情况：已完成。\n'
    })
    expect(diagnostics.map(place)).toEqual(['content/n/findings/01-02.md:11:1 structure'])
  })

  it('text form: one line per diagnostic, FILE:LINE:COLUMN: severity: message [rule]', async () => {
    const root = writeContent({ ...validNotice, 'n/findings/01-02.md': '---\nid: 1-2\n---\n\n3、第二个问题\n\n问题内容：内容二。\n\n整改情况：已完成。\n' })
    const { runCli } = await import('../helpers/cli.js')
    const result = runCli(['check'], { cwd: root })
    expect(result.code).toBe(1)
    expect(result.stdout.split('\n')[0]).toMatch(/^content\/n\/findings\/01-02\.md:5:1: error: .+ \[numbering\]$/u)
  })
})
