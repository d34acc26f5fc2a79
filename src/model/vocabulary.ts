/**
 * The words of real notices: heading schemes, labels and their aliases, status phrases.
 * Kept as data so the importer, the loader and the check rules read one vocabulary.
 */

export const headingSchemes = ['cn', 'cn-paren', 'num', 'num-paren', 'shi'] as const
/** Rank order of GB/T 9704 headings: 一、 > （一） > 1. > （1） > 一是. */
export type HeadingScheme = (typeof headingSchemes)[number]

export const labelKinds = ['problem', 'measures', 'rectification', 'unit', 'person', 'deadline', 'note'] as const
/**
 * What a label introduces: the problem; the measures taken (整改措施); the result or progress, which
 * states the status (整改情况, 整改结果, 完成情况 …); who is responsible; the deadline; a remark.
 */
export type LabelKind = (typeof labelKinds)[number]

/** Labels of the rectification text: the fields a status is read from, results before measures. */
export const rectificationKinds: readonly LabelKind[] = ['rectification', 'measures']

/** Labels seen in real notices and ledger headers, with the kind they mean. */
export const labelAliases: Readonly<Record<string, LabelKind>> = {
  问题: 'problem',
  问题内容: 'problem',
  详细问题: 'problem',
  存在问题: 'problem',
  具体问题: 'problem',
  问题描述: 'problem',
  问题表现: 'problem',
  反馈问题: 'problem',
  巡察反馈问题: 'problem',
  整改措施: 'measures',
  整改举措: 'measures',
  整改情况: 'rectification',
  整改落实情况: 'rectification',
  整改进展: 'rectification',
  整改进展情况: 'rectification',
  整改结果: 'rectification',
  整改成效: 'rectification',
  落实情况: 'rectification',
  完成情况: 'rectification',
  整改完成情况: 'rectification',
  责任单位: 'unit',
  牵头单位: 'unit',
  责任部门: 'unit',
  责任股室: 'unit',
  责任科室: 'unit',
  责任人: 'person',
  责任领导: 'person',
  牵头领导: 'person',
  整改时限: 'deadline',
  完成时限: 'deadline',
  完成时间: 'deadline',
  备注: 'note'
}

/** The labels written as they should be; others are reported by label-variant. */
export const standardLabels: Readonly<Record<LabelKind, readonly string[]>> = {
  problem: ['问题内容', '问题', '存在问题', '反馈问题'],
  measures: ['整改措施'],
  rectification: ['整改情况', '整改落实情况', '整改结果', '整改进展', '完成情况'],
  unit: ['责任单位', '责任部门'],
  person: ['责任人', '责任领导'],
  deadline: ['整改时限', '完成时限'],
  note: ['备注']
}

export const statuses = ['done', 'partial', 'in_progress', 'not_done', 'deferred', 'unknown'] as const
export type Status = (typeof statuses)[number]

export const statusNames: Readonly<Record<Status, string>> = {
  done: '已完成',
  partial: '基本完成',
  in_progress: '正在整改',
  not_done: '未完成',
  deferred: '延期整改',
  unknown: '未标明'
}

/** Raw phrase → normalised status (DESIGN §3). A site may add to it in site.yml. */
export const defaultStatusPhrases: Readonly<Record<string, Exclude<Status, 'unknown'>>> = {
  已完成: 'done',
  已完成整改: 'done',
  完成整改: 'done',
  整改完成: 'done',
  已整改: 'done',
  已整改到位: 'done',
  整改到位: 'done',
  全部整改到位: 'done',
  已全部整改到位: 'done',
  已整改完成: 'done',
  已全部完成: 'done',
  已全部完成整改: 'done',
  已整改销号: 'done',
  已销号: 'done',
  已办结: 'done',
  立行立改: 'done',
  已完成整改并长期坚持: 'done',
  长期坚持: 'done',
  基本完成: 'partial',
  基本完成整改: 'partial',
  部分完成: 'partial',
  阶段性完成: 'partial',
  取得阶段性成果: 'partial',
  取得阶段性成效: 'partial',
  已取得阶段性成效: 'partial',
  正在整改: 'in_progress',
  正在整改中: 'in_progress',
  整改中: 'in_progress',
  正在办理: 'in_progress',
  正在推进: 'in_progress',
  持续整改: 'in_progress',
  持续推进: 'in_progress',
  序时推进: 'in_progress',
  有待持续整改: 'in_progress',
  未完成: 'not_done',
  申请延期整改: 'deferred'
}

/** Said alone (`长期坚持。`), it means done and kept up; after a status (`已完成，长期坚持`), kept up. */
export const sustainedPhrase = '长期坚持'

const chineseDigits: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9
}

/** 一 → 1, 十二 → 12, 二十三 → 23, 一百零五 → 105; NaN when it is not a Chinese numeral. */
export function parseChineseNumber(text: string): number {
  if (text.length === 0) return Number.NaN
  let total = 0
  let current = 0
  for (const char of text) {
    if (char === '百') {
      total += (current || 1) * 100
      current = 0
    } else if (char === '十') {
      total += (current || 1) * 10
      current = 0
    } else {
      const digit = chineseDigits[char]
      if (digit === undefined) return Number.NaN
      current = current * 10 + digit
    }
  }
  return total + current
}

const digitNames = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1 → 一, 12 → 十二, 23 → 二十三 (the forms used in headings). */
export function formatChineseNumber(value: number): string {
  if (value < 10) return digitNames[value] ?? String(value)
  if (value < 20) return `十${value % 10 ? digitNames[value % 10] : ''}`
  if (value < 100) return `${digitNames[Math.floor(value / 10)] ?? ''}十${value % 10 ? digitNames[value % 10] : ''}`
  return String(value)
}
