/** What notice.md and the content tell the print page: title lines set by hand, and the half-width punctuation a build warns of. */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli, seedFile, tempDir } from '../helpers/cli.js'

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** The seed imported as `x`, its notice.md changed by `edit`. */
function seed(edit: (text: string) => string = (text) => text): { content: string; out: string; noticeMd: string } {
  const dir = tempDir()
  dirs.push(dir)
  const content = path.join(dir, 'content')
  expect(runCli(['import', seedFile, '--id', 'x', '--content', content]).code).toBe(0)
  const noticeMd = path.join(content, 'x', 'notice.md')
  writeFileSync(noticeMd, edit(readFileSync(noticeMd, 'utf8')))
  return { content, out: path.join(dir, 'dist'), noticeMd }
}

const withTitleLines =
  (lines: string[]) =>
  (text: string): string =>
    text.replace(/^---\n/u, `---\nprint:\n  titleLines: [${lines.join(', ')}]\n`)

describe('print.titleLines in notice.md', () => {
  it('sets the title lines of the print page as written', () => {
    const { content, out } = seed(withTitleLines(['县产业聚集区管委会', '巡察整改情况公布']))
    expect(runCli(['build', '--content', content, '--out', out]).code).toBe(0)
    const html = readFileSync(path.join(out, 'x', 'print.html'), 'utf8')
    expect(html).toContain('<h1 class="document-title"><span>县产业聚集区管委会</span><span>巡察整改情况公布</span></h1>')
  })

  it('is an error, at its line in notice.md, when the lines do not make up the title, and nothing is published', () => {
    const { content, out } = seed(withTitleLines(['县产业聚集区管委会', '整改情况公布']))
    const result = runCli(['build', '--content', content, '--out', out])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /x\/notice\.md:3:3: error: print\.titleLines 连起来是“县产业聚集区管委会整改情况公布”，与标题“县产业聚集区管委会巡察整改情况公布”不同[^\n]*\[print-title-lines\]/u
    )
    expect(existsSync(out)).toBe(false)
    expect(result.stderr).not.toMatch(/\n\s+at /u)
  })

  it('is an error when a line is wider than the 20 characters a title line holds', () => {
    const { content, out } = seed((text) =>
      text
        .replace(/^title: .*$/mu, 'title: 伊川县产业集聚区关于县委第四巡察组巡察反馈意见整改情况的公布')
        .replace(/^---\n/u, '---\nprint:\n  titleLines:\n    - 伊川县产业集聚区关于县委第四巡察组巡察反馈\n    - 意见整改情况的公布\n')
    )
    const result = runCli(['build', '--content', content, '--out', out])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /notice\.md:4:\d+: error: 打印版标题第 1 行“伊川县产业集聚区关于县委第四巡察组巡察反馈”超过 20 个字[^\n]*\[print-title-lines\]/u
    )
  })
})

describe('the print title of a notice whose title has Latin words and numbers', () => {
  it('keeps the spaces written between them and the Chinese (关于 Windows 10 …), on the print page', () => {
    const title = '关于 Windows 10 系统升级和 Office 2016 正版化工作巡察整改情况的通报'
    const { content, out } = seed((text) => text.replace(/^title: .*$/mu, `title: ${title}`))
    const built = runCli(['build', '--content', content, '--out', out])
    expect(built.code, built.stderr).toBe(0)
    const html = readFileSync(path.join(out, 'x', 'print.html'), 'utf8')
    const lines = [...(/<h1 class="document-title">(.*?)<\/h1>/u.exec(html)?.[1] ?? '').matchAll(/<span>(.*?)<\/span>/gu)].map((match) => match[1])
    expect(lines.length).toBeGreaterThan(1)
    expect(lines[0]).toMatch(/^关于 Windows 10 /u)
    // The lines are the title in order: where a line breaks at a space, the space goes; every other space stays.
    let at = 0
    for (const line of lines) {
      const found = title.indexOf(line ?? '', at)
      expect(found, `${line}`).toBeGreaterThanOrEqual(at)
      expect(title.slice(at, found)).toMatch(/^ ?$/u)
      at = found + (line ?? '').length
    }
    expect(at).toBe(title.length)
  })
})

describe('notice build and half-width punctuation', () => {
  it('says once, in Chinese, how many half-width marks the print page carries and that check --fix fixes them', () => {
    const { content, out } = seed()
    const check = runCli(['check', '--content', content, '--format', 'json'])
    const count = (JSON.parse(check.stdout) as Array<{ rule: string }>).filter((diagnostic) => diagnostic.rule === 'punctuation-width').length
    expect(count).toBeGreaterThan(300)
    const built = runCli(['build', '--content', content, '--out', out])
    expect(built.code).toBe(0)
    const notes = built.stdout.split('\n').filter((line) => line.includes('半角标点'))
    expect(notes).toEqual([
      `注意：打印版里有 ${count} 处中文里的半角标点（, : ; ( ) 等），会照原样印出、打乱每行 28 字的版面；运行 notice check --fix 可一次改为全角标点。`
    ])
    // After the fix there is nothing to say.
    expect(runCli(['check', '--content', content, '--fix']).code).toBe(0)
    const again = runCli(['build', '--content', content, '--out', out])
    expect(again.stdout).not.toContain('半角标点')
  })
})
