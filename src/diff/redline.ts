/**
 * The 修订对照 page's data: every change as HTML with `<ins>` and `<del>`, escaped here once,
 * so the template (templates/diff.eta) only lays it out. Pure.
 */
import { escapeText } from '../render/html.js'
import type { ContentDiff, FindingChange, FindingDiff, NoticeDiff } from './compare.js'
import { fieldName, findingFieldNames, noticeFieldNames, positionFields, type FieldChange } from './fields.js'
import { changeNames, changeOrder, countChanges, fieldSegments, shownChanges, findingTitle, noticeTitle, statusName, statusWords } from './present.js'
import type { SideLabel } from './text.js'
import type { Segment } from './words.js'

export interface RedlineField {
  name: string
  html: string
}

export interface RedlineFinding {
  id: string
  anchor: string
  change: FindingChange
  changeName: string
  title: string
  status?: { fromText: string; toText: string; fromName: string; toName: string }
  statusText: string
  fields: RedlineField[]
}

export interface RedlineNotice {
  id: string
  title: string
  changeName?: string
  fields: RedlineField[]
  counts: Array<{ change: FindingChange; name: string; count: number }>
  total: number
  findings: RedlineFinding[]
  unchanged: string[]
}

export interface RedlineView {
  pageTitle: string
  from: SideLabel & { short: string }
  to: SideLabel & { short: string }
  notices: RedlineNotice[]
  identical: boolean
}

export function segmentsHtml(segments: readonly Segment[]): string {
  return segments
    .map((segment) => {
      const html = escapeText(segment.text)
      return segment.kind === 'del' ? `<del>${html}</del>` : segment.kind === 'ins' ? `<ins>${html}</ins>` : html
    })
    .join('')
}

function fieldHtml(change: FieldChange, names: Readonly<Record<string, string>>): RedlineField {
  return { name: fieldName(change.field, names), html: segmentsHtml(fieldSegments(change)) }
}

const short = (label: SideLabel): SideLabel & { short: string } => ({ ...label, short: label.commit ? `${label.name}（${label.commit.slice(0, 7)}）` : label.name })

export function buildRedline(diff: ContentDiff, from: SideLabel, to: SideLabel): RedlineView {
  const notices = diff.notices.map(noticeView)
  const title = notices.length === 1 && notices[0] ? `修订对照：${notices[0].title}` : '修订对照'
  return {
    pageTitle: title,
    from: short(from),
    to: short(to),
    notices,
    identical: notices.every((notice) => !notice.changeName && notice.fields.length === 0 && notice.findings.length === 0)
  }
}

function noticeView(notice: NoticeDiff): RedlineNotice {
  const counts = countChanges(notice.findings)
  const view: RedlineNotice = {
    id: notice.id,
    title: noticeTitle(notice),
    fields: notice.fields.map((field) => fieldHtml(field, noticeFieldNames)),
    counts: changeOrder.map((change) => ({ change, name: changeNames[change], count: counts[change] })),
    total: notice.findings.length,
    findings: notice.findings.filter((finding) => finding.change !== 'unchanged').map(findingView),
    unchanged: notice.findings.filter((finding) => finding.change === 'unchanged').map((finding) => finding.id)
  }
  if (notice.change === 'added') view.changeName = '新增的通报'
  if (notice.change === 'removed') view.changeName = '已删除的通报'
  return view
}

function findingView(finding: FindingDiff): RedlineFinding {
  const view: RedlineFinding = {
    id: finding.id,
    anchor: `f-${finding.id}`,
    change: finding.change,
    changeName: changeNames[finding.change],
    title: findingTitle(finding),
    statusText: statusWords(finding.after ?? finding.before),
    fields: shownChanges(finding)
      .filter((change) => !(change.field === 'statusText' && finding.status) && !(positionFields.has(change.field) && (finding.change === 'added' || finding.change === 'removed')))
      .map((change) =>
        positionFields.has(change.field)
          ? { name: fieldName(change.field, findingFieldNames), html: `${escapeText(String(change.from))} → ${escapeText(String(change.to))}` }
          : fieldHtml(change, findingFieldNames)
      )
  }
  if (finding.status) {
    view.status = { fromText: statusWords(finding.before), toText: statusWords(finding.after), fromName: statusName(finding.status.from), toName: statusName(finding.status.to) }
  }
  return view
}
