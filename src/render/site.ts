/**
 * Every output of a build as a list of files: per notice (page, text, JSON) and for the site
 * (index, assets). Pure: the same notices, site and templates give the same bytes.
 */
import { isMarkup, wellFormedText } from './well-formed.js'
import type { LoadedNotice } from '../load/notice.js'
import type { IndexEntry, NoticeProgress, OutputFile } from '../model/outputs.js'
import type { NoticeFrontmatter, NoticeRecord, SiteConfig } from '../model/schema.js'
import { compareStrings } from '../diagnostics/diagnostic.js'
import type { Renderer } from './templates.js'
import { noticeUrl, renderAtomFeed, renderSitemap } from './feed.js'
import { renderText } from './text.js'
import { statusLabel } from '../model/status-label.js'
import { buildView, type NoticeView, type ViewBlock } from './view.js'
import { isOpen, progressOf, unknownStatusText } from './progress.js'
import { renderStatsFiles } from './stats.js'
import { ledgerBlocks, type LedgerViewBlock } from './ledger.js'
import { statusNames, type Status } from '../model/vocabulary.js'
import { searchListPath, searchListScript, shardPath, shardScript, undatedYear } from '../search/records.js'
import { isBlockHtml } from '../print/block-html.js'
import { printClosing, sealedDateRight } from '../print/closing.js'
import { balanceTitle, printTitleWidth } from '../print/title-lines.js'
import { docxModel, type DocxModel } from './docx/model.js'

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
  /** Whether this build also prints `notice.pdf` (the page links to it only then). */
  pdf: boolean
  /** Whether this build also writes `notice.docx` (the page links to it only then). */
  docx: boolean
}

/** One kind of per-notice output (page, text, JSON …). Each is pure in its context. */
export type NoticeOutput = (context: NoticeOutputContext) => OutputFile[]

/** The body as the page, the print page and the fragment show it: with `ledger: table`, each run of findings as the office's 台账 table. */
function bodyBlocks(notice: LoadedNotice, site: SiteConfig, view: NoticeView): ReadonlyArray<ViewBlock | LedgerViewBlock> {
  return (notice.meta.ledger ?? site.ledger) === 'table' ? ledgerBlocks(view.blocks) : view.blocks
}

const pageOutput: NoticeOutput = ({ notice, site, renderer, view, pdf, docx }) => {
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
    docx,
    // Published only with --drafts: the page says so, so a draft is never taken for the notice itself.
    draft: notice.meta.draft === true,
    bodyBlocks: bodyBlocks(notice, site, view),
    formatDate
  })
  return [{ path: `${record.id}/index.html`, content: page }]
}

/**
 * The title's lines on the print page: as notice.md sets them (`print.titleLines`, when they make up
 * the title), else balanced with no break inside a name the notice names.
 */
export function printTitleLines(title: string, meta: NoticeFrontmatter, site: SiteConfig): string[] {
  const set = meta.print?.titleLines
  // Lines that do not make up the title are an error (print-title-lines): a build never gets here with them.
  if (set && set.join('').replace(/\s/gu, '') === title.replace(/\s/gu, '')) return set.map((line) => line.trim())
  const names = [meta.inspection?.team, meta.inspection?.unit, ...(meta.names?.declared ?? []), ...site.names.declared].filter((name): name is string =>
    Boolean(name)
  )
  return balanceTitle(title, printTitleWidth, names)
}

/** The print page (GB/T 9704-2012, A4), its CSS inlined so it prints the same wherever it is opened. */
const printOutput: NoticeOutput = ({ notice, site, renderer, view, pdf }) => {
  const record = notice.record
  const closing = printClosing(view, record, formatDate)
  if (closing && notice.meta.print?.sealed) closing.sealedDateRight = sealedDateRight(closing)
  const page = renderer.render('print', {
    notice: record,
    view,
    css: renderer.assets['assets/print.css'] ?? '',
    titleLines: printTitleLines(record.title, notice.meta, site),
    closing,
    // The PDF's Subject: the notice's 主题分类 when it names one.
    subject: record.disclosure?.category ?? noticeDescription(record),
    bodyBlocks: bodyBlocks(notice, site, view),
    // The optional 版头: 红头 from notice.md's print.header, 发文字号 from its disclosure.docNumber.
    head: { header: notice.meta.print?.header, docNumber: record.disclosure?.docNumber },
    pdf,
    formatDate,
    isBlockHtml
  })
  return [{ path: `${record.id}/print.html`, content: page }]
}

/** The article body alone, for pasting into a county CMS: inline styles, no scripts, no site classes. */
const fragmentOutput: NoticeOutput = ({ notice, site, renderer, view }) => {
  const record = notice.record
  const fragment = renderer.render('fragment', {
    site,
    notice: record,
    view,
    bodyBlocks: bodyBlocks(notice, site, view),
    metadata: fragmentMetadata(record, site),
    formatDate
  })
  return [{ path: `${record.id}/fragment.html`, content: fragment }]
}

const textOutput: NoticeOutput = ({ notice }) => [{ path: `${notice.record.id}/notice.txt`, content: renderText(notice.document) }]

const jsonOutput: NoticeOutput = ({ notice }) => [{ path: `${notice.record.id}/notice.json`, content: `${JSON.stringify(notice.record, null, 2)}\n` }]

/** The notice's shard of the search index: made and cached with its other outputs, so an edit re-indexes this notice alone. */
const searchShardOutput: NoticeOutput = ({ notice, site }) => (site.search ? [{ path: shardPath(notice.record.id), content: shardScript(notice.record) }] : [])

/** Every per-notice output, in the order they are rendered. */
export const noticeOutputs: readonly NoticeOutput[] = [pageOutput, printOutput, fragmentOutput, textOutput, jsonOutput, searchShardOutput]

export function renderNotice(notice: LoadedNotice, site: SiteConfig, renderer: Renderer, options: { pdf?: boolean; docx?: boolean } = {}): OutputFile[] {
  const context: NoticeOutputContext = { notice, site, renderer, view: buildView(notice), pdf: options.pdf ?? false, docx: options.docx ?? false }
  return noticeOutputs.flatMap((output) => output(context)).map(wellFormed)
}

/** Markup outputs without the characters that would make them not well-formed (see well-formed.ts). */
function wellFormed(file: OutputFile): OutputFile {
  return typeof file.content === 'string' && isMarkup(file.path) ? { path: file.path, content: wellFormedText(file.content) } : file
}

/** What a notice's Word file holds; packed after the build, as PDFs are printed. */
export function renderDocxModel(notice: LoadedNotice): DocxModel {
  return docxModel(notice, buildView(notice), formatDate)
}

/** The disclosure metadata a CMS imports with the fragment (the 政府信息公开 fields and the computed progress). */
export function fragmentMetadata(record: NoticeRecord, site: SiteConfig): Record<string, unknown> {
  const disclosure = record.disclosure ?? {}
  const fields: Array<[string, unknown]> = [
    ['id', record.id],
    ['title', record.title],
    ['indexNumber', disclosure.indexNumber],
    ['publisher', disclosure.publisher ?? record.issuer],
    ['written', record.dates.written],
    ['published', record.dates.published],
    ['openness', disclosure.openness],
    ['category', disclosure.category],
    ['source', record.source],
    ['keywords', record.keywords.length > 0 ? record.keywords : undefined],
    ['description', noticeDescription(record)],
    ['columnName', site.columnName],
    ['url', site.baseUrl ? noticeUrl(site.baseUrl, record.id) : undefined],
    ['stats', { total: record.stats.total, byStatus: record.stats.byStatus, completionRate: record.stats.completionRate }],
    ['changes', record.changes.length > 0 ? record.changes : undefined]
  ]
  return Object.fromEntries(fields.filter(([, value]) => value !== undefined))
}

/** One sentence on the progress, computed from the findings (Description meta, feed summary). */
export function noticeDescription(record: NoticeRecord): string {
  if (record.findings.length === 0) return record.title
  const progress = progressOf(record.stats)
  if (!progress.known) return `共${progress.total}个问题，${unknownStatusText}`
  return `共${progress.total}个问题，已完成${progress.done}个，完成率${progress.rate}`
}

function pageMeta(record: NoticeRecord, site: SiteConfig): Array<{ name: string; content: string }> {
  const description = noticeDescription(record)
  const entries: Array<[string, string | undefined]> = [
    ['SiteName', site.name],
    ['SiteDomain', site.domain],
    ['SiteIDCode', site.siteIdCode],
    ['ColumnName', site.columnName],
    ['ArticleTitle', record.title],
    ['PubDate', record.dates.published],
    ['ContentSource', record.source],
    // Each keyword once: the column's own word is often among the notice's keywords already.
    ['Keywords', [...new Set([...record.keywords, '巡察整改'])].join(',')],
    ['Description', description]
  ]
  return entries.flatMap(([name, content]) => (content ? [{ name, content }] : []))
}

export function indexEntry(record: NoticeRecord): IndexEntry {
  const stats = progressOf(record.stats)
  const { done, total } = stats
  const progress: NoticeProgress = total === 0 ? 'none' : done === total ? 'done' : 'ongoing'
  const open = record.findings
    .filter((finding) => isOpen(finding.status))
    .map((finding) => ({ anchor: finding.anchor, title: finding.title, status: finding.status, statusName: statusLabel(finding) }))
  const entry: IndexEntry = {
    id: record.id,
    title: record.title,
    description: noticeDescription(record),
    rate: stats.rate,
    completionRate: stats.completionRate,
    known: stats.known,
    total,
    done,
    byStatus: stats.byStatus,
    progress,
    open
  }
  const unit = record.inspection?.unit ?? record.issuer
  if (unit) entry.unit = unit
  const date = record.dates.published ?? record.dates.written
  if (date) entry.date = date
  const updated = [record.dates.published, record.dates.written, ...record.changes.map((change) => change.date)]
    .filter((value): value is string => Boolean(value))
    .sort()
    .at(-1)
  if (updated) entry.updated = updated
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
  /** Which notices have a `notice.pdf` the index links to: this build printed them all, or kept these from an earlier one. */
  pdf: boolean | ReadonlySet<string>
  /** This build wrote every notice's `notice.docx` (`build --docx`): the index links them only then. */
  docx: boolean
}

/** One kind of site-wide output (index, assets …). */
export type SiteOutput = (context: SiteOutputContext) => OutputFile[]

/** The index pages: all notices, and one pre-rendered page per progress filter (no JavaScript needed). */
export const indexFilters = [
  { key: 'all', path: 'index.html', name: '全部', progress: undefined },
  { key: 'ongoing', path: 'index-ongoing.html', name: '整改中', progress: 'ongoing' },
  { key: 'done', path: 'index-done.html', name: '已全部完成', progress: 'done' }
] as const

export interface YearGroup {
  /** `2021`, or '' for notices without a date. */
  year: string
  anchor: string
  entries: IndexEntry[]
}

/** Sorted entries grouped by year, newest year first; undated notices last. */
export function groupByYear(sorted: readonly IndexEntry[]): YearGroup[] {
  const groups: YearGroup[] = []
  for (const entry of sorted) {
    const year = entry.date?.slice(0, 4) ?? ''
    let group = groups.find((candidate) => candidate.year === year)
    if (!group) {
      group = { year, anchor: year ? `y-${year}` : 'y-undated', entries: [] }
      groups.push(group)
    }
    group.entries.push(entry)
  }
  return groups.sort((a, b) => (a.year === '' ? 1 : b.year === '' ? -1 : compareStrings(b.year, a.year)))
}

const indexOutput: SiteOutput = ({ entries, site, renderer, pdf, docx }) => {
  const sorted = sortEntries(entries)
  const meta = [
    { name: 'SiteName', content: site.name },
    ...(site.domain ? [{ name: 'SiteDomain', content: site.domain }] : []),
    ...(site.siteIdCode ? [{ name: 'SiteIDCode', content: site.siteIdCode }] : []),
    { name: 'ColumnName', content: site.columnName }
  ]
  return indexFilters.map((filter) => {
    const notices = filter.progress ? sorted.filter((entry) => entry.progress === filter.progress) : sorted
    const counts = Object.fromEntries(
      indexFilters.map((candidate) => [
        candidate.key,
        candidate.progress ? sorted.filter((entry) => entry.progress === candidate.progress).length : sorted.length
      ])
    )
    const content = renderer.render('index', {
      site,
      notices,
      years: groupByYear(notices),
      filters: indexFilters,
      filter,
      counts,
      root: '',
      pageTitle: filter.progress ? `${site.columnName}（${filter.name}） - ${site.name}` : `${site.columnName} - ${site.name}`,
      meta,
      feed: Boolean(site.baseUrl),
      pdf: pdf === true || (pdf !== false && pdf.size > 0),
      hasPdf: (id: string): boolean => (typeof pdf === 'boolean' ? pdf : pdf.has(id)),
      docx,
      formatDate
    })
    return { path: filter.path, content }
  })
}

const feedOutput: SiteOutput = ({ entries, site }) =>
  site.baseUrl ? [{ path: 'feed.xml', content: renderAtomFeed(sortEntries(entries), site, site.baseUrl) }] : []

const sitemapOutput: SiteOutput = ({ entries, site }) =>
  site.baseUrl ? [{ path: 'sitemap.xml', content: renderSitemap(sortEntries(entries), site.baseUrl) }] : []

const assetsOutput: SiteOutput = ({ renderer }) => Object.entries(renderer.assets).map(([path, content]) => ({ path, content }))

const statsOutput: SiteOutput = ({ entries, site, renderer }) => renderStatsFiles(sortEntries(entries), site, renderer, formatDate)

/** The search page and the list of the notices' shards. Filters offer the statuses and years the site has. */
const searchOutput: SiteOutput = ({ entries, site, renderer }) => {
  if (!site.search) return []
  const sorted = sortEntries(entries)
  const statuses = (Object.keys(statusNames) as Status[])
    .filter((status) => sorted.some((entry) => entry.byStatus[status] > 0))
    .map((status) => ({ status, name: statusNames[status] }))
  const years = groupByYear(sorted).map((group) => ({ value: group.year || undatedYear, name: group.year ? `${group.year}年` : '未注明日期' }))
  const content = renderer.render('search', {
    site,
    statuses,
    years,
    root: '',
    pageTitle: `搜索 - ${site.columnName} - ${site.name}`,
    meta: [
      { name: 'SiteName', content: site.name },
      { name: 'ColumnName', content: site.columnName }
    ],
    feed: Boolean(site.baseUrl)
  })
  return [
    { path: 'search.html', content },
    { path: searchListPath, content: searchListScript(sorted) }
  ]
}

/** Every site-wide output. */
export const siteOutputs: readonly SiteOutput[] = [indexOutput, statsOutput, searchOutput, feedOutput, sitemapOutput, assetsOutput]

export function renderSiteFiles(
  entries: readonly IndexEntry[],
  site: SiteConfig,
  renderer: Renderer,
  options: { pdf?: boolean | ReadonlySet<string>; docx?: boolean } = {}
): OutputFile[] {
  return siteOutputs.flatMap((output) => output({ entries, site, renderer, pdf: options.pdf ?? false, docx: options.docx ?? false })).map(wellFormed)
}
