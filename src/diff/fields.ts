/**
 * What is compared, field by field, and what each field is called in Chinese. A field's value
 * is a string, a list of strings, a yes/no, or null when the version does not have it.
 */
import type { LoadedNotice } from '../load/notice.js'
import type { FindingRecord } from '../model/schema.js'
import type { DocLine } from '../structure/types.js'

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
  closing: '结尾',
  text: '全文'
}

export const findingFieldNames: Readonly<Record<string, string>> = {
  position: '编号',
  title: '标题',
  problem: '问题内容',
  rectification: '整改情况',
  statusText: '整改状态',
  sustained: '长期坚持',
  deadline: '整改时限',
  responsible: '责任单位',
  text: '全文'
}

/**
 * Finding fields that are parts of its published text: when the text itself is shown changed,
 * they would only repeat it.
 */
export const partsOfText: ReadonlySet<string> = new Set(['title', 'problem', 'rectification', 'statusText'])

/** Fields whose change is the finding's place in the numbering, not its content. */
export const positionFields: ReadonlySet<string> = new Set(['position'])

export function fieldName(field: string, names: Readonly<Record<string, string>>): string {
  return names[field] ?? field
}

/** The notice's own fields, in the order they are reported. */
export function noticeFields(notice: LoadedNotice): Record<string, FieldValue> {
  const { record, meta, document } = notice
  const inFinding = findingLines(notice)
  const text = (predicate: (line: DocLine, index: number) => boolean): string | null => {
    const lines = document.lines.filter((line, index) => line.text.trim() !== '' && predicate(line, index)).map((line) => line.text)
    return lines.length > 0 ? lines.join('\n') : null
  }
  // Every published line is in one of opening, sections, closing or a finding, except the
  // lines the title, signature and date fields already stand for word for word.
  const standsFor = (line: DocLine, index: number): boolean => {
    const role = document.roles[index]
    if (role?.kind === 'title') return line.text.trim() === record.title
    if (role?.kind === 'signature') return line.text.trim() === record.signature
    if (role?.kind === 'date') return line.text.trim() === chineseDate(record.dates.written)
    return false
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
    opening: text((line, index) => line.region === 'head' && !standsFor(line, index)),
    sections: text((line, index) => line.region !== 'head' && line.region !== 'tail' && !inFinding.has(index) && !standsFor(line, index)),
    closing: text((line, index) => line.region === 'tail' && !standsFor(line, index))
  }
}

function chineseDate(iso: string | undefined): string | undefined {
  const match = iso === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso)
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : undefined
}

/** Indexes of the document lines that belong to a finding (its heading included). */
function findingLines(notice: LoadedNotice): Set<number> {
  const lines = new Set<number>()
  for (const { parsed } of notice.findings) {
    for (let index = parsed.firstLine; index <= parsed.lastLine; index++) lines.add(index)
    const heading = parsed.heading === undefined ? undefined : notice.document.headings[parsed.heading]
    if (heading && heading.line >= 0) lines.add(heading.line)
  }
  return lines
}

/**
 * Each finding's published text, as notice.txt prints it, by finding id: every line from its
 * heading to its last, whatever the parser made of them (a paragraph after 整改结果, a table
 * row, a closing sentence). The heading's number is left out: a renumbering is a move, not an edit.
 */
export function findingTexts(notice: LoadedNotice): Map<string, string> {
  const texts = new Map<string, string>()
  const { document } = notice
  for (const { parsed, record } of notice.findings) {
    if (texts.has(record.id)) continue
    const heading = parsed.heading === undefined ? undefined : document.headings[parsed.heading]
    const indexes = new Set<number>()
    if (heading && heading.line >= 0) indexes.add(heading.line)
    for (let index = parsed.firstLine; index <= parsed.lastLine; index++) indexes.add(index)
    const lines: string[] = []
    for (const index of [...indexes].sort((a, b) => a - b)) {
      const line = document.lines[index]?.text ?? ''
      if (line.trim() === '') continue
      lines.push(heading && index === heading.line && line.startsWith(heading.numberText) ? line.slice(heading.numberText.length) : line)
    }
    texts.set(record.id, lines.join('\n'))
  }
  return texts
}

/** A finding's compared fields, in the order they are reported. */
export function findingFields(record: FindingRecord, text?: string): Record<string, FieldValue> {
  return {
    position: record.path.join('-'),
    title: record.title,
    problem: record.problem,
    rectification: record.rectification,
    statusText: record.statusText,
    sustained: record.sustained,
    deadline: record.deadline ?? null,
    responsible: record.responsible ?? null,
    text: text ?? null
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
