/**
 * The terminal summary. In colour on a terminal (deletions red, insertions green); plain text
 * with git's word-diff markers `[-删去-]{+加上+}` when piped or with NO_COLOR, so a log or a
 * mail still shows what changed. Long kept text is shortened around each change.
 */
import { hasDifferences, noticeChanged, type ContentDiff, type FindingDiff } from './compare.js'
import { fieldName, findingFieldNames, noticeFieldNames, positionFields, type FieldChange } from './fields.js'
import { changeNames, changeOrder, countChanges, fieldSegments, shownChanges, findingTitle, noticeTitle, statusName, statusWords } from './present.js'
import type { Segment } from './words.js'

export interface TextOptions {
  colour: boolean
  /** Characters of kept text shown on each side of a change. */
  context?: number
}

export interface SideLabel {
  name: string
  commit?: string
  /** The commit's date and message, when the side is a commit. */
  date?: string
  subject?: string
}

/** A version as a person knows it: `2021-06-30「更新整改进展」（HEAD~1，a1b2c3d）`, or the name alone. */
export function describeSide(label: SideLabel): string {
  if (!label.commit) return label.name
  const short = label.commit.slice(0, 7)
  const where = label.name === label.commit || label.name === short ? short : `${label.name}，${short}`
  const what = [label.date ?? '', label.subject ? `「${label.subject}」` : ''].join('')
  return what ? `${what}（${where}）` : `${label.name}（${short}）`
}

const codes = { red: 31, green: 32, yellow: 33, cyan: 36, bold: 1, dim: 2 } as const

export function renderDiffText(diff: ContentDiff, from: SideLabel, to: SideLabel, options: TextOptions): string {
  const paint = (code: keyof typeof codes, text: string): string => (options.colour && text ? `\x1b[${codes[code]}m${text}\x1b[0m` : text)
  const context = options.context ?? 12
  const lines: string[] = [paint('bold', `比较 ${describeSide(from)} → ${describeSide(to)}`)]

  const redline = (segments: readonly Segment[]): string =>
    segments
      .map((segment, index) => {
        const text = segment.text.replace(/\n/gu, ' ↵ ')
        if (segment.kind === 'del') return options.colour ? paint('red', text) : `[-${text}-]`
        if (segment.kind === 'ins') return options.colour ? paint('green', text) : `{+${text}+}`
        return shorten(text, index === 0, index === segments.length - 1, context)
      })
      .join('')

  const fieldLine = (change: FieldChange, names: Readonly<Record<string, string>>): string => {
    if (positionFields.has(change.field)) return `    ${fieldName(change.field, names)}：${change.from ?? '（无）'} → ${change.to ?? '（无）'}`
    return `    ${fieldName(change.field, names)}：${redline(fieldSegments(change))}`
  }

  let unchanged = 0
  for (const notice of diff.notices) {
    if (!noticeChanged(notice)) {
      unchanged++
      continue
    }
    lines.push(
      '',
      paint(
        'bold',
        `通报 ${notice.id}《${noticeTitle(notice)}》${notice.change === 'added' ? '：新增的通报' : notice.change === 'removed' ? '：已删除的通报' : ''}`
      )
    )
    if (notice.fields.length > 0) {
      lines.push('  通报信息：')
      for (const field of notice.fields) lines.push(fieldLine(field, noticeFieldNames))
    }
    const counts = countChanges(notice.findings)
    lines.push(`  问题：共 ${notice.findings.length} 个，${changeOrder.map((change) => `${changeNames[change]} ${counts[change]} 个`).join('，')}`)
    for (const finding of notice.findings) {
      if (finding.change === 'unchanged') continue
      lines.push(...findingLines(finding, paint, fieldLine))
    }
  }
  if (!hasDifferences(diff)) lines.push('', '两个版本的内容没有变化。')
  else if (unchanged > 0) lines.push('', `其余 ${unchanged} 个通报没有变化。`)
  return `${lines.join('\n')}\n`
}

function findingLines(
  finding: FindingDiff,
  paint: (code: keyof typeof codes, text: string) => string,
  fieldLine: (change: FieldChange, names: Readonly<Record<string, string>>) => string
): string[] {
  const mark = { changed: paint('yellow', '修改'), added: paint('green', '新增'), removed: paint('red', '删除'), moved: paint('cyan', '编号'), unchanged: '' }[
    finding.change
  ]
  const lines = [`  ${mark} ${finding.id} ${findingTitle(finding)}`]
  if (finding.change === 'added' || finding.change === 'removed') {
    const record = finding.after ?? finding.before
    lines.push(`    整改状态：${statusWords(record)}`)
    return lines
  }
  if (finding.status) {
    const [fromWords, toWords] = [statusWords(finding.before), statusWords(finding.after)]
    const [fromName, toName] = [statusName(finding.status.from), statusName(finding.status.to)]
    const normalised = fromWords === fromName && toWords === toName ? '' : `（${fromName} → ${toName}）`
    lines.push(`    整改状态：${paint('red', fromWords)} → ${paint('green', toWords)}${normalised}`)
  }
  for (const change of shownChanges(finding)) {
    if (change.field === 'statusText' && finding.status) continue
    lines.push(fieldLine(change, findingFieldNames))
  }
  return lines
}

/** Kept text cut to `context` characters next to the changes around it. */
function shorten(text: string, first: boolean, last: boolean, context: number): string {
  const chars = [...text]
  if (first && last) return text
  if (first) return chars.length > context ? `…${chars.slice(-context).join('')}` : text
  if (last) return chars.length > context ? `${chars.slice(0, context).join('')}…` : text
  return chars.length > context * 2 + 1 ? `${chars.slice(0, context).join('')}…${chars.slice(-context).join('')}` : text
}
