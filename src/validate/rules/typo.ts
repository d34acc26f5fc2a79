import type { SiteConfig } from '../../model/schema.js'
import { matches, proseLines } from '../prose.js'
import { fixIn, positionIn, type Report, type Rule } from '../rule.js'
import { confusions, type Confusion } from './typo-dictionary.js'

/** `清查清查`: two to four characters written twice. */
const doubled = /(\p{Script=Han}{2,4})\1/gu
/** Reduplications that are words: 一个一个, 一次次 …, and one character repeated (哈哈哈哈). */
const wordLikeDouble = /^(?:[一二两三四五六七八九十几每]\p{Script=Han}|(\p{Script=Han})\1+)$/u
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

/** The dictionary in force: the built-in confusions and the site's own. */
export function dictionary(site: Pick<SiteConfig, 'typos'>): Confusion[] {
  const extra = site.typos.map((entry): Confusion => ({ ...entry, example: '', lookAlike: '' }))
  return [...confusions, ...extra].sort((a, b) => b.wrong.length - a.wrong.length)
}

function applies(entry: Confusion, text: string, at: number): boolean {
  const before = text.slice(0, at)
  const after = text.slice(at + entry.wrong.length)
  if (entry.before && !entry.before.test(before)) return false
  if (entry.notBefore?.test(before)) return false
  if (entry.after && !entry.after.test(after)) return false
  if (entry.notAfter?.test(after)) return false
  return true
}

/** Everything the typo rule finds in one line, longest dictionary entries first, never overlapping. */
export function findTypos(text: string, entries: readonly Confusion[]): TypoFinding[] {
  const found: TypoFinding[] = []
  const taken: Array<[number, number]> = []
  const free = (start: number, end: number): boolean => taken.every(([from, to]) => end <= from || start >= to)
  for (const entry of entries) {
    for (let at = text.indexOf(entry.wrong); at !== -1; at = text.indexOf(entry.wrong, at + 1)) {
      const end = at + entry.wrong.length
      if (!free(at, end) || !applies(entry, text, at)) continue
      taken.push([at, end])
      const finding: TypoFinding = { offset: at, length: entry.wrong.length, text: entry.wrong, message: `“${entry.wrong}”应为“${entry.right}”：${entry.reason}` }
      if (entry.fixable) finding.replacement = entry.right
      found.push(finding)
    }
  }
  for (const match of matches(doubled, text)) {
    const unit = match[1] ?? ''
    if (wordLikeDouble.test(unit) || !free(match.index, match.index + match[0].length)) continue
    found.push({ offset: match.index, length: match[0].length, text: match[0], message: `“${match[0]}”中的“${unit}”重复了：应为“${unit}”` })
  }
  for (const match of matches(doubledDe, text)) found.push({ offset: match.index, length: 2, text: '的的', message: '“的的”重复了一个“的”' })
  for (const match of matches(enumerationDeng, text)) {
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
  check(notice, { site }) {
    const entries = dictionary(site)
    const reports: Report[] = []
    for (const { line } of proseLines(notice)) {
      for (const finding of findTypos(line.text, entries)) {
        const report: Report = { ...positionIn(line, finding.offset), message: finding.message, text: finding.text }
        if (finding.replacement !== undefined) report.fix = fixIn(line, finding.offset, finding.offset + finding.length, finding.replacement)
        reports.push(report)
      }
    }
    return reports
  }
}
