import { matches, proseLines } from '../prose.js'
import { reportAt, type Report, type Rule } from '../rule.js'

const lostBoth = /(?<![\d.])((?:19|20)\d{2})(\d{1,2})(\d{1,2})日/gu
const lostMonth = /(?<![\d.])((?:19|20)\d{2})年(\d{3,4})日/gu
const leadingZero = /(?<![\d.])(?:(\d{4})年)?(0\d)月(?:(\d{1,2})日)?|(?<![\d.])(\d{1,2})月(0\d)日/gu
const fullDate = /(?<![\d.])(?:((?:19|20)\d{2})年)?(\d{1,2})月(\d{1,2})日/gu
const yearMonth = /(?<![\d.])((?:19|20)\d{2})年(\d{1,3})月/gu

function daysIn(month: number, year: number | undefined): number {
  if (month === 2) return year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** A date problem in a line: where, what is written there, and what to say. */
export interface DateProblem {
  offset: number
  written: string
  message: string
}

/** Every date problem of a line, pattern by pattern. */
export function dateProblems(text: string): DateProblem[] {
  const problems: DateProblem[] = []
  // Every pattern holds a 月 or a 日; about half the lines of a notice have neither.
  if (text.indexOf('月') === -1 && text.indexOf('日') === -1) return problems
  const report = (offset: number, written: string, message: string): void => {
    problems.push({ offset, written, message })
  }
  for (const match of matches(lostBoth, text)) {
    report(match.index, match[0], `日期“${match[0]}”缺少“年”“月”：请写成“${match[1]}年…月…日”`)
  }
  for (const match of matches(lostMonth, text)) {
    report(match.index, match[0], `日期“${match[0]}”缺少“月”：请写成“${match[1]}年…月…日”`)
  }
  for (const match of matches(leadingZero, text)) {
    const fixed = match[0].replace(/(^|[年月])0(\d)/gu, '$1$2')
    report(match.index, match[0], `日期“${match[0]}”的月、日前不加“0”：应写作“${fixed}”`)
  }
  for (const match of matches(yearMonth, text)) {
    const month = Number(match[2])
    if (month >= 1 && month <= 12) continue
    report(match.index, match[0], `日期“${match[0]}”不存在：月份应在 1 到 12 之间`)
  }
  for (const match of matches(fullDate, text)) {
    const year = match[1] === undefined ? undefined : Number(match[1])
    const month = Number(match[2])
    const day = Number(match[3])
    if (month < 1 || month > 12) {
      if (year === undefined) report(match.index, match[0], `日期“${match[0]}”不存在：月份应在 1 到 12 之间`)
      continue
    }
    if (day >= 1 && day <= daysIn(month, year)) continue
    report(match.index, match[0], `日期“${match[0]}”不存在：${month}月只有 ${daysIn(month, year)} 天`)
  }
  return problems
}

export const dateFormat: Rule = {
  id: 'date-format',
  severity: 'warning',
  description: '日期丢了“年”“月”（2024717日）、月日前加了“0”（2021年03月）或日期不存在（2月30日）',
  check(notice) {
    const reports: Report[] = []
    for (const { line } of proseLines(notice)) {
      for (const problem of dateProblems(line.text)) reports.push(reportAt(line, problem.offset, problem.message, problem.written))
    }
    return reports
  }
}
