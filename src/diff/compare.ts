/**
 * Two versions of the content, compared notice by notice and finding by finding. Findings are
 * matched by their stable frontmatter id, never by number or file name, so a renumbering is a
 * move and not a removal plus an addition. Pure: both versions come in loaded.
 */
import type { LoadedNotice } from '../load/notice.js'
import type { FindingRecord, NoticeRecord } from '../model/schema.js'
import type { Status } from '../model/vocabulary.js'
import { renderText } from '../render/text.js'
import { changedFields, findingFields, findingTexts, noticeFields, positionFields, type FieldChange, type FieldValue } from './fields.js'

export type FindingChange = 'added' | 'removed' | 'moved' | 'changed' | 'unchanged'

export interface FindingDiff {
  id: string
  change: FindingChange
  /** Set when both versions have the finding and its normalised status differs. */
  status: { from: Status; to: Status } | null
  /** Changed fields; for an added or removed finding, its text on the side that has it. */
  changes: FieldChange[]
  before?: FindingRecord
  after?: FindingRecord
}

export interface NoticeDiff {
  id: string
  change: 'added' | 'removed' | 'kept'
  before?: NoticeRecord
  after?: NoticeRecord
  fields: FieldChange[]
  findings: FindingDiff[]
}

export interface ContentDiff {
  notices: NoticeDiff[]
}

const shownWhenAddedOrRemoved = ['title', 'problem', 'rectification', 'statusText', 'text'] as const

export function compareContent(before: readonly LoadedNotice[], after: readonly LoadedNotice[]): ContentDiff {
  const beforeById = new Map(before.map((notice) => [notice.id, notice]))
  const afterById = new Map(after.map((notice) => [notice.id, notice]))
  const ids = [...new Set([...after.map((notice) => notice.id), ...before.map((notice) => notice.id)])].sort()
  return { notices: ids.map((id) => compareNotice(beforeById.get(id), afterById.get(id), id)) }
}

export function compareNotice(before: LoadedNotice | undefined, after: LoadedNotice | undefined, id = (after ?? before)?.id ?? ''): NoticeDiff {
  const texts: FindingTexts = { before: before ? findingTexts(before) : new Map(), after: after ? findingTexts(after) : new Map() }
  const diff: NoticeDiff = {
    id,
    change: before && after ? 'kept' : after ? 'added' : 'removed',
    fields: before && after ? changedFields(noticeFields(before), noticeFields(after)) : [],
    findings: compareFindings(before?.record.findings ?? [], after?.record.findings ?? [], texts)
  }
  if (before && after) {
    // The net under the fields: published text that differs is reported even where no field
    // (nor any finding) tells the difference, so a diff can never read "no change" when it is not so.
    const [from, to] = [renderText(before.document), renderText(after.document)]
    const told = diff.fields.length > 0 || diff.findings.some((finding) => finding.change !== 'unchanged')
    if (from !== to && !told) diff.fields.push({ field: 'text', from: from.trimEnd(), to: to.trimEnd() })
  }
  if (before) diff.before = before.record
  if (after) diff.after = after.record
  return diff
}

/** Each side's published text of its findings, by id (fields.ts findingTexts). */
export interface FindingTexts {
  before: ReadonlyMap<string, string>
  after: ReadonlyMap<string, string>
}

/** Findings in the new version's order, each removed one placed after its old predecessor. */
export function compareFindings(before: readonly FindingRecord[], after: readonly FindingRecord[], texts?: FindingTexts): FindingDiff[] {
  const beforeById = firstById(before)
  const afterById = firstById(after)
  const removedAfter = new Map<string | undefined, FindingRecord[]>()
  let anchor: string | undefined
  for (const record of beforeById.values()) {
    if (afterById.has(record.id)) anchor = record.id
    else removedAfter.set(anchor, [...(removedAfter.get(anchor) ?? []), record])
  }
  const textBefore = (record: FindingRecord): string | undefined => texts?.before.get(record.id)
  const textAfter = (record: FindingRecord): string | undefined => texts?.after.get(record.id)
  const diffs: FindingDiff[] = (removedAfter.get(undefined) ?? []).map((record) => removed(record, textBefore(record)))
  for (const record of afterById.values()) {
    const old = beforeById.get(record.id)
    diffs.push(old ? kept(old, record, textBefore(old), textAfter(record)) : added(record, textAfter(record)))
    for (const gone of removedAfter.get(record.id) ?? []) diffs.push(removed(gone, textBefore(gone)))
  }
  return diffs
}

/** The first finding of each id: a duplicate id is an error `check` reports, not something to match. */
function firstById(records: readonly FindingRecord[]): Map<string, FindingRecord> {
  const map = new Map<string, FindingRecord>()
  for (const record of records) if (!map.has(record.id)) map.set(record.id, record)
  return map
}

function kept(before: FindingRecord, after: FindingRecord, textBefore: string | undefined, textAfter: string | undefined): FindingDiff {
  const changes = changedFields(findingFields(before, textBefore), findingFields(after, textAfter))
  const content = changes.some((change) => !positionFields.has(change.field))
  return {
    id: after.id,
    change: content ? 'changed' : changes.length > 0 ? 'moved' : 'unchanged',
    status: before.status === after.status ? null : { from: before.status, to: after.status },
    changes,
    before,
    after
  }
}

function added(record: FindingRecord, text: string | undefined): FindingDiff {
  const fields = findingFields(record, text)
  return {
    id: record.id,
    change: 'added',
    status: null,
    changes: [{ field: 'position', from: null, to: fields.position ?? null }, ...shown(fields).map(([field, value]) => ({ field, from: null, to: value }))],
    after: record
  }
}

function removed(record: FindingRecord, text: string | undefined): FindingDiff {
  const fields = findingFields(record, text)
  return {
    id: record.id,
    change: 'removed',
    status: null,
    changes: [{ field: 'position', from: fields.position ?? null, to: null }, ...shown(fields).map(([field, value]) => ({ field, from: value, to: null }))],
    before: record
  }
}

/** The text of a finding that is added or removed whole, without its empty fields. */
function shown(fields: Record<string, FieldValue>): Array<[string, FieldValue]> {
  return shownWhenAddedOrRemoved.flatMap((field) => {
    const value = fields[field] ?? null
    return value === null || value === '' ? [] : [[field, value] as [string, FieldValue]]
  })
}

export function noticeChanged(notice: NoticeDiff): boolean {
  return notice.change !== 'kept' || notice.fields.length > 0 || notice.findings.some((finding) => finding.change !== 'unchanged')
}

export function hasDifferences(diff: ContentDiff): boolean {
  return diff.notices.some(noticeChanged)
}
