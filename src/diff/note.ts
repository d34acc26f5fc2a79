/**
 * Drafts a 更新记录 entry (notice.md `changes`) from a comparison, in the words an office would
 * write: “1-3 由正在整改改为已完成；修改了 2-1-1 的整改情况。” The date is the caller's: it comes
 * from the content or the command line, never from git.
 */
import { stringify } from 'yaml'
import type { FindingDiff, NoticeDiff } from './compare.js'
import { fieldName, findingFieldNames, noticeFieldNames } from './fields.js'
import { statusWords } from './present.js'
import { sustainedPhrase } from '../model/vocabulary.js'

/** Notice fields that are not news to readers: the record of updates itself, the draft flag. */
const unannounced = new Set(['changes', 'draft'])
/** Finding fields described as edits of its text (the status has its own sentence). */
const textFields = ['title', 'problem', 'rectification', 'deadline', 'responsible']

export function draftNote(notice: NoticeDiff): string | undefined {
  const sentences: string[] = []
  if (notice.change === 'added') sentences.push('发布通报')
  if (notice.change === 'removed') sentences.push('撤下通报')

  const noticeFields = notice.fields.filter((field) => !unannounced.has(field.field)).map((field) => fieldName(field.field, noticeFieldNames))
  if (noticeFields.length > 0) sentences.push(`修改了${listOf(noticeFields)}`)

  const statusGroups = new Map<string, string[]>()
  for (const finding of notice.findings) {
    if (!finding.status) continue
    const key = `由${statusWords(finding.before)}改为${statusWords(finding.after)}`
    statusGroups.set(key, [...(statusGroups.get(key) ?? []), finding.id])
  }
  for (const [change, ids] of statusGroups) sentences.push(`${ids.join('、')} ${change}`)

  const sustained = notice.findings.filter((finding) => finding.change === 'changed' && finding.before && finding.after && finding.before.sustained !== finding.after.sustained)
  const nowSustained = sustained.filter((finding) => finding.after?.sustained).map((finding) => finding.id)
  const noLonger = sustained.filter((finding) => !finding.after?.sustained).map((finding) => finding.id)
  if (nowSustained.length > 0) sentences.push(`${nowSustained.join('、')} 标注为${sustainedPhrase}`)
  if (noLonger.length > 0) sentences.push(`${noLonger.join('、')} 不再标注${sustainedPhrase}`)

  const editGroups = new Map<string, string[]>()
  for (const finding of notice.findings) {
    if (finding.change !== 'changed') continue
    const fields = editedFields(finding)
    if (fields.length === 0) continue
    const key = listOf(fields.map((field) => fieldName(field, findingFieldNames)))
    editGroups.set(key, [...(editGroups.get(key) ?? []), finding.id])
  }
  for (const [fields, ids] of editGroups) sentences.push(`修改了 ${ids.join('、')} 的${fields}`)

  const ids = (change: FindingDiff['change']): string[] => notice.findings.filter((finding) => finding.change === change).map((finding) => finding.id)
  if (notice.change === 'kept') {
    if (ids('added').length > 0) sentences.push(`新增问题 ${ids('added').join('、')}`)
    if (ids('removed').length > 0) sentences.push(`删除问题 ${ids('removed').join('、')}`)
  }
  const moved = notice.findings.filter((finding) => finding.changes.some((change) => change.field === 'position') && (finding.change === 'moved' || finding.change === 'changed'))
  if (moved.length > 0) {
    sentences.push(`调整了编号（${moved.map((finding) => `${finding.before?.path.join('-')} 改为 ${finding.after?.path.join('-')}`).join('，')}）`)
  }
  return sentences.length > 0 ? `${sentences.join('；')}。` : undefined
}

/** Text fields that really changed: a rectification whose only change is its status phrase is a status change. */
function editedFields(finding: FindingDiff): string[] {
  const changed = new Set(finding.changes.map((change) => change.field))
  return textFields.filter((field) => {
    if (!changed.has(field)) return false
    if (field !== 'rectification' || !finding.before || !finding.after) return true
    return withoutStatus(finding.before.rectification, finding.before.statusText) !== withoutStatus(finding.after.rectification, finding.after.statusText)
  })
}

function withoutStatus(text: string, phrase: string): string {
  return (phrase ? text.replace(phrase, '') : text).replace(sustainedPhrase, '').replace(/^[，,。.；;、\s]+/u, '')
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join('、')}和${items.at(-1)}`
}

/** The entry as YAML for notice.md's `changes:` list. */
export function noteYaml(date: string, note: string): string {
  return stringify([{ date, note }], { lineWidth: 0 })
}
