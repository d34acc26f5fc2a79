import { proseLines, type ProseLine } from '../prose.js'
import { reportAt, type Rule } from '../rule.js'

/** Last characters of the names of bodies: 区 局 委 办 会 … 中心 公司 社 校. */
const bodySuffix = /[区局委办会院厅组部所站队司心社校]/u
const hanRun = /^\p{Script=Han}+$/u
/** A name used this often is the notice's own spelling of it. */
const minUses = 3
/** Lengths of the names counted, in UTF-16 code units. */
const nameLengths = [4, 5, 6, 7, 8]

interface KnownName {
  name: string
  uses: number
  declared: boolean
}

/** A body suffix anywhere in a text: the places where a name can end. */
const bodySuffixes = new RegExp(bodySuffix.source, 'gu')

interface NameCounts {
  /** How often the texts use each possible name of a body: a Han run of 4 to 8 code units ending in a body suffix. */
  counts: Map<string, number>
  /** Every body suffix in the texts with the code unit after it (or alone at the end of a text). */
  suffixPairs: Set<string>
}

function nameCounts(texts: readonly string[]): NameCounts {
  const counts = new Map<string, number>()
  const suffixPairs = new Set<string>()
  for (const text of texts) {
    for (const { index } of text.matchAll(bodySuffixes)) {
      suffixPairs.add(text.slice(index, index + 2))
      const end = index + 1
      for (const length of nameLengths) {
        if (end - length < 0) break
        const name = text.slice(end - length, end)
        if (!hanRun.test(name)) break
        counts.set(name, (counts.get(name) ?? 0) + 1)
      }
    }
  }
  return { counts, suffixPairs }
}

/** Whether `nameCounts` counts this string: then its count there is its number of uses. */
function isCountedName(text: string): boolean {
  return nameLengths.includes(text.length) && hanRun.test(text) && bodySuffix.test(text[text.length - 1] ?? '')
}

/**
 * The frequent names, longest first, without those inside a longer kept name used as often: a
 * window of a longer name (业集聚区 in 产业集聚区) adds nothing the longer name does not.
 */
function keptNames(counts: ReadonlyMap<string, number>): Array<[string, number]> {
  const frequent = [...counts].filter(([, uses]) => uses >= minUses).sort((a, b) => b[0].length - a[0].length)
  const kept: Array<[string, number]> = []
  for (const [name, uses] of frequent) {
    if (kept.some(([longer, longerUses]) => longerUses === uses && longer.includes(name))) continue
    kept.push([name, uses])
  }
  return kept
}

/** The name with two neighbouring characters swapped: 产业集聚区 → 产业聚集区 … */
function swaps(name: string): string[] {
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
    const { counts, suffixPairs } = nameCounts(texts)
    // Most swaps of a name keep its last character, a body suffix: their uses are counted already.
    // Swapping the last two puts the suffix second to last: such a text is used only where that suffix
    // is followed by the text's last character, which is rare, so only then are the texts searched.
    const usesOf = (text: string): number => {
      if (isCountedName(text)) return counts.get(text) ?? 0
      if (bodySuffix.test(text.at(-2) ?? '') && !suffixPairs.has(text.slice(-2))) return 0
      return countIn(texts, text)
    }
    const known = new Map<string, KnownName>()
    for (const name of declared) known.set(name, { name, uses: usesOf(name), declared: true })
    for (const [name, uses] of keptNames(counts)) if (!known.has(name)) known.set(name, { name, uses, declared: false })

    const found: Array<{ entry: ProseLine; offset: number; variant: string; name: KnownName }> = []
    for (const name of known.values()) {
      for (const variant of swaps(name.name)) {
        if (known.get(variant)?.declared) continue
        const uses = usesOf(variant)
        if (uses === 0) continue
        // A variant used nearly as often as the name is a second name, not a slip.
        if (!name.declared && uses * minUses > name.uses) continue
        for (const entry of lines) {
          for (let at = entry.line.text.indexOf(variant); at !== -1; at = entry.line.text.indexOf(variant, at + 1))
            found.push({ entry, offset: at, variant, name })
        }
      }
    }

    // One report per place: the variant of the most used (or declared) name, then the longest.
    const weight = (name: KnownName): number => (name.declared ? Number.MAX_SAFE_INTEGER : name.uses)
    found.sort((a, b) => weight(b.name) - weight(a.name) || b.variant.length - a.variant.length)
    const chosen: typeof found = []
    for (const candidate of found) {
      const overlaps = chosen.some(
        (other) =>
          other.entry.index === candidate.entry.index &&
          candidate.offset < other.offset + other.variant.length &&
          other.offset < candidate.offset + candidate.variant.length
      )
      if (!overlaps) chosen.push(candidate)
    }
    chosen.sort((a, b) => a.entry.index - b.entry.index || a.offset - b.offset)
    return chosen.map(({ entry, offset, variant, name }) => {
      const why = name.declared ? `声明的名称“${name.name}”` : `全文其他 ${name.uses} 处的写法“${name.name}”`
      return reportAt(entry.line, offset, `名称“${variant}”与${why}不一致：请统一写作“${name.name}”`, variant)
    })
  }
}
