import type { SiteConfig } from '../../model/schema.js'
import { lostCharacters } from '../../text/mojibake.js'
import { matches, proseLines } from '../prose.js'
import { fixUnlessLeftOut, reportAt, type Report, type Rule } from '../rule.js'
import { confusions, type Confusion } from './typo-dictionary.js'

/** Reduplications that are words: 一个一个, 一次次 (a numeral or 每 and one character), 哈哈哈哈 (one character repeated). */
const wordLikeDouble = /^(?:[一二两三四五六七八九十几每]\p{Script=Han}|(\p{Script=Han})\1+)$/u
/** `清查清查`: two to four Han characters written twice. */
const doubledWord = /(\p{Script=Han}{2,4})\1/gu
/** `的的`, but not the `的的` of `的的确确`. */
const doubledDe = /的的(?!确确)/gu
const enumerationDeng = /、等/gu
const doubledMark = /([，。、；：！？])\1/gu

export interface TypoFinding {
  offset: number
  length: number
  text: string
  message: string
  replacement?: string
}

const dictionaries = new WeakMap<readonly SiteConfig['typos'][number][], readonly Confusion[]>()
/** Per dictionary, a pattern of all its wrong forms: most lines hold none, and one search over the line tells. */
const anyWrongForm = new WeakMap<readonly Confusion[], RegExp>()

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

function holdsWrongForm(text: string, entries: readonly Confusion[]): boolean {
  let pattern = anyWrongForm.get(entries)
  if (!pattern) {
    const escaped = entries.map((entry) => entry.wrong.replace(/[\\^$.*+?()[\]{}|]/gu, '\\$&'))
    pattern = new RegExp(escaped.join('|'), 'u')
    anyWrongForm.set(entries, pattern)
  }
  return pattern.test(text)
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

/** Everything the typo rule finds in one line: dictionary words first, longest entries first, never overlapping. */
export function findTypos(text: string, entries: readonly Confusion[]): TypoFinding[] {
  const found: TypoFinding[] = []
  const taken: Array<[number, number]> = []
  const free = (start: number, end: number): boolean => taken.every(([from, to]) => end <= from || start >= to)
  // What is left of lost characters is the mojibake rule's to report, and no doubled word.
  for (const match of matches(lostCharacters, text)) taken.push([match.index, match.index + match[0].length])
  for (const entry of holdsWrongForm(text, entries) ? entries : []) {
    for (let at = text.indexOf(entry.wrong); at !== -1; at = text.indexOf(entry.wrong, at + 1)) {
      const end = at + entry.wrong.length
      if (!free(at, end) || !applies(entry, text, at)) continue
      taken.push([at, end])
      found.push(dictionaryFinding(entry, at))
    }
  }
  for (const match of matches(doubledWord, text)) {
    const unit = match[1] ?? ''
    if (wordLikeDouble.test(unit) || !free(match.index, match.index + match[0].length)) continue
    found.push({ offset: match.index, length: match[0].length, text: match[0], message: `“${match[0]}”中的“${unit}”重复了：应为“${unit}”` })
  }
  for (const match of matches(doubledDe, text)) found.push({ offset: match.index, length: 2, text: '的的', message: '“的的”重复了一个“的”' })
  for (const match of matches(enumerationDeng, text)) {
    // With the up to three characters before it, to show which enumeration.
    const lead = /\p{Script=Han}{0,3}$/u.exec(text.slice(0, match.index))?.[0] ?? ''
    found.push({ offset: match.index, length: 2, text: `${lead}、等`, message: `“${lead}、等”：“等”前面不用顿号，应删去“、”` })
  }
  for (const match of matches(doubledMark, text)) found.push({ offset: match.index, length: 2, text: match[0], message: `标点“${match[1]}”重复了` })
  return found.sort((a, b) => a.offset - b.offset)
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
        const fix =
          finding.replacement === undefined ? undefined : fixUnlessLeftOut(context, line, finding.offset, finding.offset + finding.length, finding.replacement)
        reports.push(reportAt(line, finding.offset, finding.message, finding.text, fix))
      }
    }
    return reports
  }
}
