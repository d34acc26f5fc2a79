/** What the text, HTML and note forms share: Chinese names, counts, and field changes as redline segments. */
import { statusNames, type Status } from '../model/vocabulary.js'
import type { FindingChange, FindingDiff, NoticeDiff } from './compare.js'
import { partsOfText, type FieldChange, type FieldValue } from './fields.js'
import { diffWords, type Segment } from './words.js'

export const changeNames: Readonly<Record<FindingChange, string>> = {
  changed: '修改',
  added: '新增',
  removed: '删除',
  moved: '重新编号',
  unchanged: '未变'
}

/** Order of the counts in summaries. */
export const changeOrder: readonly FindingChange[] = ['changed', 'added', 'removed', 'moved', 'unchanged']

export function countChanges(findings: readonly FindingDiff[]): Record<FindingChange, number> {
  const counts: Record<FindingChange, number> = { changed: 0, added: 0, removed: 0, moved: 0, unchanged: 0 }
  for (const finding of findings) counts[finding.change]++
  return counts
}

export function statusName(status: Status): string {
  return statusNames[status]
}

/** The status as the text words it, or its normalised name when the text has none. */
export function statusWords(record: { status: Status; statusText: string } | undefined): string {
  if (!record) return ''
  return record.statusText || statusNames[record.status]
}

export function noticeTitle(notice: NoticeDiff): string {
  return notice.after?.title ?? notice.before?.title ?? notice.id
}

export function findingTitle(finding: FindingDiff): string {
  return finding.after?.title ?? finding.before?.title ?? ''
}

const valueText = (value: FieldValue): string => {
  if (value === null) return ''
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (Array.isArray(value)) return value.join('、')
  return value
}

/** A field's change as kept, deleted and inserted runs: words for text, items for lists. */
export function fieldSegments(change: FieldChange): Segment[] {
  const { from, to } = change
  if (Array.isArray(from) || Array.isArray(to)) {
    const before = Array.isArray(from) ? from : []
    const after = Array.isArray(to) ? to : []
    const items: Segment[] = [
      ...before.map((item): Segment => (after.includes(item) ? { kind: 'same', text: item } : { kind: 'del', text: item })),
      ...after.filter((item) => !before.includes(item)).map((item): Segment => ({ kind: 'ins', text: item }))
    ]
    return items.flatMap((item, index) => (index === 0 ? [item] : [{ kind: 'same', text: '、' } as Segment, item]))
  }
  if (typeof from === 'string' && typeof to === 'string') return diffWords(from, to)
  const segments: Segment[] = []
  if (from !== null && valueText(from) !== '') segments.push({ kind: 'del', text: valueText(from) })
  if (to !== null && valueText(to) !== '') segments.push({ kind: 'ins', text: valueText(to) })
  return segments
}

/**
 * The changes a reader is shown for a finding: when its published text changed, that text's
 * redline stands for the fields that are parts of it (the JSON keeps them all).
 */
export function shownChanges(finding: FindingDiff): FieldChange[] {
  const textChanged = finding.changes.some((change) => change.field === 'text')
  return textChanged ? finding.changes.filter((change) => !partsOfText.has(change.field)) : finding.changes
}
