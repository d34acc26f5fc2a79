/**
 * The 修订对照 page's data: every change as a row of 修改前 and 修改后 side by side, the deleted
 * words marked `<del>` on the left and the inserted ones `<ins>` on the right, escaped here once,
 * so the template (templates/diff.eta) only lays it out. Only notices that changed are shown. Pure.
 */
import { escapeText } from '../render/html.js'
import { noticeChanged, type ContentDiff, type FindingChange, type FindingDiff, type NoticeDiff } from './compare.js'
import { fieldName, findingFieldNames, noticeFieldNames, positionFields, type FieldChange } from './fields.js'
import { changeNames, changeOrder, countChanges, fieldSegments, findingTitle, noticeTitle, shownChanges, statusName, statusWords } from './present.js'
import { describeSide, type SideLabel } from './text.js'
import type { Segment } from './words.js'

/** One changed item: its name, and its text before and after as HTML. */
export interface RedlineRow {
  name: string
  before: string
  after: string
}

export interface RedlineFinding {
  id: string
  anchor: string
  change: FindingChange
  changeName: string
  title: string
  /** The numbering as published (`1-3`), or the id when the finding has none. */
  position: string
  rows: RedlineRow[]
}

export interface RedlineNotice {
  id: string
  title: string
  changeName?: string
  rows: RedlineRow[]
  counts: Array<{ change: FindingChange; name: string; count: number }>
  total: number
  findings: RedlineFinding[]
  unchanged: number
}

export interface RedlineView {
  pageTitle: string
  from: string
  to: string
  notices: RedlineNotice[]
  /** Titles of the notices compared that did not change. */
  unchangedNotices: string[]
  identical: boolean
}

const none = '<span class="none">（无）</span>'

/** The two sides of a redline: what was (kept and deleted text) and what is (kept and inserted text). */
export function sidesHtml(segments: readonly Segment[]): { before: string; after: string } {
  let before = ''
  let after = ''
  for (const segment of segments) {
    const html = escapeText(segment.text)
    if (segment.kind === 'del') before += `<del>${html}</del>`
    else if (segment.kind === 'ins') after += `<ins>${html}</ins>`
    else {
      before += html
      after += html
    }
  }
  return { before: before || none, after: after || none }
}

function fieldRow(change: FieldChange, names: Readonly<Record<string, string>>): RedlineRow {
  if (positionFields.has(change.field)) {
    return {
      name: fieldName(change.field, names),
      before: change.from === null ? none : escapeText(String(change.from)),
      after: change.to === null ? none : escapeText(String(change.to))
    }
  }
  return { name: fieldName(change.field, names), ...sidesHtml(fieldSegments(change)) }
}

export function buildRedline(diff: ContentDiff, from: SideLabel, to: SideLabel): RedlineView {
  const changed = diff.notices.filter(noticeChanged)
  const notices = changed.map(noticeView)
  const title = notices.length === 1 && notices[0] ? `修订对照：${notices[0].title}` : '修订对照'
  return {
    pageTitle: title,
    from: describeSide(from),
    to: describeSide(to),
    notices,
    unchangedNotices: diff.notices.filter((notice) => !noticeChanged(notice)).map(noticeTitle),
    identical: notices.length === 0
  }
}

function noticeView(notice: NoticeDiff): RedlineNotice {
  const counts = countChanges(notice.findings)
  const view: RedlineNotice = {
    id: notice.id,
    title: noticeTitle(notice),
    rows: notice.fields.map((field) => fieldRow(field, noticeFieldNames)),
    counts: changeOrder.filter((change) => change !== 'unchanged').map((change) => ({ change, name: changeNames[change], count: counts[change] })),
    total: notice.findings.length,
    findings: notice.findings.filter((finding) => finding.change !== 'unchanged').map(findingView),
    unchanged: counts.unchanged
  }
  if (notice.change === 'added') view.changeName = '新增的通报'
  if (notice.change === 'removed') view.changeName = '已删除的通报'
  return view
}

function findingView(finding: FindingDiff): RedlineFinding {
  const record = finding.after ?? finding.before
  const rows: RedlineRow[] = []
  if (finding.status) {
    const normalised = (words: string, name: string): string => (words === name ? '' : `（${escapeText(name)}）`)
    const [fromWords, toWords] = [statusWords(finding.before), statusWords(finding.after)]
    rows.push({
      name: '整改状态',
      before: `<del>${escapeText(fromWords)}</del>${normalised(fromWords, statusName(finding.status.from))}`,
      after: `<ins>${escapeText(toWords)}</ins>${normalised(toWords, statusName(finding.status.to))}`
    })
  }
  for (const change of shownChanges(finding)) {
    if (change.field === 'statusText' && finding.status) continue
    if (positionFields.has(change.field) && (finding.change === 'added' || finding.change === 'removed')) continue
    rows.push(fieldRow(change, findingFieldNames))
  }
  return {
    id: finding.id,
    anchor: `f-${finding.id}`,
    change: finding.change,
    changeName: changeNames[finding.change],
    title: findingTitle(finding),
    position: record?.path.join('-') || finding.id,
    rows
  }
}
