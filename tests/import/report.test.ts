import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, tempDir } from '../helpers/cli.js'
import { noticeFixture } from '../helpers/import-notice.js'

interface Report {
  id: string
  title: string
  titleFrom: string
  stats: { total: number; byStatus: Record<string, number> }
  findings: Array<{ id: string; status: string; line: number }>
  omitted: Array<{ line: number; text: string; as: string }>
  unknownStatus: number[]
}

describe('notice import --format json', () => {
  it('prints one JSON object that accounts for every line of a portal page, and notice.txt is the input minus the omitted lines', () => {
    const dir = tempDir()
    const content = path.join(dir, 'content')
    const imported = runCli(['import', noticeFixture('portal-page'), '--id', 'p', '--content', content, '--format', 'json'])
    expect(imported.code, imported.stderr).toBe(0)
    const report = JSON.parse(imported.stdout) as Report
    expect(Object.keys(report)).toEqual(['id', 'title', 'titleFrom', 'stats', 'findings', 'omitted', 'unknownStatus'])
    expect(report.id).toBe('p')
    expect(report.titleFrom).toBe('text')
    expect(report.stats.total).toBe(2)
    expect(report.omitted.filter((line) => line.as === 'metadata').map((line) => line.line)).toEqual([2, 3, 4, 5, 6])
    expect(report.omitted.filter((line) => line.as === 'chrome').map((line) => line.line)).toEqual([1, 7, 8, 20, 21, 22, 23])
    // Kept verbatim in notice.md.
    const noticeMd = readFileSync(path.join(content, 'p', 'notice.md'), 'utf8')
    for (const line of report.omitted) expect(noticeMd).toContain(line.text.split('\t')[0])
    const built = runCli(['build', '--content', content, '--out', path.join(dir, 'dist')])
    expect(built.code, built.stderr).toBe(0)
    const input = readFileSync(noticeFixture('portal-page'), 'utf8').replace(/\n$/u, '').split('\n')
    const omitted = new Set(report.omitted.map((line) => line.line))
    const expected = `${input.filter((_, index) => !omitted.has(index + 1)).join('\n')}\n`
    expect(readFileSync(path.join(dir, 'dist', 'p', 'notice.txt'), 'utf8')).toBe(expected)
    const page = readFileSync(path.join(dir, 'dist', 'p', 'index.html'), 'utf8')
    expect(page).not.toContain('分享到')
    expect(page).not.toContain('浏览次数')
    // The page breaks the 信息索引号 only after its slash (<wbr>): as a reader sees it, it is whole.
    expect(page.replace(/<wbr>/gu, '')).toContain('11410329MB1234567X/2023-00125')
  })

  it('lists the lines of findings whose status is not stated, and says so in Chinese in text mode', () => {
    const dir = tempDir()
    const json = runCli(['import', noticeFixture('status-not-stated'), '--id', 's', '--content', path.join(dir, 'a'), '--format', 'json'])
    const report = JSON.parse(json.stdout) as Report
    expect(report.unknownStatus).toEqual([3, 6, 9])
    expect(report.findings.map((finding) => finding.status)).toEqual(['unknown', 'unknown', 'unknown'])
    expect(report.titleFrom).toBe('text')
    const text = runCli(['import', noticeFixture('status-not-stated'), '--id', 's', '--content', path.join(dir, 'b')])
    expect(text.stdout).toContain('识别出问题 3 个：未标明 3 个')
    expect(text.stdout).toContain('没有写明整改状态的问题（第 3、6、9 行）')
  })

  it('reads the status phrases of the content folder’s site.yml', () => {
    const dir = tempDir()
    const content = path.join(dir, 'content')
    const before = JSON.parse(runCli(['import', noticeFixture('status-vocabulary'), '--id', 'v', '--content', content, '--format', 'json']).stdout) as Report
    expect(before.findings[6]?.status).toBe('partial')
    const site = path.join(content, 'site.yml')
    writeFileSync(site, 'statusPhrases:\n  阶段性完成: in_progress\n')
    const after = JSON.parse(runCli(['import', noticeFixture('status-vocabulary'), '--id', 'w', '--content', content, '--format', 'json']).stdout) as Report
    expect(after.findings[6]?.status).toBe('in_progress')
  })

  it('refuses an unknown --format', () => {
    const result = runCli(['import', noticeFixture('portal-page'), '--id', 'x', '--content', path.join(tempDir(), 'c'), '--format', 'xml'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--format 只能是 text 或 json')
  })
})
