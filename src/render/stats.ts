/**
 * Progress across notices (dist/stats.html, stats.csv, stats.json): per notice, per year and in
 * all, findings by status, completion rates, and the findings still open. Every figure is summed
 * from the notices' own counts, which the loader computed from the findings.
 */
import type { SiteConfig } from '../model/schema.js'
import { statusNames, statuses, type Status } from '../model/vocabulary.js'
import { compareStrings } from '../diagnostics/diagnostic.js'
import { completionRate, formatRate, unknownStatusText } from './progress.js'
import type { Renderer } from './templates.js'
import { wellFormedText } from './well-formed.js'

/** What the stats need of a notice (an index entry has it all). */
export interface StatsEntry {
  id: string
  title: string
  date?: string
  total: number
  done: number
  known: boolean
  completionRate: number
  byStatus: Readonly<Record<Status, number>>
  open: ReadonlyArray<{ anchor: string; title: string; status: Status; statusName: string }>
}

/** One bar of a stacked bar: the share of one status, in percent of the bar's width. */
export interface BarSegment {
  status: Status
  x: number
  width: number
}

export interface StatsRow {
  notices: number
  total: number
  done: number
  byStatus: Record<Status, number>
  known: boolean
  /** Done ÷ total in percent; null when no finding states a status. */
  completionRate: number | null
  /** `80%` or 整改状态未标明. */
  rate: string
  segments: BarSegment[]
}

export interface NoticeStatsRow extends StatsRow {
  id: string
  title: string
  date?: string
  year: string
}

export interface YearStatsRow extends StatsRow {
  /** `2021`, or '' for notices without a date. */
  year: string
}

export interface SiteStats {
  all: StatsRow
  years: YearStatsRow[]
  notices: NoticeStatsRow[]
  open: Array<{ id: string; title: string; findings: StatsEntry['open'] }>
}

/** Widths rounded to 0.01%: the same counts always draw the same bytes. */
const round = (value: number): number => Math.round(value * 100) / 100

function segments(counts: Readonly<Record<Status, number>>, total: number): BarSegment[] {
  const out: BarSegment[] = []
  let x = 0
  for (const status of statuses) {
    const count = counts[status]
    if (count === 0 || total === 0) continue
    const width = round((count / total) * 100)
    out.push({ status, x: round(x), width })
    x += width
  }
  return out
}

function row(notices: number, byStatus: Record<Status, number>, total: number, given?: { known: boolean; completionRate: number }): StatsRow {
  const done = byStatus.done
  const known = given?.known ?? (total === 0 || byStatus.unknown < total)
  const rate = given?.completionRate ?? completionRate(done, total)
  return {
    notices,
    total,
    done,
    byStatus,
    known,
    completionRate: known ? rate : null,
    rate: known ? formatRate(rate) : unknownStatusText,
    segments: segments(byStatus, total)
  }
}

function sum(entries: readonly StatsEntry[]): StatsRow {
  const byStatus = Object.fromEntries(statuses.map((status) => [status, entries.reduce((total, entry) => total + entry.byStatus[status], 0)])) as Record<
    Status,
    number
  >
  return row(
    entries.length,
    byStatus,
    entries.reduce((total, entry) => total + entry.total, 0)
  )
}

/** Entries in index order (newest first); years newest first, undated last. */
export function siteStats(sorted: readonly StatsEntry[]): SiteStats {
  const yearOf = (entry: StatsEntry): string => entry.date?.slice(0, 4) ?? ''
  const years = [...new Set(sorted.map(yearOf))].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : compareStrings(b, a)))
  return {
    all: sum(sorted),
    years: years.map((year) => ({ year, ...sum(sorted.filter((entry) => yearOf(entry) === year)) })),
    notices: sorted.map((entry) => ({
      id: entry.id,
      title: entry.title,
      ...(entry.date ? { date: entry.date } : {}),
      year: yearOf(entry),
      // A notice's own rate, as its page and notice.json give it.
      ...row(1, { ...entry.byStatus }, entry.total, { known: entry.known, completionRate: entry.completionRate })
    })),
    open: sorted.filter((entry) => entry.open.length > 0).map((entry) => ({ id: entry.id, title: entry.title, findings: entry.open }))
  }
}

const csvColumns = ['范围', '编号', '名称', '年份', '通报数', '问题总数', ...statuses.map((status) => statusNames[status]), '完成率（%）'] as const

/** A CSV field: quoted when it must be; a leading = + - @ is kept as text, not read as a formula by a spreadsheet. */
export function csvField(value: string | number): string {
  // Control characters a title may carry never reach the file (as they never reach a page).
  let text = wellFormedText(String(value))
  if (typeof value === 'string' && /^[=+\-@\t\r]/u.test(text)) text = `'${text}`
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text
}

function csvRow(scope: string, id: string, name: string, year: string, stats: StatsRow): string {
  const rate = stats.completionRate === null ? '' : stats.completionRate
  return [scope, id, name, year, stats.notices, stats.total, ...statuses.map((status) => stats.byStatus[status]), rate].map(csvField).join(',')
}

/** stats.csv: one line for all notices, one per year, one per notice; UTF-8 with a BOM so spreadsheet programs read the Chinese. */
export function statsCsv(stats: SiteStats): string {
  const lines = [
    csvColumns.map(csvField).join(','),
    csvRow('全部', '', '全部通报', '', stats.all),
    ...stats.years.map((year) => csvRow('年份', '', year.year ? `${year.year}年` : '未注明日期', year.year, year)),
    ...stats.notices.map((notice) => csvRow('通报', notice.id, notice.title, notice.year, notice))
  ]
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/** stats.json: the same numbers, and the open findings with their page links. */
export function statsJson(stats: SiteStats): string {
  const numbers = (entry: StatsRow) => ({ notices: entry.notices, total: entry.total, byStatus: entry.byStatus, completionRate: entry.completionRate })
  const data = {
    statuses: Object.fromEntries(statuses.map((status) => [status, statusNames[status]])),
    all: numbers(stats.all),
    years: stats.years.map((year) => ({ year: year.year || null, ...numbers(year) })),
    notices: stats.notices.map((notice) => ({ id: notice.id, title: notice.title, date: notice.date ?? null, ...numbers(notice) })),
    open: stats.open.flatMap((notice) =>
      notice.findings.map((finding) => ({
        notice: notice.id,
        anchor: finding.anchor,
        url: `${notice.id}/index.html#${finding.anchor}`,
        title: finding.title,
        status: finding.status,
        statusText: finding.statusName
      }))
    )
  }
  return `${JSON.stringify(data, null, 2)}\n`
}

export function renderStatsFiles(
  sorted: readonly StatsEntry[],
  site: SiteConfig,
  renderer: Renderer,
  formatDate: (iso: string) => string
): Array<{ path: string; content: string }> {
  const stats = siteStats(sorted)
  const page = renderer.render('stats', {
    site,
    stats,
    statuses: statuses.map((status) => ({ status, name: statusNames[status] })),
    root: '',
    pageTitle: `整改进度统计 - ${site.columnName} - ${site.name}`,
    meta: [
      { name: 'SiteName', content: site.name },
      { name: 'ColumnName', content: site.columnName }
    ],
    feed: Boolean(site.baseUrl),
    formatDate
  })
  return [
    { path: 'stats.html', content: page },
    { path: 'stats.csv', content: statsCsv(stats) },
    { path: 'stats.json', content: statsJson(stats) }
  ]
}
