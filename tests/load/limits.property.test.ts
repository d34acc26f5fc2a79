import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { contentLimits, findLimitBreach, type LimitBreach } from '../../src/load/limits.js'

/*
 * The char-code scan against the plain version it replaced, kept here as the reference: a
 * string per character, a slice per line and a regex for ordered-list markers.
 */
const markup = new Set(['*', '_', '`', '[', '<', '~'])

function reference(text: string): LimitBreach | undefined {
  let markupCount = 0
  let brackets = 0
  let line = 1
  let lineStart = 0
  for (let index = 0; index <= text.length; index++) {
    const char = text[index]
    if (char === undefined || char === '\n') {
      const breach = lineBreach(text.slice(lineStart, index), line)
      if (breach) return breach
      line++
      lineStart = index + 1
      continue
    }
    if (markup.has(char) && ++markupCount > contentLimits.markupChars) {
      return {
        line,
        column: index - lineStart + 1,
        message: `文件中的 Markdown 符号（* _ \` [ < ~）超过 ${contentLimits.markupChars} 个：这不像通报正文，请检查是否误粘贴了代码或乱码`
      }
    }
    if (char === '[' || char === '{') {
      if (++brackets > contentLimits.bracketDepth) {
        return { line, column: index - lineStart + 1, message: `括号嵌套超过 ${contentLimits.bracketDepth} 层：请检查是否有未配对的 [ 或 {` }
      }
    } else if ((char === ']' || char === '}') && brackets > 0) brackets--
  }
  return undefined
}

function lineBreach(text: string, line: number): LimitBreach | undefined {
  if (text.length > contentLimits.lineChars) {
    return {
      line,
      column: contentLimits.lineChars + 1,
      message: `这一行有 ${text.length} 个字符，超过上限 ${contentLimits.lineChars}：请分段（段与段之间空一行），或检查是否误粘贴了其他内容`
    }
  }
  let columns = 0
  let markers = 0
  let index = 0
  while (index < text.length) {
    const char = text[index]
    if (char === ' ') columns++
    else if (char === '\t') columns += 4
    else if (char === '>') markers++
    else if ((char === '-' || char === '*' || char === '+') && /[ \t]/u.test(text[index + 1] ?? '')) markers++
    else {
      const ordered = /^\d{1,9}[.)](?=[ \t])/u.exec(text.slice(index, index + 11))
      if (!ordered) break
      markers++
      index += ordered[0].length
      continue
    }
    index++
  }
  if (columns > contentLimits.indentColumns) {
    return { line, column: 1, message: `行首缩进超过 ${contentLimits.indentColumns} 格：通报正文不需要缩进，请删除行首的空格或 Tab` }
  }
  if (markers > contentLimits.lineNesting) {
    return { line, column: 1, message: `行首的引用或列表符号（> - * + 1.）嵌套超过 ${contentLimits.lineNesting} 层：请删除多余的符号` }
  }
  return undefined
}

/** Pieces that reach every bound when repeated, and the near misses around them. */
const pieces = [
  '巡察',
  '整改',
  'a',
  '9',
  ' ',
  '  ',
  '\t',
  '\n',
  '\n\n',
  '\r',
  '*',
  '_',
  '`',
  '[',
  ']',
  '{',
  '}',
  '<',
  '>',
  '~',
  '-',
  '+',
  '.',
  ')',
  '(',
  '> ',
  '>',
  '- ',
  '* ',
  '+ ',
  '-\t',
  '1. ',
  '1) ',
  '12.',
  '123456789. ',
  '1234567890. ',
  '000000001)\t',
  '1.x',
  '1.',
  '-x',
  ' '.repeat(60),
  '\t'.repeat(15),
  '> '.repeat(12),
  '- '.repeat(12),
  '1. '.repeat(12),
  '*'.repeat(300),
  '['.repeat(12),
  '{'.repeat(12),
  ']'.repeat(5),
  '字'.repeat(3000),
  'x'.repeat(2500),
  '𠀀'
]
const run = fc.tuple(fc.constantFrom(...pieces), fc.integer({ min: 1, max: 40 })).map(([piece, times]) => piece.repeat(times))
const text = fc.array(fc.oneof(fc.constantFrom(...pieces), run), { maxLength: 12 }).map((parts) => parts.join(''))

describe('findLimitBreach', () => {
  it('finds the same first breach as the reference for any text', () => {
    let breaches = 0
    fc.assert(
      fc.property(text, (source) => {
        const breach = findLimitBreach(source)
        if (breach) breaches++
        expect(breach).toEqual(reference(source))
      }),
      { numRuns: 5000 }
    )
    // The generator must reach the bounds, not only agree on ordinary text.
    expect(breaches).toBeGreaterThan(500)
  })

  it('agrees with the reference on texts at each bound', () => {
    const cases = [
      '',
      '\n',
      'x'.repeat(contentLimits.lineChars),
      'x'.repeat(contentLimits.lineChars + 1),
      `a\n${'x'.repeat(contentLimits.lineChars + 1)}\n`,
      ' '.repeat(contentLimits.indentColumns + 1),
      '\t'.repeat(33),
      '> '.repeat(contentLimits.lineNesting + 1),
      '1. '.repeat(contentLimits.lineNesting + 1),
      '123456789. '.repeat(contentLimits.lineNesting + 1),
      '1234567890. '.repeat(contentLimits.lineNesting + 1),
      '*'.repeat(contentLimits.markupChars + 1),
      '['.repeat(contentLimits.bracketDepth + 1),
      '{}'.repeat(100) + '{'.repeat(contentLimits.bracketDepth + 1)
    ]
    for (const source of cases) expect(findLimitBreach(source), JSON.stringify(source.slice(0, 20))).toEqual(reference(source))
  })
})
