/**
 * The site-wide progress page and its downloads: every number summed from the notices' own
 * notice.json stats, a notice without statuses shown as 整改状态未标明 (never a 0% bar), and the
 * index's links to each notice's print page, PDF and the stats page.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { HtmlValidate } from 'html-validate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkContent } from '../../src/build/pipeline.js'
import { readContent } from '../../src/load/read.js'
import { statuses } from '../../src/model/vocabulary.js'
import { bundledTemplates, readTemplates } from '../../src/render/read-templates.js'
import { indexEntry, renderSiteFiles } from '../../src/render/site.js'
import { csvField } from '../../src/render/stats.js'
import { createRenderer } from '../../src/render/templates.js'
import { buildSeed, copySeedContent, extraNotices, seedId } from './fixture.js'

interface NoticeJson {
  id: string
  title: string
  dates: { published?: string }
  stats: { total: number; byStatus: Record<string, number>; completionRate: number }
}
interface StatsNumbers {
  notices: number
  total: number
  byStatus: Record<string, number>
  completionRate: number | null
}
interface StatsJson {
  all: StatsNumbers
  years: Array<StatsNumbers & { year: string | null }>
  notices: Array<StatsNumbers & { id: string; title: string }>
  open: Array<{ notice: string; anchor: string; url: string; status: string }>
}

let dir: string
let out: string
const ids = [seedId, ...extraNotices.map((notice) => notice.id)]
const read = (file: string): string => readFileSync(path.join(out, file), 'utf8')
const noticeJson = (id: string): NoticeJson => JSON.parse(read(`${id}/notice.json`)) as NoticeJson
const unknownId = '2019-unknown-office'

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'notice-stats-'))
  out = buildSeed(dir, { extraNotices: true }).out
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('stats.json', () => {
  it('has each notice’s numbers exactly as its notice.json stats, and a null rate for a notice without statuses', () => {
    const stats = JSON.parse(read('stats.json')) as StatsJson
    expect(stats.notices.map((notice) => notice.id).sort()).toEqual([...ids].sort())
    for (const row of stats.notices) {
      const own = noticeJson(row.id).stats
      expect(row.total, row.id).toBe(own.total)
      for (const status of statuses) expect(row.byStatus[status], `${row.id} ${status}`).toBe(own.byStatus[status] ?? 0)
      const unknownAll = own.total > 0 && own.byStatus.unknown === own.total
      expect(row.completionRate, row.id).toBe(unknownAll ? null : own.completionRate)
    }
    expect(stats.notices.find((row) => row.id === unknownId)?.completionRate).toBeNull()
  })

  it('sums the notices per year and in all, with the rate of the sums', () => {
    const stats = JSON.parse(read('stats.json')) as StatsJson
    const notices = ids.map(noticeJson)
    const groups = [{ year: null as string | null, members: notices, row: stats.all }, ...stats.years.map((row) => ({ year: row.year, members: notices.filter((notice) => notice.dates.published?.slice(0, 4) === row.year), row }))]
    expect(stats.years.map((row) => row.year)).toEqual(['2022', '2021', '2019'])
    for (const { year, members, row } of groups) {
      const total = members.reduce((sum, notice) => sum + notice.stats.total, 0)
      const done = members.reduce((sum, notice) => sum + (notice.stats.byStatus.done ?? 0), 0)
      expect(row.notices, String(year)).toBe(members.length)
      expect(row.total, String(year)).toBe(total)
      for (const status of statuses) expect(row.byStatus[status], `${year} ${status}`).toBe(members.reduce((sum, notice) => sum + (notice.stats.byStatus[status] ?? 0), 0))
      const unknownAll = row.byStatus.unknown === total
      expect(row.completionRate, String(year)).toBe(unknownAll ? null : Math.round((done / total) * 1000) / 10)
    }
    // 25 + 4 + 2 findings; 20 + 1 done.
    expect(stats.all).toMatchObject({ notices: 3, total: 31, completionRate: 67.7 })
  })

  it('lists every finding not done, each linked to its anchor on its notice page', () => {
    const stats = JSON.parse(read('stats.json')) as StatsJson
    const expected = ids.flatMap((id) => (JSON.parse(read(`${id}/notice.json`)) as { findings: Array<{ anchor: string; status: string }> }).findings.filter((finding) => finding.status !== 'done').map((finding) => `${id}/index.html#${finding.anchor}`))
    expect(stats.open.map((finding) => finding.url).sort()).toEqual(expected.sort())
    expect(stats.open.length).toBe(5 + 3 + 2)
  })
})

describe('stats.html', () => {
  it('has no html-validate errors (recommended rules), nor has the index beside it', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] })
    for (const file of ['stats.html', 'index.html', `${unknownId}/index.html`]) {
      const report = await validator.validateString(read(file))
      const errors = report.results.flatMap((result) => result.messages.filter((message) => message.severity === 2).map((message) => `${file}:${message.line}:${message.column} ${message.ruleId} ${message.message}`))
      expect(errors).toEqual([])
    }
  })
})

describe('stats.csv', () => {
  it('holds the same numbers as stats.json, one line for all, per year and per notice, readable by spreadsheets (BOM, CRLF)', () => {
    const csv = read('stats.csv')
    expect(csv.startsWith('\uFEFF范围,编号,名称,年份,通报数,问题总数,已完成,')).toBe(true)
    const lines = csv.slice(1).trimEnd().split('\r\n').map((line) => line.split(','))
    const stats = JSON.parse(read('stats.json')) as StatsJson
    const numbers = (row: StatsNumbers): string[] => [String(row.notices), String(row.total), ...statuses.map((status) => String(row.byStatus[status])), row.completionRate === null ? '' : String(row.completionRate)]
    expect(lines[1]?.slice(4)).toEqual(numbers(stats.all))
    for (const year of stats.years) expect(lines.find((line) => line[0] === '年份' && line[3] === year.year)?.slice(4)).toEqual(numbers(year))
    for (const notice of stats.notices) expect(lines.find((line) => line[1] === notice.id)?.slice(4), notice.id).toEqual(numbers(notice))
    expect(lines).toHaveLength(1 + 1 + 3 + 3)
  })

  it('quotes what must be quoted and keeps a leading = or + from being read as a formula', () => {
    expect(csvField('关于“A,B”的通报')).toBe('"关于“A,B”的通报"')
    expect(csvField('他说"好"')).toBe('"他说""好"""')
    expect(csvField('=1+1')).toBe("'=1+1")
    expect(csvField('+86')).toBe("'+86")
    expect(csvField(-1)).toBe('-1')
  })
})

describe('a notice whose findings state no status', () => {
  it('reads 整改状态未标明 on its page, the index and the stats page, with no progress bar or 0% rate', () => {
    const page = read(`${unknownId}/index.html`)
    const summary = page.slice(page.indexOf('class="summary"'), page.indexOf('</section>', page.indexOf('class="summary"')))
    expect(summary).toContain('整改状态未标明')
    expect(summary).not.toMatch(/<progress|完成率|0%/u)
    expect(page).toMatch(/<meta name="Description" content="共2个问题，整改状态未标明">/u)
    const index = read('index.html')
    const item = index.slice(index.indexOf(`${unknownId}/index.html`), index.indexOf('</li>', index.indexOf(`${unknownId}/index.html`)))
    expect(item).toContain('整改状态未标明')
    expect(item).not.toContain('完成率')
    const stats = read('stats.html')
    const row = stats.slice(stats.indexOf(`${unknownId}/index.html`), stats.indexOf('</tr>', stats.indexOf(`${unknownId}/index.html`)))
    expect(row).toContain('整改状态未标明')
    expect(row).not.toMatch(/<svg|>0%</u)
    // The seed, whose findings do state their status, keeps its bar and rate.
    const seedRow = stats.slice(stats.indexOf(`${seedId}/index.html`), stats.indexOf('</tr>', stats.indexOf(`${seedId}/index.html`)))
    expect(seedRow).toMatch(/>80%<[\s\S]*<svg class="bar"/u)
  })

  it('keeps the rate on a page where only some findings are unstated, and says how many', () => {
    const page = read('2022-mixed-bureau/index.html')
    expect(page).toMatch(/完成率 <strong>25%<\/strong>。其中 1 个问题整改状态未标明。/u)
    expect(page).toContain('<progress')
  })
})

describe('the index', () => {
  it('links the stats page, and each notice’s print page; the PDF only when the build printed PDFs', async () => {
    const index = read('index.html')
    expect(index).toContain('href="stats.html"')
    for (const id of ids) expect(index).toContain(`href="${id}/print.html"`)
    expect(index).not.toContain('notice.pdf')

    const content = copySeedContent(mkdtempSync(path.join(dir, 'pdf-')))
    const checked = checkContent(await readContent(content))
    const { sources, assets } = await readTemplates(bundledTemplates)
    const renderer = createRenderer(sources, assets)
    const entries = checked.notices.map((notice) => indexEntry(notice.record))
    const indexWith = (pdf: boolean): string => renderSiteFiles(entries, checked.site, renderer, { pdf }).find((file) => file.path === 'index.html')?.content as string
    expect(indexWith(true)).toContain(`href="${seedId}/notice.pdf"`)
    expect(indexWith(false)).not.toContain('notice.pdf')
  })
})
