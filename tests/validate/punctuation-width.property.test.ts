import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { halfWidthInChinese } from '../../src/validate/rules/punctuation-width.js'
import { docNumberSpans } from '../../src/validate/rules/doc-number.js'
import { proseText } from './prose-arbitrary.js'

/*
 * The rule's scanner against the plain regex-and-string version it replaced, kept here as the
 * reference: the same offsets for any mix of Chinese, ASCII marks, digits, letters and blanks.
 */
const chinese = /[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—]/u
const isChinese = (char: string | undefined): boolean => char !== undefined && chinese.test(char)
const fullWidth: Readonly<Record<string, string>> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '?': '？', '!': '！' }

function reference(text: string): number[] {
  if (!/[,:;()?!]/u.test(text)) return []
  const skip = new Set<number>()
  for (const span of docNumberSpans(text)) for (const offset of span.brackets) skip.add(offset)
  const found = new Set<number>()
  const stack: number[] = []
  const pairs: Array<[number, number]> = []
  for (let index = 0; index < text.length; index++) {
    const char = text[index] ?? ''
    if (char === '(' || char === '（') stack.push(index)
    else if (char === ')' || char === '）') {
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
    const chineseInside = [...inside].some((char) => isChinese(char))
    const chinese = !asciiOpen || !asciiClose || chineseInside || isChinese(text[open - 1]) || (!/[A-Za-z]/u.test(inside) && inChineseContext(text, close))
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

function inChineseContext(text: string, index: number): boolean {
  const digit = (char: string | undefined): boolean => /[0-9]/u.test(char ?? '')
  const before = neighbour(text, index, -1)
  const after = neighbour(text, index, 1)
  if (isChinese(before) || isChinese(after)) return !(digit(before) && digit(after))
  if (digit(before) && digit(after)) return false
  const left = run(text, index, -1)
  const right = run(text, index, 1)
  if (/[A-Za-z]/u.test(left.text) || /[A-Za-z]/u.test(right.text)) return false
  return (left.reachesChinese && right.text.trim() === '' && right.atEdge) || (right.reachesChinese && left.text.trim() === '' && left.atEdge)
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

describe('halfWidthInChinese', () => {
  it('finds the same marks as the reference version for any mixed text', () => {
    fc.assert(
      fc.property(proseText, (text) => {
        expect(halfWidthInChinese(text)).toEqual(reference(text))
      }),
      { numRuns: 20_000 }
    )
  })

  it('agrees with the reference on cases its shortcuts depend on', () => {
    const cases = [
      '（其中592套)',
      '（a)',
      'x（1) b',
      '模式(PPP)，Revitalization (Pilot)',
      '电话68359030;',
      '  ;电话',
      '电话;\u3000 ',
      '电话; x',
      '1,2,3,4',
      '文号伊政(2021)13号(试行)',
      '𠀀(a)',
      '(𠀀)',
      'a\n(中)',
      '中\n,',
      ',\n中',
      '(((中)',
      ')))',
      '中 ; \u00a0',
      '\ud840(中'
    ]
    for (const text of cases) expect(halfWidthInChinese(text), text).toEqual(reference(text))
  })
})
