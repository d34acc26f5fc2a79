/**
 * The search index as the search page reads it: one shard per notice (its findings' text, status
 * and anchor), rendered with the notice's other outputs, so the build cache keeps it with them
 * and an edit re-indexes that notice alone; and a list of the shards, rendered with the site-wide
 * pages. The page matches a query as a substring of a finding's text: a Chinese word is found
 * wherever it occurs, whatever words a segmenter would have cut around it. Pure.
 *
 * Shards are scripts that hand their data to the page (`noticeSearch.add(…)`), not JSON to fetch:
 * a script loads from a page opened as a local file too, where a browser refuses fetch().
 */
import type { IndexEntry } from '../model/outputs.js'
import type { NoticeRecord } from '../model/schema.js'
import { statusNames, type Status } from '../model/vocabulary.js'
import { statusLabel } from '../model/status-label.js'

/** Findings of notices without a date are filed under this year. */
export const undatedYear = '未注明'

/** Where the index lives in the output, beside search.html. */
export const searchFolder = 'search'

/** The list of shards, newest notice first. */
export const searchListPath = `${searchFolder}/index.js`

export function shardPath(id: string): string {
  return `${searchFolder}/${id}.js`
}

/** One finding as the page searches and shows it. */
export interface SearchFinding {
  /** The anchor on the notice page: the result links to `<id>/index.html#<anchor>`. */
  anchor: string
  title: string
  status: Status
  /** The status filter's value: the normalised status's Chinese name (已完成, 正在整改 …). */
  statusName: string
  /** The badge: the notice's own phrase, with 长期坚持 when sustained. */
  statusText: string
  /** Problem, rectification and responsible unit, one per line: what is searched and excerpted. */
  text: string
}

export interface SearchShard {
  id: string
  title: string
  date?: string
  year: string
  /** The inspected unit (or the issuer): a reader who searches for a unit finds its findings. */
  unit?: string
  findings: SearchFinding[]
}

function yearOf(date: string | undefined): string {
  return date?.slice(0, 4) ?? undatedYear
}

export function searchShard(record: NoticeRecord): SearchShard {
  const date = record.dates.published ?? record.dates.written
  const unit = record.inspection?.unit ?? record.issuer
  return {
    id: record.id,
    title: record.title,
    ...(date ? { date } : {}),
    year: yearOf(date),
    ...(unit ? { unit } : {}),
    findings: record.findings.map((finding) => ({
      anchor: finding.anchor,
      title: finding.title,
      status: finding.status,
      statusName: statusNames[finding.status],
      statusText: statusLabel(finding),
      text: [finding.problem, finding.rectification, finding.responsible].filter((part): part is string => Boolean(part)).join('\n')
    }))
  }
}

/** The shard as the script the page loads. */
export function shardScript(record: NoticeRecord): string {
  return `noticeSearch.add(${JSON.stringify(searchShard(record))})\n`
}

/** The list of shards the page loads: each notice's id and year (a year filter loads only its notices). */
export function searchListScript(sortedEntries: readonly IndexEntry[]): string {
  const notices = sortedEntries.map((entry) => ({ id: entry.id, year: yearOf(entry.date) }))
  return `noticeSearch.list(${JSON.stringify(notices)})\n`
}
