import { excerpt, isChinese } from '../prose.js'
import { proseLines } from '../prose.js'
import { fixIn, positionIn, type Report, type Rule } from '../rule.js'
import { docNumberSpans } from './doc-number.js'

const fullWidth: Readonly<Record<string, string>> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '?': '？', '!': '！' }
const opening = new Set(['(', '（'])
const closing = new Set([')', '）'])
const asciiLetter = /[A-Za-z]/u
const asciiDigit = /[0-9]/u

/** Offsets of the ASCII marks of a line that stand in Chinese text. */
export function halfWidthInChinese(text: string): number[] {
  // Most lines of a proofread notice hold no ASCII mark at all.
  if (!/[,:;()?!]/u.test(text)) return []
  const skip = new Set<number>()
  for (const span of docNumberSpans(text)) for (const offset of span.brackets) skip.add(offset)
  const found = new Set<number>()
  // Brackets come in pairs: when either side of a pair is Chinese, both are.
  const stack: number[] = []
  const pairs: Array<[number, number]> = []
  for (let index = 0; index < text.length; index++) {
    const char = text[index] ?? ''
    if (opening.has(char)) stack.push(index)
    else if (closing.has(char)) {
      const open = stack.pop()
      if (open !== undefined) pairs.push([open, index])
      else if (char === ')' && inChineseContext(text, index)) found.add(index)
    }
  }
  for (const open of stack) if (text[open] === '(' && inChineseContext(text, open)) found.add(open)
  for (const [open, close] of pairs) {
    const asciiOpen = text[open] === '('
    const asciiClose = text[close] === ')'
    // `(其中592套)` and `模式(PPP)` are Chinese; `Revitalization (Pilot)` is an English name's own.
    const inside = text.slice(open + 1, close)
    const chinese = !asciiOpen || !asciiClose || chineseIn(inside) || isChinese(text[open - 1]) || (!/[A-Za-z]/u.test(inside) && inChineseContext(text, close))
    if (!chinese) continue
    if (asciiOpen) found.add(open)
    if (asciiClose) found.add(close)
  }
  for (let index = 0; index < text.length; index++) {
    const char = text[index] ?? ''
    if (char === '(' || char === ')' || fullWidth[char] === undefined) continue
    if (inChineseContext(text, index)) found.add(index)
  }
  return [...found].filter((offset) => !skip.has(offset)).sort((a, b) => a - b)
}

/** A mark is in Chinese text when Chinese stands next to it, or when only digits part it from Chinese. */
function inChineseContext(text: string, index: number): boolean {
  const before = neighbour(text, index, -1)
  const after = neighbour(text, index, 1)
  if (isChinese(before) || isChinese(after)) return !(asciiDigit.test(before ?? '') && asciiDigit.test(after ?? ''))
  if (asciiDigit.test(before ?? '') && asciiDigit.test(after ?? '')) return false
  // `电话68359030;` at the end of a line: the run back to the Chinese text holds no ASCII word.
  const left = run(text, index, -1)
  const right = run(text, index, 1)
  if (asciiLetter.test(left.text) || asciiLetter.test(right.text)) return false
  return (left.reachesChinese && right.text.trim() === '' && right.atEdge) || (right.reachesChinese && left.text.trim() === '' && left.atEdge)
}

function chineseIn(text: string): boolean {
  for (const char of text) if (isChinese(char)) return true
  return false
}

function neighbour(text: string, index: number, step: 1 | -1): string | undefined {
  for (let at = index + step; at >= 0 && at < text.length; at += step) {
    const char = text[at] ?? ''
    if (char === '\n') return undefined
    if (char !== ' ' && char !== '\t') return char
  }
  return undefined
}

function run(text: string, index: number, step: 1 | -1): { text: string; reachesChinese: boolean; atEdge: boolean } {
  let at = index + step
  let collected = ''
  while (at >= 0 && at < text.length && text[at] !== '\n' && !isChinese(text[at])) {
    collected = step === 1 ? collected + text[at] : text[at] + collected
    at += step
  }
  const inside = at >= 0 && at < text.length && text[at] !== '\n'
  return { text: collected, reachesChinese: inside, atEdge: !inside }
}

export const punctuationWidth: Rule = {
  id: 'punctuation-width',
  severity: 'warning',
  description: '中文里夹用了半角标点 , : ; ( ) ? !，应为全角（可自动修改）',
  check(notice) {
    const reports: Report[] = []
    for (const { line } of proseLines(notice)) {
      for (const offset of halfWidthInChinese(line.text)) {
        const char = line.text[offset] ?? ''
        const replacement = fullWidth[char] ?? char
        reports.push({
          ...positionIn(line, offset),
          message: `中文里用了半角标点“${char}”（${excerpt(line.text, offset, offset + 1)}）：应改为全角“${replacement}”`,
          text: char,
          fix: fixIn(line, offset, offset + 1, replacement)
        })
      }
    }
    return reports
  }
}
