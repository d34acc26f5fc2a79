import type { StatsSentence } from '../../structure/classify.js'
import type { DocLine } from '../../structure/types.js'
import { matches, proseLines } from '../prose.js'
import { positionIn, reportAt, type Report, type Rule } from '../rule.js'

const units = '家|个|项|名|人|起|件|条|套|户|栋|宗|笔|所|处'
const counted = new RegExp(`(?<![\\d.])(\\d+)(${units})`, 'gu')
const sentence = /[^。；;！？!?]+/gu

/** Offset of the first match of a pattern's number group in a line (for positions). */
function numberAt(text: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(text)
  const number = match?.slice(1).find((group) => group !== undefined)
  if (!match || number === undefined) return undefined
  return match.index + match[0].indexOf(number)
}

/** What a statistics sentence states, checked against the findings and against itself. */
function checkStatsLine(line: DocLine, stats: StatsSentence, actual: { total: number; done: number; inProgress: number }): Report[] {
  const reports: Report[] = []
  const text = line.text
  const at = (pattern: RegExp): { file: string; line: number; column: number } => positionIn(line, numberAt(text, pattern) ?? 0)
  const totalAt = /(\d+)个问题|问题共?(\d+)个/u
  const doneAt = /(?:已完成整改|已整改完成|已完成|已整改到位|已整改|完成整改)(\d+)个/u
  const progressAt = /(?:正在整改|整改中|持续整改)(\d+)个/u
  const rateAt = /(\d+(?:\.\d+)?)[%％]/u
  if (stats.total !== undefined && stats.total !== actual.total) {
    reports.push({ ...at(totalAt), message: `统计说共有 ${stats.total} 个问题，但正文列出了 ${actual.total} 个：请核对数字`, text: String(stats.total) })
  }
  if (stats.done !== undefined && stats.done !== actual.done) {
    reports.push({
      ...at(doneAt),
      message: `统计说已完成整改 ${stats.done} 个，但正文中标为已完成的有 ${actual.done} 个：请核对数字`,
      text: String(stats.done)
    })
  }
  if (stats.inProgress !== undefined && stats.inProgress !== actual.inProgress) {
    reports.push({
      ...at(progressAt),
      message: `统计说正在整改 ${stats.inProgress} 个，但正文中标为正在整改的有 ${actual.inProgress} 个：请核对数字`,
      text: String(stats.inProgress)
    })
  }
  // One wrong number is one report: the sum and the rate are checked only when they say something new.
  const numbersAgree = reports.length === 0
  if (
    numbersAgree &&
    stats.total !== undefined &&
    stats.done !== undefined &&
    stats.inProgress !== undefined &&
    stats.done + stats.inProgress !== stats.total
  ) {
    reports.push({
      ...at(doneAt),
      message: `统计数字自相矛盾：已完成 ${stats.done} 个加正在整改 ${stats.inProgress} 个是 ${stats.done + stats.inProgress} 个，不是 ${stats.total} 个`,
      text: String(stats.done)
    })
  }
  if (stats.rate !== undefined && actual.total > 0) {
    const decimals = (/\.(\d+)/u.exec(String(stats.rate))?.[1] ?? '').length
    const close = (done: number, total: number): boolean => total > 0 && Math.abs((done / total) * 100 - stats.rate!) <= 0.5 * 10 ** -decimals + 1e-9
    const agreesWithStated = stats.done !== undefined && stats.total !== undefined && close(stats.done, stats.total)
    if (!close(actual.done, actual.total) && !(agreesWithStated && !numbersAgree)) {
      const exact = (actual.done / actual.total) * 100
      reports.push({
        ...at(rateAt),
        message: `整改完成率写的是 ${stats.rate}%，但正文中 ${actual.total} 个问题已完成 ${actual.done} 个，完成率为 ${exact.toFixed(Math.max(1, decimals))}%：请核对`,
        text: `${stats.rate}%`
      })
    }
  }
  return reports
}

/** `共10家，其中4家…6家…1家`: parts that add up to more than the whole. */
export function partsExceedingWhole(text: string): Array<{ offset: number; total: number; parts: number[]; unit: string }> {
  const result: Array<{ offset: number; total: number; parts: number[]; unit: string }> = []
  // Only a sentence with 其中 is looked at; most lines have none.
  if (!text.includes('其中')) return result
  for (const piece of matches(sentence, text)) {
    const body = piece[0]
    const split = body.indexOf('其中')
    if (split === -1) continue
    const before = [...matches(counted, body.slice(0, split))]
    const whole = before[before.length - 1]
    if (!whole) continue
    const unit = whole[2] ?? ''
    const parts = [...matches(counted, partsText(body, split))].filter((match) => match[2] === unit).map((match) => Number(match[1]))
    const total = Number(whole[1])
    const sum = parts.reduce((a, b) => a + b, 0)
    if (parts.length > 0 && sum > total) result.push({ offset: piece.index + whole.index, total, parts, unit })
  }
  return result
}

/** The text `其中` opens: up to the closing bracket of `（其中…）`, or up to the next `其中`. */
function partsText(body: string, split: number): string {
  const rest = body.slice(split + 2)
  const opener = body[split - 1]
  if (opener === '(' || opener === '（') {
    const close = rest.search(/[)）]/u)
    return close === -1 ? rest : rest.slice(0, close)
  }
  const next = rest.indexOf('其中')
  return next === -1 ? rest : rest.slice(0, next)
}

export const statsMismatch: Rule = {
  id: 'stats-mismatch',
  severity: 'warning',
  description: '统计数字与正文的问题数不符，或自相矛盾（分项之和大于总数、完成率算错）',
  check(notice) {
    const reports: Report[] = []
    const byStatus = notice.record.stats.byStatus
    const actual = { total: notice.record.stats.total, done: byStatus.done ?? 0, inProgress: byStatus.in_progress ?? 0 }
    for (const { line, role } of proseLines(notice)) {
      if (role.kind === 'stats') reports.push(...checkStatsLine(line, role.stats, actual))
      for (const found of partsExceedingWhole(line.text)) {
        const sum = found.parts.reduce((a, b) => a + b, 0)
        const message = `数字对不上：总数是 ${found.total}${found.unit}，其中各项 ${found.parts.map((part) => `${part}${found.unit}`).join(' + ')} = ${sum}${found.unit}，超过了总数：请核对`
        reports.push(reportAt(line, found.offset, message, `${found.total}${found.unit}`))
      }
    }
    return reports
  }
}
