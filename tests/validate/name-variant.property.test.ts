import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { LoadedNotice } from '../../src/load/notice.js'
import type { DocLine, LineRole } from '../../src/structure/types.js'
import { proseLines } from '../../src/validate/prose.js'
import type { Report } from '../../src/validate/rule.js'
import { frequentNames, keptNames, nameVariant, reportVariantUses, swaps, type VariantUse } from '../../src/validate/rules/name-variant.js'
import { site } from '../check/notice-fixture.js'
import { proseText } from './prose-arbitrary.js'

/*
 * The rule's scanners against the plain version they replaced, kept here as the reference: a
 * regex per character and per window, a slice per candidate, every kept name compared.
 */
const bodySuffix = /[区局委办会院厅组部所站队司心社校]/u
const hanRun = /^\p{Script=Han}+$/u

function referenceFrequentNames(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const text of texts) {
    for (let end = 1; end <= text.length; end++) {
      if (!bodySuffix.test(text[end - 1] ?? '')) continue
      for (const length of [4, 5, 6, 7, 8]) {
        if (end - length < 0) break
        const name = text.slice(end - length, end)
        if (!hanRun.test(name)) break
        counts.set(name, (counts.get(name) ?? 0) + 1)
      }
    }
  }
  for (const [name, uses] of counts) if (uses < 3) counts.delete(name)
  return counts
}

function referenceSwaps(name: string): string[] {
  const chars = [...name]
  const result = new Set<string>()
  for (let index = 0; index + 1 < chars.length; index++) {
    if (chars[index] === chars[index + 1]) continue
    const copy = [...chars]
    ;[copy[index], copy[index + 1]] = [copy[index + 1] ?? '', copy[index] ?? '']
    result.add(copy.join(''))
  }
  return [...result]
}

function countIn(texts: readonly string[], needle: string): number {
  let count = 0
  for (const text of texts) for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) count++
  return count
}

interface KnownName {
  name: string
  uses: number
  declared: boolean
}

/** The frequent names, longest first, but those inside a longer one kept before and used as often: every kept name compared. */
function referenceKeptNames(texts: readonly string[]): Array<[string, number]> {
  const frequent = [...referenceFrequentNames(texts)].sort((a, b) => b[0].length - a[0].length)
  const kept: Array<[string, number]> = []
  for (const [name, uses] of frequent) {
    if (kept.some(([longer, longerUses]) => longerUses === uses && longer.includes(name))) continue
    kept.push([name, uses])
  }
  return kept
}

function referenceCheck(notice: LoadedNotice, declaredNames: readonly string[]): Report[] {
  const lines = proseLines(notice)
  const texts = lines.map(({ line }) => line.text)
  const known = new Map<string, KnownName>()
  for (const name of declaredNames.filter((name) => [...name].length >= 4)) known.set(name, { name, uses: countIn(texts, name), declared: true })
  for (const [name, uses] of referenceKeptNames(texts)) if (!known.has(name)) known.set(name, { name, uses, declared: false })
  const found: VariantUse[] = []
  for (const name of known.values()) {
    for (const variant of referenceSwaps(name.name)) {
      if (known.get(variant)?.declared) continue
      const uses = countIn(texts, variant)
      if (uses === 0) continue
      if (!name.declared && uses * 3 > name.uses) continue
      for (const entry of lines) {
        for (let at = entry.line.text.indexOf(variant); at !== -1; at = entry.line.text.indexOf(variant, at + 1)) found.push({ entry, offset: at, variant, name })
      }
    }
  }
  // Choosing among overlapping uses and wording the reports is the rule's own, unchanged code.
  return reportVariantUses(found)
}

/** Just what the rule reads of a notice: its lines, their roles and the declared names. */
function noticeOf(texts: readonly string[], declared: readonly string[]): LoadedNotice {
  const lines: DocLine[] = texts.map((text, index) => ({ text, file: 't/notice.md', line: index + 1, column: 1 }))
  const roles: LineRole[] = texts.map(() => ({ kind: 'narrative' }))
  return { document: { lines, roles }, meta: { names: { declared } } } as unknown as LoadedNotice
}

/** Names built from few characters, so they repeat, overlap and come back with two characters swapped. */
const nameChar = fc.constantFrom('产', '业', '集', '聚', '区', '党', '工', '委', '办', '会', '管', '县', '𠀀', '𠀁')
const suffix = fc.constantFrom('区', '委', '办', '会', '心', '局')
const name = fc.tuple(fc.array(nameChar, { minLength: 2, maxLength: 7 }), suffix).map(([chars, last]) => chars.join('') + last)
const filler = fc.constantFrom('，', '。', '的', '和', ' ', 'a', '1', '\ud840', '\n', '与')
const line = fc.array(fc.oneof(name, name, filler), { maxLength: 12 }).map((parts) => parts.join(''))
/** A few names used often, their swapped forms used now and then, some of either declared. */
const notice = fc.array(name, { minLength: 1, maxLength: 3 }).chain((names) => {
  const variants = names.flatMap((base) => referenceSwaps(base))
  const piece = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...names) },
    { weight: 1, arbitrary: fc.constantFrom('', ...variants) },
    { weight: 4, arbitrary: filler },
    { weight: 1, arbitrary: name }
  )
  const text = fc.array(piece, { maxLength: 14 }).map((parts) => parts.join(''))
  const declarable = [...names, ...variants]
  return fc.record({ texts: fc.array(text, { minLength: 1, maxLength: 10 }), declared: fc.subarray(declarable, { maxLength: Math.min(2, declarable.length) }) })
})

describe('name-variant', () => {
  it('counts the same frequent names in the same order as the reference', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(line, proseText), { maxLength: 8 }), (texts) => {
        expect([...frequentNames(texts)]).toEqual([...referenceFrequentNames(texts)])
      }),
      { numRuns: 5000 }
    )
  })

  it('keeps the same names as the reference, dropping those inside a longer name used as often', () => {
    // Both ways a name sits in a longer one must occur: with more before it (业集聚区 in
    // 产业集聚区) and only after it (党工委 in 党工委办).
    let droppedInside = 0
    let droppedAtStart = 0
    fc.assert(
      fc.property(
        notice.map(({ texts }) => texts),
        (texts) => {
          const kept = keptNames(texts)
          expect(kept).toEqual(referenceKeptNames(texts))
          for (const [name, uses] of referenceFrequentNames(texts)) {
            if (kept.some(([other]) => other === name)) continue
            if (kept.some(([longer, longerUses]) => longerUses === uses && longer.startsWith(name))) droppedAtStart++
            else droppedInside++
          }
        }
      ),
      { numRuns: 3000 }
    )
    expect(droppedInside).toBeGreaterThan(100)
    expect(droppedAtStart).toBeGreaterThan(100)
  })

  it('swaps the same characters as the reference', () => {
    fc.assert(
      fc.property(fc.oneof(name, proseText), (text) => {
        expect(swaps(text)).toEqual(referenceSwaps(text))
      }),
      { numRuns: 5000 }
    )
  })

  it('reports the same variants as the reference', () => {
    let reported = 0
    fc.assert(
      fc.property(notice, ({ texts, declared }) => {
        const reports = nameVariant.check(noticeOf(texts, declared), { site: site() })
        reported += reports.length
        expect(reports).toEqual(referenceCheck(noticeOf(texts, declared), declared))
      }),
      { numRuns: 3000 }
    )
    // The generator must make the rule report, not only agree on silence.
    expect(reported).toBeGreaterThan(300)
  })
})
