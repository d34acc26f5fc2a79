/**
 * A check prints its diagnostics as notices finish (OrderedDiagnostics), never holding them all:
 * what it prints must be exactly what sorting them all at the end gives, whatever order the notices
 * finish in, for ids whose folder order is not their own (`a-b/` sorts before `a/`), and with
 * diagnostics outside every notice falling before, between, inside and after the notices' blocks.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sortDiagnostics, type Diagnostic, type Severity } from '../../src/diagnostics/diagnostic.js'
import { OrderedDiagnostics } from '../../src/diagnostics/ordered.js'

const id = fc.stringMatching(/^[a-c1-](?:[a-c1-]{0,3})$/u).filter((text) => /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/u.test(text))
const severity = fc.constantFrom<Severity>('error', 'warning', 'info')

const diagnosticIn = (folder: fc.Arbitrary<string>): fc.Arbitrary<Diagnostic> =>
  fc.record({
    file: fc
      .tuple(folder, fc.constantFrom('notice.md', 'findings/01-01.md', 'findings/01-02.md', 'sections/01.md', 'findings/x.txt'))
      .map(([at, name]) => `content/${at}/${name}`),
    line: fc.integer({ min: 1, max: 4 }),
    column: fc.integer({ min: 1, max: 3 }),
    severity,
    rule: fc.constantFrom('typo', 'schema', 'file'),
    message: fc.constantFrom('一', '二')
  })

const site = fc.record({
  file: fc.constantFrom('content/site.yml', 'content', 'content/.x', 'content/0/notice.md', 'content/zz/notice.md'),
  line: fc.constant(1),
  column: fc.constant(1),
  severity,
  rule: fc.constant('schema'),
  message: fc.constant('三')
})

describe('diagnostics printed as notices finish', () => {
  it('come out as sorting them all would give', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(id, { minLength: 0, maxLength: 8 }).chain((ids) =>
          fc.record({
            ids: fc.constant(ids),
            blocks: fc.tuple(...ids.map((noticeId) => fc.array(diagnosticIn(fc.constant(noticeId)), { maxLength: 5 }))),
            // Layout problems in notices' folders (a stray file), in other folders, and site.yml.
            outside: fc.array(ids.length > 0 ? fc.oneof(diagnosticIn(fc.constantFrom(...ids)), site) : site, { maxLength: 6 }),
            finishing: fc.shuffledSubarray(
              ids.map((_, index) => index),
              { minLength: ids.length, maxLength: ids.length }
            )
          })
        ),
        ({ ids, blocks, outside, finishing }) => {
          const printed: Diagnostic[] = []
          const ordered = new OrderedDiagnostics(ids, outside, (diagnostics) => printed.push(...diagnostics))
          for (const index of finishing) ordered.add(ids[index]!, blocks[index]!)
          ordered.end()
          expect(printed).toEqual(sortDiagnostics([...blocks.flat(), ...outside]))
        }
      ),
      { numRuns: 2000 }
    )
  })

  it('hands a notice on only once every notice before it is in', () => {
    const printed: string[] = []
    const ordered = new OrderedDiagnostics(['a', 'a-b'], [], (diagnostics) => printed.push(...diagnostics.map((diagnostic) => diagnostic.file)))
    const at = (file: string): Diagnostic => ({ file, line: 1, column: 1, severity: 'warning', rule: 'typo', message: '一' })
    ordered.add('a', [at('content/a/notice.md')])
    expect(printed).toEqual([])
    ordered.add('a-b', [at('content/a-b/notice.md')])
    expect(printed).toEqual(['content/a-b/notice.md', 'content/a/notice.md'])
    expect(() => ordered.add('a', [])).toThrow()
  })
})
