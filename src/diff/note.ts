/**
 * Drafts a 更新记录 entry (notice.md `changes`) from a comparison, in the words an office would
 * write for the public: findings are named by their heading as published (“（一）1.学习不够深入”
 * reads “学习不够深入”), never by internal ids: ““学习不够深入”由正在整改改为已完成；修改了“台账不规范”的
 * 整改情况。” The date is the caller's: it comes from the content or the command line, never from git.
 */
import { stringify } from 'yaml'
import type { FindingDiff, NoticeDiff } from './compare.js'
import type { FindingRecord } from '../model/schema.js'
import { fieldName, findingFieldNames, noticeFieldNames } from './fields.js'
import { statusWords } from './present.js'
import { sustainedPhrase } from '../model/vocabulary.js'

/** Notice fields that are not news to readers: the record of updates itself, the draft flag. */
const unannounced = new Set(['changes', 'draft'])
/** Finding fields described as edits of its text (the status has its own sentence). */
const textFields = ['title', 'problem', 'rectification', 'deadline', 'responsible']
/** The published text, in a note: its parts were not told apart by the fields. */
const textName = '文字'

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
    statusGroups.set(key, [...(statusGroups.get(key) ?? []), heading(finding)])
  }
  for (const [change, names] of statusGroups) sentences.push(`${names.join('')}${change}`)

  const sustained = notice.findings.filter(
    (finding) => finding.change === 'changed' && finding.before && finding.after && finding.before.sustained !== finding.after.sustained
  )
  const nowSustained = sustained.filter((finding) => finding.after?.sustained).map(heading)
  const noLonger = sustained.filter((finding) => !finding.after?.sustained).map(heading)
  if (nowSustained.length > 0) sentences.push(`${nowSustained.join('')}标注为${sustainedPhrase}`)
  if (noLonger.length > 0) sentences.push(`${noLonger.join('')}不再标注${sustainedPhrase}`)

  const editGroups = new Map<string, string[]>()
  for (const finding of notice.findings) {
    if (finding.change !== 'changed') continue
    const fields = editedFields(finding)
    if (fields.length === 0) continue
    const key = listOf(fields.map((field) => (field === 'text' ? textName : fieldName(field, findingFieldNames))))
    editGroups.set(key, [...(editGroups.get(key) ?? []), heading(finding)])
  }
  for (const [fields, names] of editGroups) sentences.push(`修改了${names.join('')}的${fields}`)

  const names = (change: FindingDiff['change']): string[] => notice.findings.filter((finding) => finding.change === change).map(heading)
  if (notice.change === 'kept') {
    if (names('added').length > 0) sentences.push(`新增问题${names('added').join('')}`)
    if (names('removed').length > 0) sentences.push(`删除问题${names('removed').join('')}`)
  }
  const moved = notice.findings.filter(
    (finding) => finding.changes.some((change) => change.field === 'position') && (finding.change === 'moved' || finding.change === 'changed')
  )
  if (moved.length > 0) {
    sentences.push(
      `调整了编号（${moved.map((finding) => `${heading(finding)}由 ${finding.before?.path.join('-')} 改为 ${finding.after?.path.join('-')}`).join('，')}）`
    )
  }
  return sentences.length > 0 ? `${sentences.join('；')}。` : undefined
}

/** A finding as readers know it: its heading in quotes, or its number when it has no heading. */
function heading(finding: FindingDiff): string {
  const record: FindingRecord | undefined = finding.after ?? finding.before
  if (record?.title) return `“${record.title}”`
  return `第${record?.path.join('-') ?? finding.id}项`
}

/**
 * Text fields that really changed: a rectification whose only change is its status phrase is a
 * status change. Published text that changed where no field did is “文字”.
 */
function editedFields(finding: FindingDiff): string[] {
  const changed = new Set(finding.changes.map((change) => change.field))
  const fields = textFields.filter((field) => {
    if (!changed.has(field)) return false
    if (field !== 'rectification' || !finding.before || !finding.after) return true
    return withoutStatus(finding.before.rectification, finding.before.statusText) !== withoutStatus(finding.after.rectification, finding.after.statusText)
  })
  if (fields.length > 0 || !changed.has('text')) return fields
  const text = finding.changes.find((change) => change.field === 'text')
  const [from, to] = [String(text?.from ?? ''), String(text?.to ?? '')]
  const sameButStatus = finding.before && finding.after && from.replace(finding.before.statusText, '') === to.replace(finding.after.statusText, '')
  return sameButStatus && finding.status ? [] : ['text']
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
