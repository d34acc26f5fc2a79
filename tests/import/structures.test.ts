import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot, runCli, tempDir } from '../helpers/cli.js'
import { encodeGb18030 } from '../helpers/two-byte-encoder.js'

interface NoticeJson {
  title: string
  signature?: string
  dates: { written?: string }
  contact: { phones: string[]; emails: string[]; postcode?: string }
  findings: Array<{ id: string; title: string; status: string; statusText: string; sustained: boolean; problem: string; rectification: string }>
  stats: { total: number; byStatus: Record<string, number>; completionRate: number }
}

const fixture = (name: string): string => path.join(repoRoot, 'tests', 'fixtures', 'structures', `${name}.txt`)

/** Imports a notice with the CLI, builds it, and returns what the build wrote. */
function importAndBuild(name: string): { text: string; json: NoticeJson; source: string; page: string } {
  const dir = tempDir()
  const content = path.join(dir, 'content')
  const out = path.join(dir, 'dist')
  const imported = runCli(['import', fixture(name), '--id', 'n', '--content', content])
  expect(imported.code, imported.stderr).toBe(0)
  const built = runCli(['build', '--content', content, '--out', out])
  expect(built.code, built.stderr).toBe(0)
  return {
    text: readFileSync(path.join(out, 'n', 'notice.txt'), 'utf8'),
    json: JSON.parse(readFileSync(path.join(out, 'n', 'notice.json'), 'utf8')) as NoticeJson,
    source: readFileSync(fixture(name), 'utf8'),
    page: readFileSync(path.join(out, 'n', 'index.html'), 'utf8')
  }
}

describe('notices in other structures', () => {
  it('（一）在…方面 / 1.关于…问题的整改 / （1）关于…的问题 with only 整改落实情况 labels', () => {
    const { text, json, source } = importAndBuild('aspects')
    expect(text).toBe(source)
    expect(json.title).toBe('中共某某县农业农村局党组关于巡察整改进展情况的通报')
    expect(json.findings.map((finding) => finding.id)).toEqual(['1-1-1', '1-1-2', '1-2-1', '2-1-1', '2-1-2'])
    expect(json.findings.map((finding) => finding.status)).toEqual(['done', 'in_progress', 'done', 'done', 'partial'])
    expect(json.findings[0]?.title).toBe('关于“理论学习中心组学习流于形式”的问题')
    // With only a rectification label, the problem is the heading itself.
    expect(json.findings[0]?.problem).toBe('关于“理论学习中心组学习流于形式”的问题')
    expect(json.findings[4]?.statusText).toBe('基本完成')
    expect(json.stats).toEqual({ total: 5, byStatus: expect.objectContaining({ done: 3, in_progress: 1, partial: 1 }), stated: 5, completionRate: 60 })
    expect(json.contact.phones).toContain('0379-12345678')
    expect(json.contact.emails).toEqual(['nyj@example.cn'])
  })

  it('narrative sections beside a finding list: only the list counts', () => {
    const { text, json, source, page } = importAndBuild('narrative')
    expect(text).toBe(source)
    // 一是…二是… in a narrative section is run-in prose: a paragraph on the page, not a heading.
    expect(page).toMatch(/<p class="narrative">一是持续抓好整改落实/u)
    expect(page).not.toMatch(/<h\d[^>]*>一是持续/u)
    expect(json.findings.map((finding) => [finding.id, finding.status])).toEqual([
      ['2-1', 'done'],
      ['2-2', 'in_progress'],
      ['2-3', 'done']
    ])
    expect(json.findings[1]?.problem).toBe('部分学校存在超范围使用公用经费的情况。')
    expect(json.findings[2]?.statusText).toBe('已完成整改')
    expect(json.contact.postcode).toBe('471300')
    expect(json.stats.total).toBe(3)
  })

  it('starting at （一）, with a statistics sentence, ASCII punctuation, a signature and a date', () => {
    const { text, json, source } = importAndBuild('from-paren')
    expect(text).toBe(source)
    expect(json.findings).toHaveLength(6)
    expect(json.stats.byStatus.done).toBe(4)
    expect(json.stats.byStatus.in_progress).toBe(2)
    expect(json.findings.filter((finding) => finding.sustained).map((finding) => finding.id)).toEqual(['1', '5'])
    expect(json.signature).toBe('中共某某镇委员会')
    expect(json.dates.written).toBe('2021-09-30')
  })

  it('reads a GB18030 file with CRLF line ends the same as the UTF-8 original', () => {
    const dir = tempDir()
    const source = readFileSync(fixture('from-paren'), 'utf8')
    const gbFile = path.join(dir, 'gb.txt')
    const encoded = encodeGb18030(source.replace(/\n/gu, '\r\n'))
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(encoded)).toThrow()
    writeFileSync(gbFile, encoded)
    const imported = runCli(['import', gbFile, '--id', 'g', '--content', path.join(dir, 'c')])
    expect(imported.code, imported.stderr).toBe(0)
    expect(imported.stdout).toContain('GB18030')
    const built = runCli(['build', '--content', path.join(dir, 'c'), '--out', path.join(dir, 'd')])
    expect(built.code).toBe(0)
    expect(readFileSync(path.join(dir, 'd', 'g', 'notice.txt'), 'utf8')).toBe(source)
  })
})
