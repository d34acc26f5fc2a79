import { isHanCodePoint, isHanUnit, proseLines, type ProseLine } from '../prose.js'
import { reportAt, type Report, type Rule } from '../rule.js'

/** Last characters of the names of bodies: 区 局 委 办 会 … 中心 公司 社 校 (a table by char code: every character of a notice is looked up). */
const bodySuffixes = new Uint8Array(0x10000)
for (const char of '区局委办会院厅组部所站队司心社校') bodySuffixes[char.charCodeAt(0)] = 1
/** A name used this often is the notice's own spelling of it. */
const minUses = 3
/** Lengths of the names counted, in UTF-16 code units. */
const shortestName = 4
const longestName = 8

interface KnownName {
  name: string
  uses: number
  declared: boolean
  /** `swaps(name)` that may occur in the notice; the others are used 0 times. */
  variants: string[]
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/**
 * Whether code unit `index` belongs to a Han character: a Han code unit, or either half of a
 * surrogate pair that encodes one (𠀀). A lone surrogate half is not Han.
 */
function isHanAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  if (isHighSurrogate(code)) {
    const low = index + 1 < text.length ? text.charCodeAt(index + 1) : 0
    return isLowSurrogate(low) && isHanCodePoint((code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000)
  }
  if (isLowSurrogate(code)) {
    const high = index > 0 ? text.charCodeAt(index - 1) : 0
    return isHighSurrogate(high) && isHanCodePoint((high - 0xd800) * 0x400 + (code - 0xdc00) + 0x10000)
  }
  return isHanUnit(code)
}

/**
 * Counts of pieces of text, keyed by their code units without slicing them: an open-addressing
 * table on a hash of the piece, each slot compared in place with the text. A piece becomes a
 * string only the first time it is met. Pieces are kept in the order they were first met.
 */
class PieceCounts {
  readonly pieces: string[] = []
  readonly uses: number[] = []
  private readonly hashes: number[] = []
  /** Index + 1 into `pieces`; 0 is a free slot. Never more than half full. */
  private slots = new Int32Array(1024)

  add(text: string, start: number, end: number, hash: number): void {
    const mask = this.slots.length - 1
    for (let slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] ?? 0
      if (entry === 0) {
        this.pieces.push(text.slice(start, end))
        this.uses.push(1)
        this.hashes.push(hash)
        this.slots[slot] = this.pieces.length
        if (this.pieces.length * 2 > this.slots.length) this.grow()
        return
      }
      const piece = this.pieces[entry - 1] ?? ''
      if (this.hashes[entry - 1] === hash && piece.length === end - start && sameUnits(piece, text, start)) {
        this.uses[entry - 1]!++
        return
      }
    }
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2)
    const mask = this.slots.length - 1
    this.hashes.forEach((hash, index) => {
      let slot = spread(hash) & mask
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask
      this.slots[slot] = index + 1
    })
  }
}

/** `text.startsWith(piece, start)` for a short piece, without the call. */
function sameUnits(piece: string, text: string, start: number): boolean {
  for (let index = 0; index < piece.length; index++) if (piece.charCodeAt(index) !== text.charCodeAt(start + index)) return false
  return true
}

/** One more code unit into a hash of a piece (kept a small integer). */
function mix(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) & 0x3fffffff
}

/** The hash with its bits mixed into the low ones, which pick the slot. */
function spread(hash: number): number {
  const mixed = Math.imul(hash, 0x9e3779b1)
  return mixed ^ (mixed >>> 16)
}

/**
 * Names of bodies the text uses at least `minUses` times, with their counts, in the order of
 * their first use: every run of 4 to 8 code units of Han characters that ends in a body suffix.
 */
export function frequentNames(texts: readonly string[]): Map<string, number> {
  return readNames(texts, undefined)
}

/** `frequentNames`, noting in the same pass over the texts the pairs of code units they hold. */
function readNames(texts: readonly string[], pairs: PairsIn | undefined): Map<string, number> {
  const tally = new PieceCounts()
  for (const text of texts) {
    let previous = text.length > 0 ? text.charCodeAt(0) : 0
    for (let end = 2; end <= text.length; end++) {
      const last = text.charCodeAt(end - 1)
      pairs?.note(previous, last)
      previous = last
      if (end < shortestName || bodySuffixes[last] !== 1) continue
      // The Han characters before the suffix, at most a longest name's worth: most suffixes
      // (the 会 of 社会, the 部 of 全部) have fewer than four and end no name.
      let hanFrom = end
      while (hanFrom > 0 && end - hanFrom < longestName && isHanAt(text, hanFrom - 1)) hanFrom--
      if (end - hanFrom < shortestName) continue
      // The names ending here share their last characters: the hash grows from the end.
      let hash = 0
      for (let at = end - 1; at > end - shortestName; at--) hash = mix(hash, text.charCodeAt(at))
      for (let start = end - shortestName; start >= hanFrom; start--) {
        // A name never starts in the middle of a surrogate pair (nor does a longer one then).
        if (isLowSurrogate(text.charCodeAt(start)) && start > 0 && isHighSurrogate(text.charCodeAt(start - 1))) break
        hash = mix(hash, text.charCodeAt(start))
        tally.add(text, start, end, hash)
      }
    }
  }
  const counts = new Map<string, number>()
  tally.pieces.forEach((name, index) => {
    const uses = tally.uses[index] ?? 0
    if (uses >= minUses) counts.set(name, uses)
  })
  return counts
}

function hasSurrogate(text: string): boolean {
  for (let index = 0; index < text.length; index++) if ((text.charCodeAt(index) & 0xf800) === 0xd800) return true
  return false
}

/**
 * The swaps of a name (in the order `swaps` gives them) that may occur in the notice. Most do
 * not, and those are never built as strings: a notice has hundreds of names.
 */
function swapsThatMayOccur(name: string, pairs: PairsIn): string[] {
  if (hasSurrogate(name)) return swaps(name).filter((variant) => pairs.mayContain(variant))
  // Every character is one code unit, and two different swaps never give the same string.
  const result: string[] = []
  for (let index = 0; index + 1 < name.length; index++) {
    if (name[index] === name[index + 1] || !pairs.mayContainSwap(name, index)) continue
    result.push(name.slice(0, index) + name[index + 1] + name[index] + name.slice(index + 2))
  }
  return result
}

/** The name with two neighbouring characters swapped: 产业集聚区 → 产业聚集区 … */
export function swaps(name: string): string[] {
  const result: string[] = []
  const add = (variant: string): void => {
    if (!result.includes(variant)) result.push(variant)
  }
  if (!hasSurrogate(name)) {
    // Every character is one code unit: swap code units.
    for (let index = 0; index + 1 < name.length; index++) {
      if (name[index] === name[index + 1]) continue
      add(name.slice(0, index) + name[index + 1] + name[index] + name.slice(index + 2))
    }
    return result
  }
  const chars = [...name]
  for (let index = 0; index + 1 < chars.length; index++) {
    if (chars[index] === chars[index + 1]) continue
    add([...chars.slice(0, index), chars[index + 1], chars[index], ...chars.slice(index + 2)].join(''))
  }
  return result
}

function countIn(texts: readonly string[], needle: string): number {
  let count = 0
  for (const text of texts) for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) count++
  return count
}

/**
 * Which pairs of neighbouring code units a text has (by a hash, so a pair may seem present that
 * is not, never the other way round). A needle with a pair the text lacks does not occur in it:
 * nearly every swapped name has such a pair (its two swapped characters in the new order), so
 * most variants are known to be unused without looking for them.
 */
class PairsIn {
  /** One bit per hash (8 KB: a table of 64K bytes per notice costs more to allocate than to fill). */
  private readonly seen = new Uint8Array(0x10000 / 8)

  note(first: number, second: number): void {
    const hash = pairHash(first, second)
    this.seen[hash >>> 3]! |= 1 << (hash & 7)
  }

  mayContain(needle: string): boolean {
    for (let index = 1; index < needle.length; index++) if (!this.has(needle.charCodeAt(index - 1), needle.charCodeAt(index))) return false
    return true
  }

  /** `mayContain` of `name` with code units `swap` and `swap + 1` swapped, without building it. */
  mayContainSwap(name: string, swap: number): boolean {
    let previous = name.charCodeAt(swap === 0 ? 1 : 0)
    for (let index = 1; index < name.length; index++) {
      const code = name.charCodeAt(index === swap ? swap + 1 : index === swap + 1 ? swap : index)
      if (!this.has(previous, code)) return false
      previous = code
    }
    return true
  }

  private has(first: number, second: number): boolean {
    const hash = pairHash(first, second)
    return ((this.seen[hash >>> 3] ?? 0) & (1 << (hash & 7))) !== 0
  }
}

function pairHash(first: number, second: number): number {
  // Both code units in one 32-bit word, multiplied so that every bit of it reaches the top 16.
  return Math.imul((first << 16) | second, 0x9e3779b1) >>> 16
}

/** A needle, or an ending shared by needles, in a `VariantCounter`. */
class EndingNode {
  /** A needle starts here (the trie is read backwards). */
  isNeedle = false
  uses = 0
  firstChild: EndingNode | undefined
  sibling: EndingNode | undefined
  constructor(readonly code: number) {}

  child(code: number): EndingNode | undefined {
    for (let node = this.firstChild; node !== undefined; node = node.sibling) if (node.code === code) return node
    return undefined
  }
}

/**
 * How often each of a set of needles occurs in the texts (overlapping uses counted), in one pass:
 * the needles form a trie read backwards from their last code unit, so at each position of the
 * text only the needles ending there are followed back, one code unit at a time, and needles
 * ending alike (the swaps of one name mostly do) share those comparisons. Most positions end no
 * needle and cost one table read. Linear in the length of the notice.
 */
class VariantCounter {
  private readonly byLastUnit = new Map<number, EndingNode>()
  /** By the low 12 bits of a needle's last code unit: most positions end no needle (a false alarm costs one lookup). */
  private readonly mayEndNeedle = new Uint8Array(0x1000)
  private readonly nowhere = new EndingNode(-1)

  /** Registers a non-empty needle; adding it again returns the same node. Its `uses` are set by `count`. */
  add(needle: string): EndingNode {
    let node: EndingNode | undefined
    for (let index = needle.length - 1; index >= 0; index--) {
      const code = needle.charCodeAt(index)
      let next = node ? node.child(code) : this.byLastUnit.get(code)
      if (!next) {
        next = new EndingNode(code)
        if (node) {
          next.sibling = node.firstChild
          node.firstChild = next
        } else {
          this.byLastUnit.set(code, next)
          this.mayEndNeedle[code & 0xfff] = 1
        }
      }
      node = next
    }
    if (!node) return this.nowhere
    node.isNeedle = true
    return node
  }

  count(texts: readonly string[]): void {
    for (const text of texts) {
      for (let end = 1; end <= text.length; end++) {
        const last = text.charCodeAt(end - 1)
        if (this.mayEndNeedle[last & 0xfff] === 0) continue
        let node = this.byLastUnit.get(last)
        for (let at = end - 2; node !== undefined; at--) {
          if (node.isNeedle) node.uses++
          node = at >= 0 ? node.child(text.charCodeAt(at)) : undefined
        }
      }
    }
  }
}

/** The names by length, longest first, and in their first-use order within a length (a stable sort). */
function longestFirst(names: ReadonlyMap<string, number>): Array<[string, number]> {
  const byLength: Array<Array<[string, number]>> = []
  for (const entry of names) {
    const length = entry[0].length
    const list = byLength[length]
    if (list) list.push(entry)
    else byLength[length] = [entry]
  }
  const result: Array<[string, number]> = []
  for (let length = byLength.length - 1; length >= 0; length--) for (const entry of byLength[length] ?? []) result.push(entry)
  return result
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
    const pairs = new PairsIn()
    const names = readNames(texts, pairs)
    const known = new Map<string, KnownName>()
    for (const name of declared) known.set(name, { name, uses: countIn(texts, name), declared: true, variants: swapsThatMayOccur(name, pairs) })
    // A window of a longer name used as often (业集聚区 in 产业集聚区) adds nothing the longer name does not.
    const frequent = longestFirst(names)
    // By number of uses, the pieces of the names kept so far that could be names themselves
    // (4 or more code units, ending in a body suffix): a name is in a longer kept name used as
    // often when it is one of that count's pieces.
    const keptPieces = new Map<number, Set<string>>()
    for (const [name, uses] of frequent) {
      let pieces = keptPieces.get(uses)
      if (pieces?.has(name)) continue
      if (!pieces) keptPieces.set(uses, (pieces = new Set()))
      for (let end = shortestName; end <= name.length; end++) {
        if (bodySuffixes[name.charCodeAt(end - 1)] !== 1) continue
        for (let start = 0; start + shortestName <= end; start++) pieces.add(name.slice(start, end))
      }
      if (!known.has(name)) known.set(name, { name, uses, declared: false, variants: swapsThatMayOccur(name, pairs) })
    }

    const found: Array<{ entry: ProseLine; offset: number; variant: string; name: KnownName }> = []
    const counter = new VariantCounter()
    const counted: EndingNode[][] = []
    for (const name of known.values()) counted.push(name.variants.map((variant) => counter.add(variant)))
    counter.count(texts)
    let nameIndex = 0
    for (const name of known.values()) {
      const nodes = counted[nameIndex++] ?? []
      for (let index = 0; index < name.variants.length; index++) {
        const variant = name.variants[index] ?? ''
        const uses = nodes[index]?.uses ?? 0
        if (uses === 0) continue
        const other = known.get(variant)
        if (other?.declared) continue
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
      reports.push(reportAt(entry.line, offset, `名称“${variant}”与${why}不一致：请统一写作“${name.name}”`, variant))
    }
    return reports
  }
}
