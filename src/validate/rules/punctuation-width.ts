import { excerpt, isChinese, matches, proseLines } from '../prose.js'
import { fixUnlessLeftOut, reportAt, type Report, type Rule } from '../rule.js'
import { docNumberSpans } from './doc-number.js'

const fullWidth: Readonly<Record<string, string>> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '?': '？', '!': '！' }

const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9'

/** Offsets of the ASCII marks of a line that stand in Chinese text. */
export function halfWidthInChinese(text: string): number[] {
  if (!/[,:;()?!]/u.test(text)) return []
  const found = new Set<number>()
  // Brackets come in pairs: when either side of a pair is Chinese, both are.
  const stack: number[] = []
  const pairs: Array<[number, number]> = []
  for (const { index, 0: char } of matches(/[()（）]/gu, text)) {
    if (char === '(' || char === '（') stack.push(index)
    else {
      const open = stack.pop()
      if (open !== undefined) pairs.push([open, index])
      else if (char === ')' && inChineseContext(text, index)) found.add(index)
    }
  }
  for (const open of stack) if (text[open] === '(' && inChineseContext(text, open)) found.add(open)
  for (const [open, close] of pairs) {
    const inside = text.slice(open + 1, close)
    const asciiOpen = text[open] === '('
    const asciiClose = text[close] === ')'
    // `(其中592套)` and `模式(PPP)` are Chinese; `Revitalization (Pilot)` is an English name's own.
    const inChinese =
      !asciiOpen || !asciiClose || [...inside].some(isChinese) || isChinese(text[open - 1]) || (!/[A-Za-z]/u.test(inside) && inChineseContext(text, close))
    if (!inChinese) continue
    if (asciiOpen) found.add(open)
    if (asciiClose) found.add(close)
  }
  for (const { index } of matches(/[,:;?!]/gu, text)) if (inChineseContext(text, index)) found.add(index)
  if (found.size === 0) return []
  // The ASCII brackets of a document number `(2021)13号` are the doc-number rule's to report.
  const docNumberBrackets = new Set(docNumberSpans(text).flatMap((span) => span.brackets))
  return [...found].filter((offset) => !docNumberBrackets.has(offset)).sort((a, b) => a - b)
}

/**
 * Whether a mark is in Chinese text: Chinese stands next to it (past spaces), unless digits stand
 * on both sides (`1,2`); or only digits and blanks part it from Chinese on one side and the line
 * ends on the other (`电话68359030;`), with no ASCII word in between.
 */
function inChineseContext(text: string, index: number): boolean {
  const before = neighbour(text, index, -1)
  const after = neighbour(text, index, 1)
  if (isChinese(before) || isChinese(after)) return !(isDigit(before) && isDigit(after))
  if (isDigit(before) && isDigit(after)) return false
  const left = run(text, index, -1)
  const right = run(text, index, 1)
  if (/[A-Za-z]/u.test(left.text) || /[A-Za-z]/u.test(right.text)) return false
  return (left.reachesChinese && right.text.trim() === '' && right.atEdge) || (right.reachesChinese && left.text.trim() === '' && left.atEdge)
}

/** The nearest character beside `index` past spaces and tabs on the same line. */
function neighbour(text: string, index: number, step: 1 | -1): string | undefined {
  for (let at = index + step; at >= 0 && at < text.length; at += step) {
    const char = text[at]
    if (char === '\n') return undefined
    if (char !== ' ' && char !== '\t') return char
  }
  return undefined
}

/** The text from `index` up to the next Chinese character or line end in one direction. */
function run(text: string, index: number, step: 1 | -1): { text: string; reachesChinese: boolean; atEdge: boolean } {
  let at = index + step
  while (at >= 0 && at < text.length && text[at] !== '\n' && !isChinese(text[at])) at += step
  const collected = step === 1 ? text.slice(index + 1, at) : text.slice(at + 1, index)
  const inside = at >= 0 && at < text.length && text[at] !== '\n'
  return { text: collected, reachesChinese: inside, atEdge: !inside }
}

export const punctuationWidth: Rule = {
  id: 'punctuation-width',
  severity: 'warning',
  description: '中文里夹用了半角标点 , : ; ( ) ? !，应为全角（可自动修改）',
  check(notice, context) {
    const reports: Report[] = []
    for (const { line } of proseLines(notice)) {
      for (const offset of halfWidthInChinese(line.text)) {
        const char = line.text[offset] ?? ''
        const replacement = fullWidth[char] ?? char
        const message = `中文里用了半角标点“${char}”（${excerpt(line.text, offset, offset + 1)}）：应改为全角“${replacement}”`
        reports.push(reportAt(line, offset, message, char, fixUnlessLeftOut(context, line, offset, offset + 1, replacement)))
      }
    }
    return reports
  }
}
