/**
 * Every output of a build as a list of files: per notice (page, text, JSON) and for the site
 * (index, assets). Pure: the same notices, site and templates give the same bytes.
 */
import type { LoadedNotice } from '../load/notice.js'
import type { NoticeRecord, SiteConfig } from '../model/schema.js'
import { compareStrings } from '../diagnostics/diagnostic.js'
import type { Renderer } from './templates.js'
import { renderText } from './text.js'
import { buildView, formatRate, type NoticeView } from './view.js'
import { isBlockHtml } from '../print/block-html.js'
import { printClosing } from '../print/closing.js'
import { balanceTitle } from '../print/title-lines.js'

export interface OutputFile {
  /** Path inside the output folder, `/`-separated. */
  path: string
  content: string | Uint8Array
}

/** 2021-03-05 → 2021年3月5日 (no leading zeros, as GB/T 9704 writes dates). */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso)
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : iso
}

export interface NoticeOutputContext {
  notice: LoadedNotice
  site: SiteConfig
  renderer: Renderer
  view: NoticeView
  /** A PDF of the print page is built too (`build --pdf`), so pages may link to it. */
  pdf: boolean
}

/** One kind of per-notice output (page, text, JSON …). Each is pure in its context. */
export type NoticeOutput = (context: NoticeOutputContext) => OutputFile[]

const pageOutput: NoticeOutput = ({ notice, site, renderer, view, pdf }) => {
  const record = notice.record
  const page = renderer.render('notice', {
    site,
    notice: record,
    view,
    root: '../',
    pageTitle: `${record.title} - ${site.name}`,
    meta: pageMeta(record, site),
    feed: Boolean(site.baseUrl),
    pdf,
    formatDate
  })
  return [{ path: `${record.id}/index.html`, content: page }]
}

/** Title lines of the print page: 22 pt on a 156 mm measure holds 20 characters. */
const printTitleWidth = 20

/** The print page (GB/T 9704-2012, A4), its CSS inlined so it prints the same wherever it is opened. */
const printOutput: NoticeOutput = ({ notice, renderer, view, pdf }) => {
  const record = notice.record
  const page = renderer.render('print', {
    notice: record,
    view,
    css: renderer.assets['assets/print.css'] ?? '',
    titleLines: balanceTitle(record.title, printTitleWidth),
    closing: printClosing(view, record, formatDate),
    pdf,
    formatDate,
    isBlockHtml
  })
  return [{ path: `${record.id}/print.html`, content: page }]
}

const textOutput: NoticeOutput = ({ notice }) => [{ path: `${notice.record.id}/notice.txt`, content: renderText(notice.document) }]

const jsonOutput: NoticeOutput = ({ notice }) => [{ path: `${notice.record.id}/notice.json`, content: `${JSON.stringify(notice.record, null, 2)}\n` }]

/** Every per-notice output, in the order they are rendered. */
export const noticeOutputs: readonly NoticeOutput[] = [pageOutput, printOutput, textOutput, jsonOutput]

export function renderNotice(notice: LoadedNotice, site: SiteConfig, renderer: Renderer, options: { pdf?: boolean } = {}): OutputFile[] {
  const context: NoticeOutputContext = { notice, site, renderer, view: buildView(notice), pdf: options.pdf ?? false }
  return noticeOutputs.flatMap((output) => output(context))
}

function pageMeta(record: NoticeRecord, site: SiteConfig): Array<{ name: string; content: string }> {
  const description = record.findings.length > 0 ? `共${record.stats.total}个问题，已完成${record.stats.byStatus.done ?? 0}个，完成率${formatRate(record.stats.completionRate)}` : record.title
  const entries: Array<[string, string | undefined]> = [
    ['SiteName', site.name],
    ['SiteDomain', site.domain],
    ['SiteIDCode', site.siteIdCode],
    ['ColumnName', site.columnName],
    ['ArticleTitle', record.title],
    ['PubDate', record.dates.published],
    ['ContentSource', record.source],
    ['Keywords', [...record.keywords, '巡察整改'].join(',')],
    ['Description', description]
  ]
  return entries.flatMap(([name, content]) => (content ? [{ name, content }] : []))
}

export interface IndexEntry {
  id: string
  title: string
  unit?: string
  date?: string
  rate: string
}

export function indexEntry(record: NoticeRecord): IndexEntry {
  const entry: IndexEntry = { id: record.id, title: record.title, rate: formatRate(record.stats.completionRate) }
  const unit = record.inspection?.unit ?? record.issuer
  if (unit) entry.unit = unit
  const date = record.dates.published ?? record.dates.written
  if (date) entry.date = date
  return entry
}

/** Newest first by date, then by id: a stable order whatever order the folders were read in. */
export function sortEntries(entries: readonly IndexEntry[]): IndexEntry[] {
  return [...entries].sort((a, b) => compareStrings(b.date ?? '', a.date ?? '') || compareStrings(a.id, b.id))
}

export interface SiteOutputContext {
  entries: readonly IndexEntry[]
  site: SiteConfig
  renderer: Renderer
}

/** One kind of site-wide output (index, assets …). */
export type SiteOutput = (context: SiteOutputContext) => OutputFile[]

const indexOutput: SiteOutput = ({ entries, site, renderer }) => {
  const index = renderer.render('index', {
    site,
    notices: sortEntries(entries),
    root: '',
    pageTitle: `${site.columnName} - ${site.name}`,
    meta: [
      { name: 'SiteName', content: site.name },
      ...(site.domain ? [{ name: 'SiteDomain', content: site.domain }] : []),
      ...(site.siteIdCode ? [{ name: 'SiteIDCode', content: site.siteIdCode }] : []),
      { name: 'ColumnName', content: site.columnName }
    ],
    feed: Boolean(site.baseUrl),
    formatDate
  })
  return [{ path: 'index.html', content: index }]
}

const assetsOutput: SiteOutput = ({ renderer }) => Object.entries(renderer.assets).map(([path, content]) => ({ path, content }))

/** Every site-wide output. */
export const siteOutputs: readonly SiteOutput[] = [indexOutput, assetsOutput]

export function renderSiteFiles(entries: readonly IndexEntry[], site: SiteConfig, renderer: Renderer): OutputFile[] {
  return siteOutputs.flatMap((output) => output({ entries, site, renderer }))
}
