import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { DocLine } from '../../src/structure/types.js'
import { excerpt } from '../../src/validate/prose.js'
import { positionIn } from '../../src/validate/rule.js'

/* positionIn and excerpt against the plain versions they replaced, kept here as the reference. */
function referencePosition(line: DocLine, offset: number): { file: string; line: number; column: number } {
  const breaks = line.text.slice(0, offset).split('\n')
  if (breaks.length > 1) return { file: line.file, line: line.line + breaks.length - 1, column: (breaks[breaks.length - 1]?.length ?? 0) + 1 }
  const column = line.columns?.[offset] ?? line.column + offset
  return { file: line.file, line: line.line, column }
}

function referenceExcerpt(text: string, start: number, end: number, around = 6): string {
  const from = Math.max(0, start - around)
  const to = Math.min(text.length, end + around)
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\n/gu, ' ')}${to < text.length ? '…' : ''}`
}

const text = fc.array(fc.constantFrom('巡', '察', '\n', 'a', ' ', '\\[', '𠀀', '\r'), { maxLength: 20 }).map((parts) => parts.join(''))
const line = fc
  .record({ text, line: fc.integer({ min: 1, max: 50 }), column: fc.integer({ min: 1, max: 9 }), escapes: fc.boolean() })
  .map(({ text, line, column, escapes }): DocLine => {
    const result: DocLine = { text, file: 'a/notice.md', line, column }
    if (escapes) result.columns = [...text].map((_, index) => column + index * 2)
    return result
  })
const offset = fc.oneof(fc.integer({ min: -25, max: 25 }), fc.constantFrom(Number.NaN, 1.5, -0.5, Infinity, -Infinity))

describe('positions of reports', () => {
  it('positionIn gives what the slice-and-split version gave for any offset', () => {
    fc.assert(
      fc.property(line, offset, (docLine, at) => {
        expect(positionIn(docLine, at)).toEqual(referencePosition(docLine, at))
      }),
      { numRuns: 20_000 }
    )
  })

  it('excerpt gives what the regex version gave', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: -3, max: 25 }), fc.integer({ min: 0, max: 8 }), (source, start, length) => {
        expect(excerpt(source, start, start + length)).toEqual(referenceExcerpt(source, start, start + length))
      }),
      { numRuns: 5000 }
    )
  })
})
