/**
 * The site-wide outputs as files: the progress page and its downloads (every number summed from
 * the notices' own notice.json stats; a notice without statuses shown as 整改状态未标明, never a 0%
 * bar), the index's links, and the search page with its index (a shard per notice, an entry per finding).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { HtmlValidate } from 'html-validate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkContent } from '../../src/engine/pipeline.js'
import { readContent } from '../../src/load/read.js'
import { statuses } from '../../src/model/vocabulary.js'
import { bundledTemplates, readTemplates } from '../../src/render/read-templates.js'
import { indexEntry, renderSiteFiles } from '../../src/render/site.js'
import { csvField } from '../../src/render/stats.js'
import { searchShard } from '../../src/search/records.js'
import { runCli } from '../helpers/cli.js'
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

function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
}

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
    const groups = [
      { year: null as string | null, members: notices, row: stats.all },
      ...stats.years.map((row) => ({ year: row.year, members: notices.filter((notice) => notice.dates.published?.slice(0, 4) === row.year), row }))
    ]
    expect(stats.years.map((row) => row.year)).toEqual(['2022', '2021', '2019'])
    for (const { year, members, row } of groups) {
      const total = members.reduce((sum, notice) => sum + notice.stats.total, 0)
      const done = members.reduce((sum, notice) => sum + (notice.stats.byStatus.done ?? 0), 0)
      expect(row.notices, String(year)).toBe(members.length)
      expect(row.total, String(year)).toBe(total)
      for (const status of statuses)
        expect(row.byStatus[status], `${year} ${status}`).toBe(members.reduce((sum, notice) => sum + (notice.stats.byStatus[status] ?? 0), 0))
      const unknownAll = row.byStatus.unknown === total
      expect(row.completionRate, String(year)).toBe(unknownAll ? null : Math.round((done / total) * 1000) / 10)
    }
    // 25 + 4 + 2 findings; 20 + 1 done.
    expect(stats.all).toMatchObject({ notices: 3, total: 31, completionRate: 67.7 })
  })

  it('lists every finding still open (a status stated, not done), each linked to its anchor on its notice page', () => {
    const stats = JSON.parse(read('stats.json')) as StatsJson
    const expected = ids.flatMap((id) =>
      (JSON.parse(read(`${id}/notice.json`)) as { findings: Array<{ anchor: string; status: string }> }).findings
        .filter((finding) => finding.status !== 'done' && finding.status !== 'unknown')
        .map((finding) => `${id}/index.html#${finding.anchor}`)
    )
    expect(stats.open.map((finding) => finding.url).sort()).toEqual(expected.sort())
    // The seed's five, and two of 2022-mixed-bureau (its third finding states no status); none of the notice without statuses.
    expect(stats.open.length).toBe(5 + 2)
  })
})

describe('stats.html', () => {
  it('has no html-validate errors (recommended rules), nor has the index beside it', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] })
    for (const file of ['stats.html', 'search.html', 'index.html', `${unknownId}/index.html`]) {
      const report = await validator.validateString(read(file))
      const errors = report.results.flatMap((result) =>
        result.messages
          .filter((message) => message.severity === 2)
          .map((message) => `${file}:${message.line}:${message.column} ${message.ruleId} ${message.message}`)
      )
      expect(errors).toEqual([])
    }
  })
})

describe('stats.csv', () => {
  it('holds the same numbers as stats.json, one line for all, per year and per notice, readable by spreadsheets (BOM, CRLF)', () => {
    const csv = read('stats.csv')
    expect(csv.startsWith('\uFEFF范围,编号,名称,年份,通报数,问题总数,已完成,')).toBe(true)
    const lines = csv
      .slice(1)
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','))
    const stats = JSON.parse(read('stats.json')) as StatsJson
    const numbers = (row: StatsNumbers): string[] => [
      String(row.notices),
      String(row.total),
      ...statuses.map((status) => String(row.byStatus[status])),
      row.completionRate === null ? '' : String(row.completionRate)
    ]
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
    expect(csvField('标题\u0007')).toBe('标题')
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
    const checked = checkContent(await readContent(content, process.cwd()))
    const { sources, assets } = await readTemplates(bundledTemplates)
    const renderer = createRenderer(sources, assets)
    const entries = checked.notices.map((notice) => indexEntry(notice.record))
    const indexWith = (pdf: boolean): string =>
      renderSiteFiles(entries, checked.site, renderer, { pdf }).find((file) => file.path === 'index.html')?.content as string
    expect(indexWith(true)).toContain(`href="${seedId}/notice.pdf"`)
    expect(indexWith(false)).not.toContain('notice.pdf')
  })
})

/** The data a search script hands to the page (`noticeSearch.add(…)` / `noticeSearch.list(…)`). */
function scriptData<T>(file: string, call: 'add' | 'list'): T {
  const text = read(file)
  const prefix = `noticeSearch.${call}(`
  expect(text.startsWith(prefix) && text.endsWith(')\n'), file).toBe(true)
  return JSON.parse(text.slice(prefix.length, -2)) as T
}

interface ShardJson {
  id: string
  title: string
  year: string
  unit?: string
  findings: Array<{ anchor: string; title: string; status: string; statusName: string; statusText: string; text: string }>
}

describe('findings still open: one definition on every page', () => {
  it('the notice page, the stats page and stats.json list the same findings: a stated status other than done, never one without a status', () => {
    const stats = JSON.parse(read('stats.json')) as StatsJson
    const statsPage = read('stats.html')
    const openSection = statsPage.slice(statsPage.indexOf('id="stats-open-title"'))
    let unknownSeen = 0
    for (const id of ids) {
      const record = noticeJson(id) as NoticeJson & { findings: Array<{ anchor: string; status: string }> }
      const expected = record.findings.filter((finding) => finding.status !== 'done' && finding.status !== 'unknown').map((finding) => finding.anchor)
      unknownSeen += record.findings.filter((finding) => finding.status === 'unknown').length
      const page = read(`${id}/index.html`)
      const details = page.includes('<details class="open-findings">')
        ? page.slice(page.indexOf('<details class="open-findings">'), page.indexOf('</details>'))
        : ''
      expect(
        [...details.matchAll(/<a href="#([^"]+)">/gu)].map((match) => match[1]),
        `${id} page`
      ).toEqual(expected)
      expect(
        [...openSection.matchAll(new RegExp(`<a href="${id}/index\\.html#([^"]+)">`, 'gu'))].map((match) => match[1]),
        `${id} stats.html`
      ).toEqual(expected)
      expect(
        stats.open.filter((finding) => finding.notice === id).map((finding) => finding.anchor),
        `${id} stats.json`
      ).toEqual(expected)
    }
    // The site has findings without a status, in a notice with open ones (2022-mixed-bureau's f-1-4) and in one without any.
    expect(noticeJson('2022-mixed-bureau').stats.byStatus.unknown).toBe(1)
    expect(unknownSeen).toBeGreaterThan(1)
    expect(openSection).toContain(`另有 ${unknownSeen} 个问题整改状态未标明`)
  })
})

describe('the search page and its index', () => {
  it('ships a list of the published notices, newest first, and one shard per notice with an entry per finding', () => {
    const listed = scriptData<Array<{ id: string; year: string }>>('search/index.js', 'list')
    expect(listed).toEqual([
      { id: '2022-mixed-bureau', year: '2022' },
      { id: seedId, year: '2021' },
      { id: unknownId, year: '2019' }
    ])
    expect(listFiles(path.join(out, 'search'))).toEqual(['index.js', ...ids.map((id) => `${id}.js`)].sort())
    for (const id of ids) {
      const record = noticeJson(id) as NoticeJson & { findings: Array<{ anchor: string; problem: string; rectification: string }> }
      const shard = scriptData<ShardJson>(`search/${id}.js`, 'add')
      expect(shard.id).toBe(id)
      expect(shard.title).toBe(record.title)
      expect(shard.findings.map((finding) => finding.anchor)).toEqual(record.findings.map((finding) => finding.anchor))
      for (const [index, finding] of record.findings.entries()) {
        expect(shard.findings[index]?.text).toContain(finding.problem)
        expect(shard.findings[index]?.text).toContain(finding.rectification)
      }
    }
  })

  it('has a form shown by its script, a plain message without JavaScript, and filters for the statuses and years the site has', () => {
    const page = read('search.html')
    expect(page).toMatch(/<form class="search-form" role="search"[^>]* hidden>/u)
    expect(page).toMatch(/<noscript>\s*<p class="search-message">搜索需要浏览器启用 JavaScript。/u)
    expect(page).toContain('<script src="assets/search.js" defer></script>')
    const values = (name: string): string[] => [...page.matchAll(new RegExp(`data-filter="${name}" value="([^"]+)"`, 'gu'))].map((match) => match[1] ?? '')
    expect(values('status')).toEqual(['已完成', '正在整改', '未完成', '未标明'])
    expect(values('year')).toEqual(['2022', '2021', '2019'])
    expect(read('index.html')).toContain('href="search.html"')
  })

  it('is kept by a build in which no notice changed, and an edited notice’s shard alone is made again', () => {
    const work = mkdtempSync(path.join(dir, 'warm-'))
    const content = copySeedContent(work, { extra: true })
    const dist = path.join(work, 'dist')
    const build = (): void => {
      const result = runCli(['build', '--content', content, '--out', dist], { cwd: work })
      expect(result.code, result.stderr).toBe(0)
    }
    const shards = (): Map<string, { mtimeMs: number; text: string }> =>
      new Map(
        ids.map((id) => [
          id,
          { mtimeMs: statSync(path.join(dist, 'search', `${id}.js`)).mtimeMs, text: readFileSync(path.join(dist, 'search', `${id}.js`), 'utf8') }
        ])
      )
    build()
    const first = shards()
    build()
    expect(shards()).toEqual(first)
    const finding = path.join(content, seedId, 'findings', '01-04-02.md')
    writeFileSync(finding, readFileSync(finding, 'utf8').replace('整改情况:已完成', '整改情况:正在整改'))
    build()
    const after = shards()
    expect(after.get(seedId)?.text).not.toBe(first.get(seedId)?.text)
    expect(after.get(seedId)?.text).toContain('"anchor":"f-1-4-2","title"')
    for (const id of ids.filter((other) => other !== seedId)) expect(after.get(id), id).toEqual(first.get(id))
  }, 120_000)

  it('is built without being asked for, and not built nor linked when site.yml says search: false', () => {
    const work = mkdtempSync(path.join(dir, 'off-'))
    const content = copySeedContent(work)
    const siteYml = readFileSync(path.join(content, 'site.yml'), 'utf8').replace(/^search: .*\n/mu, '')
    const dist = path.join(work, 'dist')
    const build = (yml: string): string[] => {
      writeFileSync(path.join(content, 'site.yml'), yml)
      const result = runCli(['build', '--content', content, '--out', dist], { cwd: work })
      expect(result.code, result.stderr).toBe(0)
      return listFiles(dist).filter((file) => file.startsWith('search/') || file === 'search.html')
    }
    expect(build(siteYml)).toEqual(['search.html', `search/${seedId}.js`, 'search/index.js'])
    expect(build(`${siteYml}search: false\n`)).toEqual([])
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).not.toContain('search.html')
  })
})

describe('the 台账 layout (ledger: table in notice.md)', () => {
  it('shows the findings as a table: a row per finding with its anchor, the fields in their columns, the status as a badge', () => {
    const page = read('2022-mixed-bureau/index.html')
    const table = page.slice(page.indexOf('<table class="ledger">'), page.indexOf('</table>') + 8)
    expect([...table.matchAll(/<th scope="col"[^>]*>([^<]+)<\/th>/gu)].map((match) => match[1])).toEqual(['序号', '问题', '责任单位', '完成时限', '完成情况'])
    const record = noticeJson('2022-mixed-bureau') as NoticeJson & { findings: Array<{ anchor: string; status: string }> }
    const rows = [...table.matchAll(/<tr id="([^"]+)" class="finding-row status-([a-z_]+)">([\s\S]*?)<\/tr>/gu)]
    expect(rows.map((match) => [match[1], match[2]])).toEqual(record.findings.map((finding) => [finding.anchor, finding.status]))
    for (const match of rows) {
      expect(match[3]).toContain('data-label="责任单位"')
      expect(match[3]).toContain('县市场监管局办公室')
      expect(match[3]).toContain('2022年12月底')
      expect(match[3]).toMatch(new RegExp(`<span class="badge badge-${match[2]}">`, 'u'))
    }
    // Without ledger: table a notice keeps its list of findings.
    expect(read(`${seedId}/index.html`)).not.toContain('<table class="ledger">')
  })
})

describe('the 台账 layout in print and in the CMS fragment (the same ledger: table)', () => {
  const record = (): NoticeJson & { findings: Array<{ anchor: string; status: string }> } =>
    noticeJson('2022-mixed-bureau') as NoticeJson & { findings: Array<{ anchor: string; status: string }> }
  const statusName: Record<string, string> = { done: '已完成', in_progress: '正在整改', not_done: '未完成', unknown: '未标明' }
  const ledgerOf = (html: string, open: string): string => {
    const start = html.indexOf(open)
    expect(start, open).toBeGreaterThan(-1)
    return html.slice(start, html.indexOf('</table>', start) + 8)
  }
  const headers = (table: string): string[] => [...table.matchAll(/<th scope="col"[^>]*>([^<]+)<\/th>/gu)].map((match) => match[1] ?? '')

  it('prints a ruled table, a row per finding with its fields in their columns and its status as text', () => {
    const table = ledgerOf(read('2022-mixed-bureau/print.html'), '<table class="ledger">')
    expect(headers(table)).toEqual(['序号', '问题', '责任单位', '完成时限', '完成情况'])
    const rows = [...table.matchAll(/<tr>\s*<td class="ledger-number">([\s\S]*?)<\/tr>/gu)].map((match) => match[1] ?? '')
    expect(rows).toHaveLength(record().findings.length)
    for (const [index, finding] of record().findings.entries()) {
      expect(rows[index]).toContain(`<p class="ledger-status">${statusName[finding.status]}</p>`)
      expect(rows[index]).toContain('县市场监管局办公室')
      expect(rows[index]).toContain('2022年12月底')
    }
    expect(read('2022-mixed-bureau/print.html')).toContain('.body .ledger tr { break-inside: avoid; }')
    // Without ledger: table a notice prints its list of findings.
    expect(read(`${seedId}/print.html`)).not.toContain('class="ledger"')
  })

  it('gives the CMS a table with inline styles only, a row per finding keeping its anchor and its status badge', () => {
    const fragment = read('2022-mixed-bureau/fragment.html')
    const table = ledgerOf(fragment, '<table style=')
    expect(headers(table)).toEqual(['序号', '问题', '责任单位', '完成时限', '完成情况'])
    const rows = [...table.matchAll(/<tr id="([^"]+)">([\s\S]*?)<\/tr>/gu)]
    expect(rows.map((match) => match[1])).toEqual(record().findings.map((finding) => finding.anchor))
    for (const [index, finding] of record().findings.entries()) expect(rows[index]?.[2]).toContain(`整改状态：${statusName[finding.status]}</span>`)
    expect(fragment).not.toMatch(/\sclass=/u)
    expect(fragment).toContain('<div style="overflow-x: auto;')
    expect(read(`${seedId}/fragment.html`)).not.toContain('<table')
  })
})

describe('a notice’s search shard', () => {
  it('has each finding’s anchor, title, status and text, and the notice’s year (未注明 without a date)', () => {
    const record = JSON.parse(read(`${seedId}/notice.json`)) as Parameters<typeof searchShard>[0]
    const shard = searchShard(record)
    expect(shard).toMatchObject({ id: seedId, title: record.title, date: '2021-04-15', year: '2021' })
    expect(shard.findings).toHaveLength(record.findings.length)
    const one = shard.findings.find((candidate) => candidate.anchor === 'f-2-3')
    expect(one).toMatchObject({ status: 'in_progress', statusName: '正在整改', statusText: '正在整改' })
    expect(one?.text).toContain('厂房')
    expect(searchShard({ ...record, dates: {} }).year).toBe('未注明')
  })
})
