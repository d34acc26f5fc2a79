/**
 * Each finding as a search record of its own: the reader's query lands on the finding's anchor
 * (`<id>/index.html#f-1-4-2`), sees its status, and narrows by status and year. Pure: a notice's
 * records depend on its record alone.
 */
import type { NoticeRecord } from '../model/schema.js'
import { statusNames } from '../model/vocabulary.js'
import { statusLabel } from '../render/view.js'

/** What the index is told about one finding (Pagefind's custom record, in its own words). */
export interface SearchRecord {
  /** Relative to the site's root, where the search page is: it works wherever dist/ is uploaded. */
  url: string
  content: string
  language: string
  meta: Record<string, string>
  filters: Record<string, string[]>
}

/** Findings of notices without a date are filed under this year. */
export const undatedYear = '未注明'

/** Simplified Chinese: Pagefind segments the text into words when it is told the language. */
export const searchLanguage = 'zh-cn'

export function searchRecords(record: NoticeRecord): SearchRecord[] {
  const date = record.dates.published ?? record.dates.written
  const year = date?.slice(0, 4) ?? undatedYear
  const unit = record.inspection?.unit ?? record.issuer
  return record.findings.map((finding) => ({
    url: `${record.id}/index.html#${finding.anchor}`,
    // The unit is in the text too, so that a reader who searches for a unit finds its findings.
    content: [finding.title, finding.problem, finding.rectification, finding.responsible, unit].filter((part): part is string => Boolean(part)).join('\n'),
    language: searchLanguage,
    meta: {
      title: finding.title,
      notice: record.title,
      status: finding.status,
      statusText: statusLabel(finding),
      ...(date ? { date } : {})
    },
    filters: { status: [statusNames[finding.status]], year: [year] }
  }))
}
