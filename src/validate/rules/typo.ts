import type { SiteConfig } from '../../model/schema.js'
import { isHanCodePoint, isHanUnit, proseLines } from '../prose.js'
import { fixUnlessLeftOut, reportAt, type Report, type Rule } from '../rule.js'
import { confusions, type Confusion } from './typo-dictionary.js'

/*
 * This rule reads every line of every notice: one pass over the char codes of a line finds where
 * a dictionary word (indexed by its first two code units), a doubled word or mark, `的的` or `、等`
 * may start, instead of one `indexOf` per dictionary entry and a regex per pattern.
 */

/** Reduplications that are words: 一个一个, 一次次 … (a numeral or 每 and one more character). */
const countingWord = new Set([...'一二两三四五六七八九十几每'].map((char) => char.codePointAt(0)))
const de = '的'.charCodeAt(0)
const que = '确'.charCodeAt(0)
const dunhao = '、'.charCodeAt(0)
const deng = '等'.charCodeAt(0)

/** What a code unit may start, as bits of a table by char code: most characters start nothing. */
const startsDe = 1
const startsDeng = 2
/** `，。、；：！？` written twice is a typo. */
const startsDoubledMark = 4
/** A dictionary word of one code unit. */
const startsShortEntry = 8
/** A dictionary word of two or more code units (which ones: by the next code unit too). */
const startsLongEntry = 16
/** Half of a surrogate pair: a line with one needs the general search for doubled words. */
const isSurrogate = 32

export interface TypoFinding {
  offset: number
  length: number
  text: string
  message: string
  replacement?: string
}

const dictionaries = new WeakMap<readonly SiteConfig['typos'][number][], readonly Confusion[]>()

/** The dictionary in force: the built-in confusions and the site's own, longest first (built once per site's list of typos). */
export function dictionary(site: Pick<SiteConfig, 'typos'>): readonly Confusion[] {
  let entries = dictionaries.get(site.typos)
  if (!entries) {
    const extra = site.typos.map((entry): Confusion => ({ ...entry, example: '', lookAlike: '' }))
    entries = [...confusions, ...extra].sort((a, b) => b.wrong.length - a.wrong.length)
    dictionaries.set(site.typos, entries)
  }
  return entries
}

/** A dictionary entry and its place in the dictionary (the order entries claim text in). */
interface RankedEntry {
  rank: number
  entry: Confusion
}

/**
 * What each code unit may start (the bits above), and the dictionary entries by a hash of the
 * first two code units of `wrong`: common first characters (为 有 一 不 …) start few entries
 * with their second character too, so most places are passed over after one table read.
 */
interface DictionaryIndex {
  starts: Uint8Array
  byStart: Map<number, RankedEntry[]>
  shortEntries: Map<number, RankedEntry[]>
}

const indexes = new WeakMap<readonly Confusion[], DictionaryIndex>()

function startHash(first: number, second: number): number {
  // Both code units in one 32-bit word, multiplied so that every bit of it reaches the top 16.
  return Math.imul((first << 16) | second, 0x9e3779b1) >>> 16
}

function indexOf(entries: readonly Confusion[]): DictionaryIndex {
  let index = indexes.get(entries)
  if (!index) {
    const starts = new Uint8Array(0x10000)
    starts[de] = startsDe
    starts[dunhao] = startsDeng
    for (const char of '，。、；：！？') starts[char.charCodeAt(0)]! |= startsDoubledMark
    starts.fill(isSurrogate, 0xd800, 0xe000)
    index = { starts, byStart: new Map(), shortEntries: new Map() }
    for (const [rank, entry] of entries.entries()) {
      const { wrong } = entry
      // An empty `wrong` is refused by the site schema and never in the built-in dictionary.
      if (wrong.length === 0) continue
      let list: RankedEntry[] | undefined
      if (wrong.length === 1) {
        starts[wrong.charCodeAt(0)]! |= startsShortEntry
        list = index.shortEntries.get(wrong.charCodeAt(0))
        if (!list) index.shortEntries.set(wrong.charCodeAt(0), (list = []))
      } else {
        starts[wrong.charCodeAt(0)]! |= startsLongEntry
        const hash = startHash(wrong.charCodeAt(0), wrong.charCodeAt(1))
        list = index.byStart.get(hash)
        if (!list) index.byStart.set(hash, (list = []))
      }
      list.push({ rank, entry })
    }
    indexes.set(entries, index)
  }
  return index
}

/** Whether a dictionary entry's context conditions hold where its wrong form stands at `at`. */
export function applies(entry: Confusion, text: string, at: number): boolean {
  const before = text.slice(0, at)
  const after = text.slice(at + entry.wrong.length)
  if (entry.before && !entry.before.test(before)) return false
  if (entry.notBefore?.test(before)) return false
  if (entry.after && !entry.after.test(after)) return false
  if (entry.notAfter?.test(after)) return false
  return true
}

/** A dictionary word used at `at`: what to write instead, and the fix when it is safe. */
export function dictionaryFinding(entry: Confusion, at: number): TypoFinding {
  const finding: TypoFinding = { offset: at, length: entry.wrong.length, text: entry.wrong, message: `“${entry.wrong}”应为“${entry.right}”：${entry.reason}` }
  if (entry.fixable) finding.replacement = entry.right
  return finding
}

/**
 * Everything the typo rule finds in one line, longest dictionary entries first, never overlapping.
 * `entries` is indexed the first time it is seen (as `dictionary` gives it): do not change it after.
 */
export function findTypos(text: string, entries: readonly Confusion[]): TypoFinding[] {
  const { starts, byStart, shortEntries } = indexOf(entries)
  // One pass notes every place something may start; most characters start nothing.
  const places: Array<{ rank: number; at: number; entry: Confusion }> = []
  const doubledDe: number[] = []
  const enumerationDeng: number[] = []
  const doubledMark: number[] = []
  // Where a unit of 2 to 4 BMP characters may be written twice: its first code unit recurs 2 to 4 on.
  const mayDouble: number[] = []
  let surrogates = false
  // The code units at `at` and the four after it; -1 past the end (not NaN, which would make
  // every comparison in this loop a floating-point one).
  const length = text.length
  let code = length > 0 ? text.charCodeAt(0) : -1
  let next1 = length > 1 ? text.charCodeAt(1) : -1
  let next2 = length > 2 ? text.charCodeAt(2) : -1
  let next3 = length > 3 ? text.charCodeAt(3) : -1
  for (let at = 0; at < length; at++) {
    const next4 = at + 4 < length ? text.charCodeAt(at + 4) : -1
    if (code === next2 || code === next3 || code === next4) mayDouble.push(at)
    const bits = starts[code] ?? 0
    if (bits !== 0) {
      if ((bits & startsLongEntry) !== 0) {
        const words = byStart.get(startHash(code, next1))
        if (words !== undefined) for (const { rank, entry } of words) if (text.startsWith(entry.wrong, at)) places.push({ rank, at, entry })
      }
      if ((bits & startsShortEntry) !== 0) for (const { rank, entry } of shortEntries.get(code) ?? []) places.push({ rank, at, entry })
      if ((bits & startsDe) !== 0 && next1 === de) doubledDe.push(at)
      if ((bits & startsDeng) !== 0 && next1 === deng) enumerationDeng.push(at)
      if ((bits & startsDoubledMark) !== 0 && next1 === code) doubledMark.push(at)
      if ((bits & isSurrogate) !== 0) surrogates = true
    }
    code = next1
    next1 = next2
    next2 = next3
    next3 = next4
  }

  const found: TypoFinding[] = []
  const taken: Array<[number, number]> = []
  const free = (start: number, end: number): boolean => taken.every(([from, to]) => end <= from || start >= to)
  // Dictionary words in dictionary order (longest entries first) and, within an entry, from the
  // start of the line: the first to claim a place keeps it.
  places.sort((a, b) => a.rank - b.rank || a.at - b.at)
  for (const { at, entry } of places) {
    const end = at + entry.wrong.length
    if (!free(at, end) || !applies(entry, text, at)) continue
    taken.push([at, end])
    found.push(dictionaryFinding(entry, at))
  }
  // With characters outside the BMP a unit can be up to 8 code units long: the general search.
  for (const { at, length } of surrogates ? doubledWords(text) : doubledBmpWords(text, mayDouble)) {
    const written = text.slice(at, at + length)
    const unit = written.slice(0, length / 2)
    if (isWordLikeDouble(unit) || !free(at, at + length)) continue
    found.push({ offset: at, length, text: written, message: `“${written}”中的“${unit}”重复了：应为“${unit}”` })
  }
  // Each found from the end of the one before, as a global regex would.
  let from = 0
  for (const at of doubledDe) {
    // `的的`, but not the `的的` of `的的确确`.
    if (at < from || (text.charCodeAt(at + 2) === que && text.charCodeAt(at + 3) === que)) continue
    found.push({ offset: at, length: 2, text: '的的', message: '“的的”重复了一个“的”' })
    from = at + 2
  }
  for (const at of enumerationDeng) {
    // With the up to three characters before it, to show which enumeration.
    const lead = text.slice(hanRunStart(text, at, 3), at)
    found.push({ offset: at, length: 2, text: `${lead}、等`, message: `“${lead}、等”：“等”前面不用顿号，应删去“、”` })
  }
  from = 0
  for (const at of doubledMark) {
    if (at < from) continue
    found.push({ offset: at, length: 2, text: text.slice(at, at + 2), message: `标点“${text[at]}”重复了` })
    from = at + 2
  }
  return found.sort((a, b) => a.offset - b.offset)
}

/** `doubledWords` for a line without surrogates, tried only where `mayDouble` says a match can start. */
function doubledBmpWords(text: string, mayDouble: readonly number[]): Array<{ at: number; length: number }> {
  const result: Array<{ at: number; length: number }> = []
  let from = 0
  for (const at of mayDouble) {
    if (at < from) continue
    const length = doubledBmpAt(text, at)
    if (length === 0) continue
    result.push({ at, length })
    from = at + length
  }
  return result
}

/**
 * `doubledAt` in a line without surrogates, where a character is one code unit: how many Han
 * units start at `at` (up to 4) is counted in place, not listed (this runs wherever a unit
 * recurs 2 to 4 units on, a few times in most lines).
 */
function doubledBmpAt(text: string, at: number): number {
  let han = 0
  while (han < 4 && at + han < text.length && isHanUnit(text.charCodeAt(at + han))) han++
  for (let unit = han; unit >= 2; unit--) if (repeatsAt(text, at, unit)) return unit * 2
  return 0
}

/** Length in code units of the code point at `at` (2 for a surrogate pair, else 1). */
function unitsAt(text: string, at: number): number {
  const code = text.charCodeAt(at)
  if (code >= 0xd800 && code <= 0xdbff && at + 1 < text.length) {
    const low = text.charCodeAt(at + 1)
    if (low >= 0xdc00 && low <= 0xdfff) return 2
  }
  return 1
}

function isHanAt(text: string, at: number, units: number): boolean {
  return units === 2 ? isHanCodePoint(text.codePointAt(at) ?? 0) : isHanUnit(text.charCodeAt(at))
}

/**
 * `清查清查`: two to four Han characters written twice, found left to right without overlap,
 * stepping by characters (a surrogate pair is one), as the global `(\p{Script=Han}{2,4})\1` did.
 */
function doubledWords(text: string): Array<{ at: number; length: number }> {
  const result: Array<{ at: number; length: number }> = []
  for (let at = 0; at < text.length; ) {
    const first = text.charCodeAt(at)
    // A doubled unit of 2 to 4 characters (2 to 8 code units) repeats its first code unit that far on.
    let repeats = false
    for (let distance = 2; distance <= 8 && !repeats; distance++) repeats = text.charCodeAt(at + distance) === first
    const length = repeats ? doubledAt(text, at) : 0
    if (length === 0) {
      at += unitsAt(text, at)
      continue
    }
    result.push({ at, length })
    at += length
  }
  return result
}

/**
 * Code units of the doubled unit starting at `at` (both copies), or 0. The longest unit is
 * tried first, as the greedy `{2,4}` does.
 */
function doubledAt(text: string, at: number): number {
  // Ends (in code units from `at`) of the first 1 … 4 Han characters here.
  const ends: number[] = []
  for (let end = 0; ends.length < 4 && at + end < text.length; ) {
    const units = unitsAt(text, at + end)
    if (!isHanAt(text, at + end, units)) break
    end += units
    ends.push(end)
  }
  for (let characters = ends.length; characters >= 2; characters--) {
    const unit = ends[characters - 1] ?? 0
    if (repeatsAt(text, at, unit)) return unit * 2
  }
  return 0
}

/** Whether text[at, at + unit) is written again right after itself (compared in place). */
function repeatsAt(text: string, at: number, unit: number): boolean {
  if (at + 2 * unit > text.length) return false
  for (let index = 0; index < unit; index++) if (text.charCodeAt(at + index) !== text.charCodeAt(at + unit + index)) return false
  return true
}

/** 一个一个, 哈哈哈哈: a numeral and one character, or one character repeated. */
function isWordLikeDouble(unit: string): boolean {
  const characters = [...unit]
  if (characters.length === 2 && countingWord.has(characters[0]?.codePointAt(0))) return true
  return characters.every((character) => character === characters[0])
}

/** Where the run of at most `most` Han characters that ends at `end` starts. */
function hanRunStart(text: string, end: number, most: number): number {
  let start = end
  for (let count = 0; count < most && start > 0; count++) {
    const low = text.charCodeAt(start - 1)
    const pair = low >= 0xdc00 && low <= 0xdfff && start > 1 && unitsAt(text, start - 2) === 2
    const units = pair ? 2 : 1
    if (!isHanAt(text, start - units, units)) break
    start -= units
  }
  return start
}

export const typo: Rule = {
  id: 'typo',
  severity: 'warning',
  description: '错别字和常见误用（巡查/巡察、为落实/未落实、有于/由于、截止目前/截至目前……）、词语重复、“、等”',
  check(notice, context) {
    const entries = dictionary(context.site)
    const reports: Report[] = []
    for (const { line } of proseLines(notice)) {
      for (const finding of findTypos(line.text, entries)) {
        const fix = finding.replacement === undefined ? undefined : fixUnlessLeftOut(context, line, finding.offset, finding.offset + finding.length, finding.replacement)
        reports.push(reportAt(line, finding.offset, finding.message, finding.text, fix))
      }
    }
    return reports
  }
}
