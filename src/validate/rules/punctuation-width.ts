import { excerpt, isChineseCodePoint, isChineseUnit, proseLines } from '../prose.js'
import { fixUnlessLeftOut, reportAt, type Report, type Rule } from '../rule.js'
import { docNumberSpans } from './doc-number.js'

const fullWidth: Readonly<Record<string, string>> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '?': '？', '!': '！' }

/*
 * This rule reads every line of every notice, so it works on char codes in one pass instead of
 * one regex or string per character. The codes it looks at:
 */
const comma = 0x2c
const colon = 0x3a
const semicolon = 0x3b
const question = 0x3f
const exclamation = 0x21
const asciiOpen = 0x28
const asciiClose = 0x29
const wideOpen = 0xff08
const wideClose = 0xff09
const newline = 0x0a
const space = 0x20
const tab = 0x09

function isAsciiMark(code: number): boolean {
  return code === comma || code === colon || code === semicolon || code === asciiOpen || code === asciiClose || code === question || code === exclamation
}

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
}

/** What `String.prototype.trim` removes: a run of these is blank. */
function isTrimmed(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/** Offsets of the ASCII marks of a line that stand in Chinese text. */
export function halfWidthInChinese(text: string): number[] {
  let context: MarkContext | undefined
  const found: number[] = []
  // Brackets come in pairs: when either side of a pair is Chinese, both are.
  const stack: number[] = []
  const pairs: number[] = []
  let asciiMarks = false
  // One pass: most characters are none of the marks or brackets and cost one or two comparisons.
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code >= 0x80) {
      if (code === wideOpen) stack.push(index)
      else if (code === wideClose) {
        const open = stack.pop()
        if (open !== undefined) pairs.push(open, index)
      }
      continue
    }
    if (!isAsciiMark(code)) continue
    asciiMarks = true
    if (code === asciiOpen) stack.push(index)
    else if (code === asciiClose) {
      const open = stack.pop()
      if (open !== undefined) pairs.push(open, index)
      else if ((context ??= new MarkContext(text)).isChinese(index)) found.push(index)
    } else if ((context ??= new MarkContext(text)).isChinese(index)) found.push(index)
  }
  // Most lines of a proofread notice hold no ASCII mark at all.
  if (!asciiMarks) return found
  context ??= new MarkContext(text)
  for (const open of stack) if (text.charCodeAt(open) === asciiOpen && context.isChinese(open)) found.push(open)
  for (let pair = 0; pair < pairs.length; pair += 2) {
    const open = pairs[pair]!
    const close = pairs[pair + 1]!
    const openIsAscii = text.charCodeAt(open) === asciiOpen
    const closeIsAscii = text.charCodeAt(close) === asciiClose
    // A pair of full-width brackets has nothing to report.
    if (!openIsAscii && !closeIsAscii) continue
    // `(其中592套)` and `模式(PPP)` are Chinese; `Revitalization (Pilot)` is an English name's own.
    const chinese =
      !openIsAscii ||
      !closeIsAscii ||
      chineseBetween(text, open + 1, close) ||
      (open > 0 && isChineseUnit(text.charCodeAt(open - 1))) ||
      (!letterBetween(text, open + 1, close) && context.isChinese(close))
    if (!chinese) continue
    if (openIsAscii) found.push(open)
    if (closeIsAscii) found.push(close)
  }
  if (found.length === 0) return found
  // The ASCII brackets of a document number `(2021)13号` are the doc-number rule's to report.
  if (found.some((offset) => text.charCodeAt(offset) === asciiOpen || text.charCodeAt(offset) === asciiClose)) {
    const skip = new Set<number>()
    for (const span of docNumberSpans(text)) for (const offset of span.brackets) skip.add(offset)
    return found.filter((offset) => !skip.has(offset)).sort((a, b) => a - b)
  }
  return found.sort((a, b) => a - b)
}

/** Whether [start, end) holds a Chinese character, read by code points (so 𠀀 counts). */
function chineseBetween(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index)
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < end) {
      const low = text.charCodeAt(index + 1)
      if (low >= 0xdc00 && low <= 0xdfff) {
        if (isChineseCodePoint((code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000)) return true
        index++
        continue
      }
    }
    if (isChineseUnit(code)) return true
  }
  return false
}

function letterBetween(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) if (isAsciiLetter(text.charCodeAt(index))) return true
  return false
}

/**
 * Whether a mark of a line is in Chinese text: when Chinese stands next to it, or when only
 * digits part it from Chinese. The second test reads the stretch of the line around the mark
 * that holds no Chinese; the marks are asked about in three rising sweeps (marks and unpaired
 * closing brackets, unpaired opening ones, pairs), so the stretch last read is kept and a line
 * costs one read of each stretch per sweep, however many marks it has.
 */
class MarkContext {
  private readonly text: string
  /** The stretch [start, end) last read: no Chinese and no line break in it. */
  private start = 0
  private end = 0
  /** Chinese (not a line break or the edge of the text) stands just before / just after it. */
  private chineseBefore = false
  private chineseAfter = false
  private hasLetter = false
  private firstNonBlank = -1
  private lastNonBlank = -1

  constructor(text: string) {
    this.text = text
  }

  /** `index` is an ASCII mark of the text. */
  isChinese(index: number): boolean {
    const before = this.neighbour(index, -1)
    const after = this.neighbour(index, 1)
    // A Chinese neighbour is never a digit, so digits on both sides cannot outweigh it.
    if ((before !== -1 && isChineseUnit(before)) || (after !== -1 && isChineseUnit(after))) return true
    if (isAsciiDigit(before) && isAsciiDigit(after)) return false
    // `电话68359030;` at the end of a line: the run back to the Chinese text holds no ASCII word,
    // and nothing but blanks stands on the other side up to the end of the line.
    if (index < this.start || index >= this.end) this.read(index)
    if (this.hasLetter || this.chineseBefore === this.chineseAfter) return false
    return this.chineseBefore ? this.lastNonBlank === index : this.firstNonBlank === index
  }

  /** The nearest code beside `index` past spaces and tabs on the same line, or -1. */
  private neighbour(index: number, step: 1 | -1): number {
    const text = this.text
    for (let at = index + step; at >= 0 && at < text.length; at += step) {
      const code = text.charCodeAt(at)
      if (code === newline) return -1
      if (code !== space && code !== tab) return code
    }
    return -1
  }

  private read(index: number): void {
    const text = this.text
    let start = index
    while (start > 0 && !this.ends(text.charCodeAt(start - 1))) start--
    let end = index + 1
    while (end < text.length && !this.ends(text.charCodeAt(end))) end++
    this.start = start
    this.end = end
    this.chineseBefore = start > 0 && text.charCodeAt(start - 1) !== newline
    this.chineseAfter = end < text.length && text.charCodeAt(end) !== newline
    this.hasLetter = false
    this.firstNonBlank = -1
    this.lastNonBlank = -1
    for (let at = start; at < end; at++) {
      const code = text.charCodeAt(at)
      if (isAsciiLetter(code)) this.hasLetter = true
      if (!isTrimmed(code)) {
        if (this.firstNonBlank === -1) this.firstNonBlank = at
        this.lastNonBlank = at
      }
    }
  }

  private ends(code: number): boolean {
    return code === newline || isChineseUnit(code)
  }
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
