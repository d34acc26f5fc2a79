/**
 * What is compared, field by field, and what each field is called in Chinese. A field's value
 * is a string, a list of strings, a yes/no, or null when the version does not have it.
 */
import type { LoadedNotice } from '../load/notice.js'
import type { FindingRecord } from '../model/schema.js'

export type FieldValue = string | boolean | string[] | null

export interface FieldChange {
  field: string
  from: FieldValue
  to: FieldValue
}

export const noticeFieldNames: Readonly<Record<string, string>> = {
  title: '标题',
  issuer: '发布机构',
  source: '来源',
  signature: '落款',
  basis: '依据',
  'inspection.team': '巡察组',
  'inspection.unit': '被巡察单位',
  'inspection.start': '巡察开始日期',
  'inspection.end': '巡察结束日期',
  'inspection.feedback': '反馈日期',
  'dates.written': '成文日期',
  'dates.published': '发布日期',
  'contact.phones': '联系电话',
  'contact.emails': '电子邮箱',
  'contact.address': '通讯地址',
  'contact.postcode': '邮政编码',
  'disclosure.indexNumber': '信息索引号',
  'disclosure.publisher': '信息公开发布机构',
  'disclosure.openness': '公开方式',
  'disclosure.category': '主题分类',
  keywords: '关键词',
  draft: '草稿',
  changes: '更新记录',
  opening: '开头',
  sections: '章节标题和叙述',
  closing: '结尾'
}

export const findingFieldNames: Readonly<Record<string, string>> = {
  position: '编号',
  title: '标题',
  problem: '问题内容',
  rectification: '整改情况',
  statusText: '整改状态',
  sustained: '长期坚持',
  deadline: '整改时限',
  responsible: '责任单位'
}

/** Fields whose change is the finding's place in the numbering, not its content. */
export const positionFields: ReadonlySet<string> = new Set(['position'])

export function fieldName(field: string, names: Readonly<Record<string, string>>): string {
  return names[field] ?? field
}

/** The notice's own fields, in the order they are reported. */
export function noticeFields(notice: LoadedNotice): Record<string, FieldValue> {
  const { record, meta, document } = notice
  const text = (predicate: (index: number) => boolean): string | null => {
    const lines = document.lines.filter((line, index) => line.text.trim() !== '' && predicate(index)).map((line) => line.text)
    return lines.length > 0 ? lines.join('\n') : null
  }
  const roleOf = (index: number): string | undefined => document.roles[index]?.kind
  const outside = (index: number): boolean => {
    const role = document.roles[index]
    return role?.kind === 'narrative' || (role?.kind === 'heading' && role.finding === undefined)
  }
  return {
    title: record.title,
    issuer: record.issuer ?? null,
    source: record.source ?? null,
    signature: record.signature ?? null,
    basis: meta.basis ?? null,
    'inspection.team': record.inspection?.team ?? null,
    'inspection.unit': record.inspection?.unit ?? null,
    'inspection.start': record.inspection?.start ?? null,
    'inspection.end': record.inspection?.end ?? null,
    'inspection.feedback': record.inspection?.feedback ?? null,
    'dates.written': record.dates.written ?? null,
    'dates.published': record.dates.published ?? null,
    'contact.phones': record.contact.phones,
    'contact.emails': record.contact.emails,
    'contact.address': record.contact.address ?? null,
    'contact.postcode': record.contact.postcode ?? null,
    'disclosure.indexNumber': record.disclosure?.indexNumber ?? null,
    'disclosure.publisher': record.disclosure?.publisher ?? null,
    'disclosure.openness': record.disclosure?.openness ?? null,
    'disclosure.category': record.disclosure?.category ?? null,
    keywords: record.keywords,
    draft: meta.draft ?? false,
    changes: record.changes.map((change) => `${change.date} ${change.note}`),
    opening: text((index) => document.lines[index]?.region === 'head' && roleOf(index) !== 'title'),
    sections: text((index) => document.lines[index]?.region === 'body' && outside(index)),
    closing: text((index) => document.lines[index]?.region === 'tail' && roleOf(index) !== 'signature' && roleOf(index) !== 'date')
  }
}

/** A finding's compared fields, in the order they are reported. */
export function findingFields(record: FindingRecord): Record<string, FieldValue> {
  return {
    position: record.path.join('-'),
    title: record.title,
    problem: record.problem,
    rectification: record.rectification,
    statusText: record.statusText,
    sustained: record.sustained,
    deadline: record.deadline ?? null,
    responsible: record.responsible ?? null
  }
}

export function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => item === b[index])
  return a === b
}

export function changedFields(before: Record<string, FieldValue>, after: Record<string, FieldValue>): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  return keys.flatMap((field) => {
    const from = before[field] ?? null
    const to = after[field] ?? null
    return sameValue(from, to) ? [] : [{ field, from, to }]
  })
}
