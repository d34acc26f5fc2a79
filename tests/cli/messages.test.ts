import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'
import { validNotice, writeContent, type JsonDiagnostic } from '../helpers/content.js'

/** Messages a new user was misled by, each said the way it is. */
describe('messages that say what happened', () => {
  it('names a full-width colon after a frontmatter key, at its line', () => {
    const root = writeContent({
      ...validNotice,
      'n/notice.md': '---\ntitle: 测试通报\nsource：县委办公室\nissuer: 县委办公室\n---\n\n开头。\n\n<!-- 正文 -->\n\n欢迎监督。\n'
    })
    const result = runCli(['check', '--format', 'json'], { cwd: root })
    expect(result.code).toBe(1)
    const [diagnostic] = (JSON.parse(result.stdout) as JsonDiagnostic[]).filter((found) => found.rule === 'frontmatter-syntax')
    expect(diagnostic).toMatchObject({ file: 'content/n/notice.md', line: 3, column: 7 })
    expect(diagnostic?.message).toContain('全角冒号')
    expect(diagnostic?.message).toContain('source: ')
    expect(diagnostic?.message).not.toContain('跨行')
  })

  it("a failed build's summary counts the warnings check would list", () => {
    const root = writeContent({
      ...validNotice,
      'n/findings/01-01.md': '---\nid: 1-1\n---\n\n1、第一个问题\n\n问题内容：内容一,内容二,内容三。\n\n整改情况：已完成。措施一。\n',
      'n/findings/01-02.md': '---\nid: 1-1\n---\n\n2、第二个问题\n\n问题内容：内容二。\n\n整改情况：正在整改。措施二。\n'
    })
    const check = runCli(['check', '--format', 'json'], { cwd: root })
    const warnings = (JSON.parse(check.stdout) as JsonDiagnostic[]).filter((found) => found.severity === 'warning').length
    expect(warnings).toBeGreaterThan(0)
    const build = runCli(['build'], { cwd: root })
    expect(build.code).toBe(1)
    expect(build.stderr).toContain(`${warnings} 个警告`)
  })

  it('the build usage line names --pdf', () => {
    const help = runCli(['build', '--help'])
    expect(help.stdout.split('\n')[0]).toContain('[--pdf]')
  })
})

describe('drafts', () => {
  const draft = { ...validNotice, 'n/notice.md': '---\ntitle: 测试通报\ndraft: true\n---\n\n开头。\n\n<!-- 正文 -->\n\n欢迎监督。\n' }

  it('build names the drafts it left unpublished, from the cache too, and not with --drafts', () => {
    const other = Object.fromEntries(Object.entries(validNotice).map(([file, text]) => [file.replace(/^n\//, 'm/'), text]))
    const root = writeContent({ ...draft, ...other })
    const plain = runCli(['build', '--out', 'site'], { cwd: root })
    expect(plain.code).toBe(0)
    expect(plain.stdout).toContain('已生成 1 个通报，')
    expect(plain.stdout).toContain('草稿未发布：通报 n（notice.md 中 draft: true）')
    expect(existsSync(path.join(root, 'site/n/index.html'))).toBe(false)
    // The second build takes both notices from the cache: the draft is still named, and not counted as reused.
    const again = runCli(['build', '--out', 'site'], { cwd: root })
    expect(again.stdout).toContain('已生成 1 个通报（其中 1 个未改动，沿用上次结果）')
    expect(again.stdout).toContain('草稿未发布：通报 n')
    const withDrafts = runCli(['build', '--drafts', '--out', 'site'], { cwd: root })
    expect(withDrafts.code).toBe(0)
    expect(withDrafts.stdout).not.toContain('草稿未发布')
  })

  it('--drafts pages carry a 草稿 mark', () => {
    const root = writeContent(draft)
    const withDrafts = runCli(['build', '--drafts', '--out', 'site'], { cwd: root })
    expect(withDrafts.code).toBe(0)
    expect(readFileSync(path.join(root, 'site/n/index.html'), 'utf8')).toContain('class="draft-mark"')
  })

  it('a page that is not a draft carries no mark', () => {
    const root = writeContent(validNotice)
    expect(runCli(['build', '--out', 'site'], { cwd: root }).code).toBe(0)
    expect(readFileSync(path.join(root, 'site/n/index.html'), 'utf8')).not.toContain('draft-mark')
  })
})

describe('a plain build after a build with --pdf', () => {
  it('keeps the PDFs of unchanged notices with their links, drops the PDF of a changed notice and names it', { timeout: 300_000 }, () => {
    const other = Object.fromEntries(Object.entries(validNotice).map(([file, text]) => [file.replace(/^n\//, 'm/'), text]))
    const root = writeContent({ ...validNotice, ...other })
    const site = (file: string): string => path.join(root, 'site', file)
    expect(runCli(['build', '--pdf', '--out', 'site'], { cwd: root }).code).toBe(0)
    const printed = { n: readFileSync(site('n/notice.pdf')), m: readFileSync(site('m/notice.pdf')) }

    const plain = runCli(['build', '--out', 'site'], { cwd: root })
    expect(plain.code).toBe(0)
    expect(plain.stdout).toContain('沿用上次生成的 2 个 PDF')
    expect(plain.stdout).not.toContain('注意')
    expect(readFileSync(site('n/notice.pdf')).equals(printed.n)).toBe(true)
    expect(readFileSync(site('m/notice.pdf')).equals(printed.m)).toBe(true)
    expect(readFileSync(site('n/index.html'), 'utf8')).toContain('href="notice.pdf"')
    expect(readFileSync(site('index.html'), 'utf8')).toContain('href="n/notice.pdf"')

    // Another option (--docx) renders every page again: an unchanged notice's PDF stays, linked.
    const docx = runCli(['build', '--docx', '--out', 'site'], { cwd: root })
    expect(docx.code).toBe(0)
    expect(docx.stdout).toContain('沿用上次生成的 2 个 PDF')
    expect(readFileSync(site('n/notice.pdf')).equals(printed.n)).toBe(true)
    const withWord = readFileSync(site('n/index.html'), 'utf8')
    expect(withWord).toContain('href="notice.pdf"')
    expect(withWord).toContain('notice.docx')

    // n changes: its old PDF no longer shows what the page says.
    const finding = path.join(root, 'content/n/findings/01-02.md')
    writeFileSync(finding, readFileSync(finding, 'utf8').replace('正在整改。', '已完成。'))
    const changed = runCli(['build', '--out', 'site'], { cwd: root })
    expect(changed.code).toBe(0)
    expect(changed.stdout).toContain('沿用上次生成的 1 个 PDF')
    expect(changed.stdout).toContain(
      '注意：通报 n 在上次生成 PDF 之后有改动，旧的 PDF 与现在的内容不符，已删除，页面上也不再有 PDF 链接；运行 notice build --pdf 可重新生成。'
    )
    expect(existsSync(site('n/notice.pdf'))).toBe(false)
    expect(readFileSync(site('n/index.html'), 'utf8')).not.toContain('notice.pdf')
    expect(readFileSync(site('m/notice.pdf')).equals(printed.m)).toBe(true)
    expect(readFileSync(site('m/index.html'), 'utf8')).toContain('href="notice.pdf"')
    const index = readFileSync(site('index.html'), 'utf8')
    expect(index).toContain('href="m/notice.pdf"')
    expect(index).not.toContain('href="n/notice.pdf"')

    // Without the cache nothing vouches for m's PDF: it goes, and the build says so.
    const cold = runCli(['build', '--no-cache', '--out', 'site'], { cwd: root })
    expect(cold.code).toBe(0)
    expect(existsSync(site('m/notice.pdf'))).toBe(false)
    expect(cold.stdout).toContain('上次生成的 1 个 PDF（notice.pdf）和页面上的 PDF 链接已不在 site/ 中')
    expect(cold.stdout).toContain('notice build --pdf')
  })
})
