/**
 * The schema's fast path (src/load/trivial-frontmatter.ts) answers only where zod would accept the
 * data, and then with what zod returns; it must answer for what the importer writes.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findingFrontmatter, sectionFrontmatter } from '../../src/model/schema.js'
import { trivialFinding, trivialSection } from '../../src/load/trivial-frontmatter.js'

const id = fc.oneof(fc.stringMatching(/^[a-z0-9-]{0,8}$/u), fc.constantFrom('1-4-2', '1', 'a', '-1', '1-', 'A1', '1_2', '一', ' 1', '1\n', 'x'.repeat(64), 'x'.repeat(65)))
const value = fc.oneof(id, fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }))
const key = fc.constantFrom('id', 'status', 'internal', 'ignore', 'idx', '__proto__', 'constructor', 'toString')
const data = fc.oneof(
  fc.record({ id }),
  fc.record({ id: fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,6}[a-z0-9])?$/u) }),
  fc.record({ id: value }),
  fc.dictionary(key, value, { maxKeys: 3 }),
  fc.constantFrom({}, null, undefined, [], 'id: 1', 7, Object.create(null), Object.assign(Object.create(null), { id: '1-1' }))
)

describe('the frontmatter schema fast path', () => {
  it.each([
    { kind: 'finding', fast: trivialFinding, schema: findingFrontmatter, least: 200 },
    { kind: 'section', fast: trivialSection, schema: sectionFrontmatter, least: 50 }
  ])('answers for a $kind only as zod would, with the same data', ({ fast, schema, least }) => {
    let answered = 0
    fc.assert(
      fc.property(data, (input) => {
        const answer = fast(input)
        if (answer === undefined) return
        answered++
        const parsed = schema.safeParse(input)
        expect(parsed.success).toBe(true)
        expect(answer).toStrictEqual(parsed.data)
      }),
      { numRuns: 4000 }
    )
    expect(answered).toBeGreaterThan(least)
  })

  it('answers for what the importer writes', () => {
    expect(trivialFinding({ id: '1-4-2' })).toEqual({ id: '1-4-2' })
    expect(trivialSection({})).toEqual({})
    expect(trivialFinding({ id: '1-4-2', status: '已完成' })).toBeUndefined()
  })
})
