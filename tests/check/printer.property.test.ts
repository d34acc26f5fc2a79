/**
 * A check prints its diagnostics block by block as notices finish. Whatever the blocks, the text
 * is the one-line-per-diagnostic report with its summary, and `--format json` is exactly
 * `JSON.stringify` of the whole array with an indent of 2 (the JSON contract in the README).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { countDiagnostics, formatDiagnostic, summarize, type Diagnostic } from '../../src/diagnostics/diagnostic.js'
import { diagnosticPrinter } from '../../src/cli/report.js'

const diagnostic: fc.Arbitrary<Diagnostic> = fc.record({
  file: fc.constantFrom('content/a/notice.md', 'content/b "x"/findings/01.md', 'content\\c/sections/01.md'),
  line: fc.integer({ min: 1, max: 500 }),
  column: fc.integer({ min: 1, max: 80 }),
  severity: fc.constantFrom('error', 'warning', 'info'),
  rule: fc.constantFrom('typo', 'punctuation-width'),
  message: fc.string({ unit: fc.constantFrom('中', '“', '"', '\\', '\n', '\t', 'a', '\u2028', '😀') })
})

/** The diagnostics cut into blocks at the given places. */
const inBlocks = (diagnostics: Diagnostic[], cuts: number[]): Diagnostic[][] => {
  const places = [...new Set(cuts.map((cut) => cut % (diagnostics.length + 1)))].sort((a, b) => a - b)
  return [...places, diagnostics.length].map((end, index) => diagnostics.slice(index === 0 ? 0 : places[index - 1], end))
}

function printed(format: 'text' | 'json', blocks: Diagnostic[][]): string {
  let out = ''
  const printer = diagnosticPrinter({ out: (text) => (out += text), err: () => {}, cwd: '/', isTTY: false }, format, 'out')
  for (const block of blocks) printer.print(block)
  printer.end(countDiagnostics(blocks.flat()))
  return out
}

describe('printing diagnostics as they come', () => {
  it('writes exactly the JSON of the whole array', () => {
    fc.assert(
      fc.property(fc.array(diagnostic, { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 4 }), (diagnostics, cuts) => {
        const whole = diagnostics.map(({ file, line, column, severity, rule, message }) => ({ file, line, column, severity, rule, message }))
        expect(printed('json', inBlocks(diagnostics, cuts))).toBe(`${JSON.stringify(whole, null, 2)}\n`)
      }),
      { numRuns: 1000 }
    )
  })

  it('writes one line each and the summary in text, nothing when there is nothing', () => {
    fc.assert(
      fc.property(fc.array(diagnostic, { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 4 }), (diagnostics, cuts) => {
        const expected = diagnostics.length === 0 ? '' : `${diagnostics.map((item) => `${formatDiagnostic(item)}\n`).join('')}${summarize(diagnostics)}\n`
        expect(printed('text', inBlocks(diagnostics, cuts))).toBe(expected)
      }),
      { numRuns: 500 }
    )
  })
})
