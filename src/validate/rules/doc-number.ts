import { han, matches, proseLines } from '../prose.js'
import { fixUnlessLeftOut, reportAt, type Report, type Rule } from '../rule.js'

/** `代字〔2021〕13号` and the forms it is mistyped in: other brackets, 第, leading zeros, no 号. */
const candidate = /([〔［[（(【〈])((?:19|20)\d{2})([〕］\]）)】〉])(第?)(\d{1,5})(号?)/gu
const listAfter = /^[、，,和及与至\-—~～－][^。；;]*?\d+号/u
const safeAfterMissing = /^(?:$|[\p{Script=Han}。；;，,）)”」])/u

export interface DocNumberSpan {
  start: number
  end: number
  /** Offsets of the year brackets (ASCII ones are this rule's, not `punctuation-width`'s). */
  brackets: [number, number]
  written: string
  canonical: string
  problems: string[]
  fixable: boolean
}

/** Document numbers in a line, standard or not. */
export function docNumberSpans(text: string): DocNumberSpan[] {
  const spans: DocNumberSpan[] = []
  for (const match of matches(candidate, text)) {
    const [written, open = '', year = '', close = '', di = '', number = '', hao = ''] = match
    const start = match.index
    const end = start + written.length
    const prefix = text[start - 1]
    if (!prefix || !han.test(prefix)) continue
    const standardBrackets = open === '〔' && close === '〕'
    const after = text.slice(end)
    if (!standardBrackets && !hao && !/^文件?/u.test(after)) continue
    const problems: string[] = []
    let fixable = true
    if (!standardBrackets) problems.push(`年份应使用六角括号〔〕，不能用“${open}${close}”`)
    if (di) problems.push('序号前不加“第”')
    if (/^0\d/u.test(number)) problems.push(`序号不加虚位“0”（${number} 应为 ${Number(number)}）`)
    if (!hao) {
      if (listAfter.test(after)) continue
      problems.push('序号后缺少“号”')
      if (!safeAfterMissing.test(after)) fixable = false
    }
    spans.push({
      start,
      end,
      brackets: [start, start + 1 + year.length],
      written,
      canonical: `〔${year}〕${Number(number)}号`,
      problems,
      fixable
    })
  }
  return spans
}

export const docNumber: Rule = {
  id: 'doc-number',
  severity: 'warning',
  description: '发文字号不规范：应写作“代字〔2021〕13号”（六角括号、不加“第”、不编虚位、带“号”）',
  check(notice, context) {
    const reports: Report[] = []
    for (const { line } of proseLines(notice)) {
      for (const span of docNumberSpans(line.text)) {
        if (span.problems.length === 0) continue
        const fix = span.fixable ? fixUnlessLeftOut(context, line, span.start, span.end, span.canonical) : undefined
        reports.push(reportAt(line, span.start, `发文字号“${span.written}”不规范：${span.problems.join('；')}。应写作“${span.canonical}”`, span.written, fix))
      }
    }
    return reports
  }
}
