import { proseLines, type ProseLine } from '../prose.js'
import { positionIn, type Report, type Rule } from '../rule.js'

/** Last characters of the names of bodies: 区 局 委 办 会 … 中心 公司 社 校. */
const bodySuffix = /[区局委办会院厅组部所站队司心社校]/u
const hanRun = /^\p{Script=Han}+$/u
/** A name used this often is the notice's own spelling of it. */
const minUses = 3
const nameLengths = [4, 5, 6, 7, 8]

interface KnownName {
  name: string
  uses: number
  declared: boolean
}

/** Names of bodies the text uses at least `minUses` times, with their counts. */
export function frequentNames(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const text of texts) {
    for (let end = 1; end <= text.length; end++) {
      if (!bodySuffix.test(text[end - 1] ?? '')) continue
      for (const length of nameLengths) {
        if (end - length < 0) break
        const name = text.slice(end - length, end)
        if (!hanRun.test(name)) break
        counts.set(name, (counts.get(name) ?? 0) + 1)
      }
    }
  }
  for (const [name, uses] of counts) if (uses < minUses) counts.delete(name)
  return counts
}

/** The name with two neighbouring characters swapped: 产业集聚区 → 产业聚集区 … */
export function swaps(name: string): string[] {
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

/**
 * How often each of `needles` occurs in the texts, in one pass: only positions ending in a last
 * character of some needle are looked at, so the rule stays linear in the length of the notice.
 */
function countAll(texts: readonly string[], needles: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>()
  const lastChars = new Set<string>()
  const lengths = new Set<number>()
  for (const needle of needles) {
    lastChars.add(needle[needle.length - 1] ?? '')
    lengths.add(needle.length)
  }
  const sortedLengths = [...lengths].sort((a, b) => a - b)
  for (const text of texts) {
    for (let end = 1; end <= text.length; end++) {
      if (!lastChars.has(text[end - 1] ?? '')) continue
      for (const length of sortedLengths) {
        if (length > end) break
        const piece = text.slice(end - length, end)
        if (needles.has(piece)) counts.set(piece, (counts.get(piece) ?? 0) + 1)
      }
    }
  }
  return counts
}

export const nameVariant: Rule = {
  id: 'name-variant',
  severity: 'warning',
  description: '单位名称与声明的名称或全文通用的写法不一致（如“产业聚集区”与“产业集聚区”）',
  check(notice, { site }) {
    const lines = proseLines(notice)
    const texts = lines.map(({ line }) => line.text)
    const declared = [
      ...(notice.meta.names?.declared ?? []),
      ...(notice.meta.names?.abbreviations ?? []),
      ...site.names.declared,
      ...site.names.abbreviations
    ].filter((name) => [...name].length >= 4)
    const known = new Map<string, KnownName>()
    for (const name of declared) known.set(name, { name, uses: countIn(texts, name), declared: true })
    // A window of a longer name used as often (业集聚区 in 产业集聚区) adds nothing the longer name does not.
    const frequent = [...frequentNames(texts)].sort((a, b) => b[0].length - a[0].length)
    const kept: Array<[string, number]> = []
    for (const [name, uses] of frequent) {
      if (kept.some(([longer, longerUses]) => longerUses === uses && longer.includes(name))) continue
      kept.push([name, uses])
    }
    for (const [name, uses] of kept) if (!known.has(name)) known.set(name, { name, uses, declared: false })

    const found: Array<{ entry: ProseLine; offset: number; variant: string; name: KnownName }> = []
    const variants = new Set<string>()
    for (const name of known.values()) for (const variant of swaps(name.name)) variants.add(variant)
    const variantUses = countAll(texts, variants)
    const usesOf = (variant: string): number => variantUses.get(variant) ?? 0
    for (const name of known.values()) {
      for (const variant of swaps(name.name)) {
        const other = known.get(variant)
        if (other?.declared) continue
        const uses = usesOf(variant)
        if (uses === 0) continue
        if (!name.declared && uses * minUses > name.uses) continue
        for (const entry of lines) {
          for (let at = entry.line.text.indexOf(variant); at !== -1; at = entry.line.text.indexOf(variant, at + 1)) found.push({ entry, offset: at, variant, name })
        }
      }
    }
    // One report per place: the variant of the most used (or declared) name, then the longest.
    const weight = (name: KnownName): number => (name.declared ? Number.MAX_SAFE_INTEGER : name.uses)
    found.sort((a, b) => weight(b.name) - weight(a.name) || b.variant.length - a.variant.length)
    const chosen: typeof found = []
    for (const candidate of found) {
      const overlaps = chosen.some(
        (other) => other.entry.index === candidate.entry.index && candidate.offset < other.offset + other.variant.length && other.offset < candidate.offset + candidate.variant.length
      )
      if (!overlaps) chosen.push(candidate)
    }
    chosen.sort((a, b) => a.entry.index - b.entry.index || a.offset - b.offset)
    const reports: Report[] = []
    for (const { entry, offset, variant, name } of chosen) {
      const why = name.declared ? `声明的名称“${name.name}”` : `全文其他 ${name.uses} 处的写法“${name.name}”`
      reports.push({ ...positionIn(entry.line, offset), message: `名称“${variant}”与${why}不一致：请统一写作“${name.name}”`, text: variant })
    }
    return reports
  }
}
