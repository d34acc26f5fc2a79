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

/** A place where a variant of a name is used. */
export interface VariantUse {
  entry: ProseLine
  offset: number
  variant: string
  name: { name: string; uses: number; declared: boolean }
}

/**
 * One report per place: the variant of the most used (or declared) name wins, then the longest;
 * reports in reading order.
 */
export function reportVariantUses(found: VariantUse[]): Report[] {
  const weight = (name: VariantUse['name']): number => (name.declared ? Number.MAX_SAFE_INTEGER : name.uses)
  found.sort((a, b) => weight(b.name) - weight(a.name) || b.variant.length - a.variant.length)
  const chosen: VariantUse[] = []
  for (const candidate of found) {
    const overlaps = chosen.some(
      (other) => other.entry.index === candidate.entry.index && candidate.offset < other.offset + other.variant.length && other.offset < candidate.offset + candidate.variant.length
    )
    if (!overlaps) chosen.push(candidate)
  }
  chosen.sort((a, b) => a.entry.index - b.entry.index || a.offset - b.offset)
  return chosen.map(({ entry, offset, variant, name }) => {
    const why = name.declared ? `声明的名称“${name.name}”` : `全文其他 ${name.uses} 处的写法“${name.name}”`
    return reportAt(entry.line, offset, `名称“${variant}”与${why}不一致：请统一写作“${name.name}”`, variant)
  })
}

interface KnownName {
  name: string
  uses: number
  declared: boolean
  /** `swaps(name)` that the notice may use; the others it does not. */
  variants: readonly Variant[]
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
 * Counts of the pieces of text that may be names, each known by an index: a piece of 4 code
 * units by those units, a longer one by its tail (the piece one unit shorter at the start, 业集聚区
 * for 产业集聚区) and its first unit. So a piece is found by comparing two or three integers,
 * never its units one by one, and the names ending at one place are found one from the other.
 * An open-addressing table on a hash of that key. Pieces are kept in the order they were first
 * met; a piece becomes a string only when asked for (most never are). The columns are typed
 * arrays: a notice has hundreds of thousands of pieces, and the collector need not scan them.
 */
class PieceCounts {
  size = 0
  uses = new Int32Array(512)
  /** Per piece, its tail, or -1 for a piece of 4 units. */
  tails = new Int32Array(512)
  /**
   * Per piece, its longest proper prefix that ends in a body suffix (县委巡察办 for
   * 县委巡察办管委会), or -1 when that prefix is shorter than a name.
   */
  heads = new Int32Array(512)
  /** Per piece, its first two units (4 units long) or its first unit (longer). */
  private firstKeys = new Int32Array(512)
  /** Per piece, its last two units (4 units long), or 0. */
  private lastKeys = new Int32Array(512)
  /** Where each piece was first met: `lengths` code units of text `textIndexes` from `starts`. */
  private textIndexes = new Int32Array(512)
  private starts = new Int32Array(512)
  lengths = new Int32Array(512)
  /** Index + 1 of a piece; 0 is a free slot. Never more than half full. */
  private slots = new Int32Array(1024)

  private texts: readonly string[] = []

  /** Empties the tally for the pieces of other texts; its tables stay as large as they grew. */
  reset(texts: readonly string[]): void {
    this.texts = texts
    this.size = 0
    this.slots.fill(0)
  }

  /** The text piece `index` was first met in, and where in it it starts. */
  textOf(index: number): string {
    return this.texts[this.textIndexes[index] ?? 0] ?? ''
  }

  startOf(index: number): number {
    return this.starts[index] ?? 0
  }

  /** The piece as a string. */
  name(index: number): string {
    const start = this.startOf(index)
    return this.textOf(index).slice(start, start + (this.lengths[index] ?? 0))
  }

  /**
   * Counts one use of text[start, end), which is `tail` (-1 for 4 units) with `first` before it,
   * and returns its index. `head` is kept when the piece is new (it depends on the piece alone).
   */
  add(text: number, start: number, end: number, tail: number, first: number, last: number, head: number): number {
    const mask = this.slots.length - 1
    for (let slot = keyHash(tail, first, last) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] ?? 0
      if (entry === 0) {
        if (this.size === this.uses.length) this.growColumns()
        const index = this.size++
        this.uses[index] = 1
        this.tails[index] = tail
        this.heads[index] = head
        this.firstKeys[index] = first
        this.lastKeys[index] = last
        this.textIndexes[index] = text
        this.starts[index] = start
        this.lengths[index] = end - start
        this.slots[slot] = index + 1
        if (this.size * 2 > this.slots.length) this.growSlots()
        return index
      }
      if (this.tails[entry - 1] === tail && this.firstKeys[entry - 1] === first && this.lastKeys[entry - 1] === last) {
        this.uses[entry - 1]!++
        return entry - 1
      }
    }
  }

  /**
   * Index of the `length` code units (4 or more) of `units` from `start` with units `swap` and
   * `swap + 1` of them exchanged (`swap` past the end: none), or -1 when the texts never held
   * that piece. Nothing is built.
   */
  find(units: string, start: number, swap: number, length: number): number {
    const first = (unitOf(units, start, swap, length - 4) << 16) | unitOf(units, start, swap, length - 3)
    let index = this.indexOf(-1, first, (unitOf(units, start, swap, length - 2) << 16) | unitOf(units, start, swap, length - 1))
    for (let at = length - 5; at >= 0 && index >= 0; at--) index = this.indexOf(index, unitOf(units, start, swap, at), 0)
    return index
  }

  /**
   * `find` of piece `index` with units `swap` and `swap + 1` exchanged. Past those units the
   * swap is the piece itself: when that much is a name, the search starts from that tail of the
   * piece, and most swaps are known to be absent at the first unit added to it.
   */
  swapOf(index: number, swap: number): number {
    const units = this.textOf(index)
    const start = this.startOf(index)
    const length = this.lengths[index] ?? 0
    if (swap + 2 + shortestName > length) return this.find(units, start, swap, length)
    let found = index
    for (let step = 0; step < swap + 2; step++) found = this.tails[found] ?? -1
    for (let at = swap + 1; at >= 0 && found >= 0; at--) found = this.indexOf(found, unitOf(units, start, swap, at), 0)
    return found
  }

  private indexOf(tail: number, first: number, last: number): number {
    const mask = this.slots.length - 1
    for (let slot = keyHash(tail, first, last) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] ?? 0
      if (entry === 0) return -1
      if (this.tails[entry - 1] === tail && this.firstKeys[entry - 1] === first && this.lastKeys[entry - 1] === last) return entry - 1
    }
  }

  private growColumns(): void {
    const wider = (column: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const copy = new Int32Array(column.length * 2)
      copy.set(column)
      return copy
    }
    this.uses = wider(this.uses)
    this.tails = wider(this.tails)
    this.heads = wider(this.heads)
    this.firstKeys = wider(this.firstKeys)
    this.lastKeys = wider(this.lastKeys)
    this.textIndexes = wider(this.textIndexes)
    this.starts = wider(this.starts)
    this.lengths = wider(this.lengths)
  }

  private growSlots(): void {
    this.slots = new Int32Array(this.slots.length * 2)
    const mask = this.slots.length - 1
    for (let index = 0; index < this.size; index++) {
      let slot = keyHash(this.tails[index] ?? -1, this.firstKeys[index] ?? 0, this.lastKeys[index] ?? 0) & mask
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask
      this.slots[slot] = index + 1
    }
  }
}

/** Code unit `index` of the piece of `units` from `start` with units `swap` and `swap + 1` of it exchanged. */
function unitOf(units: string, start: number, swap: number, index: number): number {
  return units.charCodeAt(start + (index === swap ? swap + 1 : index === swap + 1 ? swap : index))
}

/** A hash of a piece's key, its bits mixed into the low ones, which pick the slot. */
function keyHash(tail: number, first: number, last: number): number {
  const mixed = Math.imul(Math.imul(tail, 0x85ebca6b) ^ Math.imul(first, 0x9e3779b1) ^ last, 0x9e3779b1)
  return mixed ^ (mixed >>> 16)
}

/**
 * Names of bodies the text uses at least `minUses` times, with their counts, in the order of
 * their first use: every run of 4 to 8 code units of Han characters that ends in a body suffix.
 */
export function frequentNames(texts: readonly string[]): Map<string, number> {
  const { tally } = readNames(texts)
  const counts = new Map<string, number>()
  for (let index = 0; index < tally.size; index++) {
    const uses = tally.uses[index] ?? 0
    if (uses >= minUses) counts.set(tally.name(index), uses)
  }
  return counts
}

/** What one pass over a notice's texts learns about the names in it. */
interface NameReading {
  /** Every run of 4 to 8 code units of Han characters that ends in a body suffix, counted. */
  tally: PieceCounts
  /** Every body suffix with the code units either side of it, by `tripleHash`, one bit each. */
  aroundSuffix: Uint8Array
}

/**
 * One reading for every notice, emptied for the next: a check runs to completion before another
 * begins, and allocating its tables for each notice cost more than clearing them. Nothing of it
 * is kept past `readNames`' caller.
 */
const reading: NameReading = { tally: new PieceCounts(), aroundSuffix: new Uint8Array(0x10000 / 8) }
/** The pieces ending at this suffix and at the previous one, by length (see `readNames`). */
const endingHere = new Int32Array(longestName + 1)
const endingBefore = new Int32Array(longestName + 1)

/**
 * The one pass over the texts: at each body suffix, the names ending there (counted, with the
 * names they extend by one unit at the start and by one suffix at the end) and the units around
 * it. The reading returned is emptied by the next call.
 */
function readNames(texts: readonly string[]): NameReading {
  const { tally, aroundSuffix } = reading
  tally.reset(texts)
  aroundSuffix.fill(0)
  // The pieces ending at the previous suffix that start where a piece here starts are its heads.
  let current = endingHere
  let previous = endingBefore
  for (let textIndex = 0; textIndex < texts.length; textIndex++) {
    const text = texts[textIndex] ?? ''
    let previousEnd = -longestName
    let previousLongest = 0
    for (let end = 1; end <= text.length; end++) {
      const last = text.charCodeAt(end - 1)
      if (bodySuffixes[last] !== 1) continue
      if (end >= 2 && end < text.length) noteTriple(aroundSuffix, text.charCodeAt(end - 2), last, text.charCodeAt(end))
      const swap = previous
      previous = current
      current = swap
      let longest = 0
      // Back from the suffix over at most a longest name's worth of Han characters: most
      // suffixes (the 会 of 社会, the 部 of 全部) have fewer than four and end no name. Each
      // name ending here is the one before with one more unit at the start.
      let tail = -1
      let lastUnits = 0
      for (let start = end - 1; start >= 0 && end - start <= longestName && isHanAt(text, start); start--) {
        const length = end - start
        const code = text.charCodeAt(start)
        if (length < shortestName) {
          if (length === 2) lastUnits = (code << 16) | last
          continue
        }
        // A name never starts in the middle of a surrogate pair (nor does a longer one then).
        if (isLowSurrogate(code) && start > 0 && isHighSurrogate(text.charCodeAt(start - 1))) break
        const headLength = previousEnd - start
        const head = headLength >= shortestName && headLength <= previousLongest ? (previous[headLength] ?? -1) : -1
        tail =
          length === shortestName
            ? tally.add(textIndex, start, end, -1, (code << 16) | text.charCodeAt(start + 1), lastUnits, head)
            : tally.add(textIndex, start, end, tail, code, 0, head)
        current[length] = tail
        longest = length
      }
      previousEnd = end
      previousLongest = longest
    }
  }
  return reading
}

/**
 * The frequent names worth checking, longest first and in first-use order within a length: a
 * name inside a longer name used as often (业集聚区 in 产业集聚区 and nowhere else) adds nothing
 * the longer one does not. Such a longer name can always be taken one unit longer at the start
 * (its tail is the name) or one suffix longer at the end (its head is the name), and is then
 * used as often too: counts only fall as a name grows. So no substring is ever compared.
 */
function namesToCheck(tally: PieceCounts): Int32Array {
  const { uses, tails, heads, lengths } = tally
  const inLonger = new Uint8Array(tally.size)
  for (let index = 0; index < tally.size; index++) {
    const count = uses[index] ?? 0
    if (count < minUses) continue
    const tail = tails[index] ?? -1
    if (tail >= 0 && uses[tail] === count) inLonger[tail] = 1
    const head = heads[index] ?? -1
    if (head >= 0 && uses[head] === count) inLonger[head] = 1
  }
  // Placed by length, longest first, without a sort: where each length begins, then each name.
  const begins = new Int32Array(longestName + 2)
  for (let index = 0; index < tally.size; index++) {
    if ((uses[index] ?? 0) >= minUses && inLonger[index] === 0) begins[longestName - (lengths[index] ?? 0) + 1]!++
  }
  for (let place = 1; place < begins.length; place++) begins[place]! += begins[place - 1] ?? 0
  const order = new Int32Array(begins[longestName + 1] ?? 0)
  for (let index = 0; index < tally.size; index++) {
    if ((uses[index] ?? 0) >= minUses && inLonger[index] === 0) order[begins[longestName - (lengths[index] ?? 0)]!++] = index
  }
  return order
}

/** `namesToCheck` of some texts, for the tests. */
export function keptNames(texts: readonly string[]): Array<[string, number]> {
  const { tally } = readNames(texts)
  return Array.from(namesToCheck(tally), (index) => [tally.name(index), tally.uses[index] ?? 0])
}

function hasSurrogate(text: string): boolean {
  for (let index = 0; index < text.length; index++) if ((text.charCodeAt(index) & 0xf800) === 0xd800) return true
  return false
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

/** Notes three code units in a row (by their hash: one bit of 64K). */
function noteTriple(seen: Uint8Array, first: number, second: number, third: number): void {
  const hash = tripleHash(first, second, third)
  seen[hash >>> 3]! |= 1 << (hash & 7)
}

/** Whether the three units were noted; some never noted seem noted (they share a bit), never the other way round. */
function hasTriple(seen: Uint8Array, first: number, second: number, third: number): boolean {
  const hash = tripleHash(first, second, third)
  return ((seen[hash >>> 3] ?? 0) & (1 << (hash & 7))) !== 0
}

function tripleHash(first: number, second: number, third: number): number {
  // Multiplied so that every bit of the three units reaches the top 16.
  return Math.imul(Math.imul(first, 0x9e3779b1) ^ ((second << 16) | third), 0x85ebca6b) >>> 16
}

/**
 * Whether every use of the name is in the tally: 4 to 8 Han code units (none half of a
 * surrogate pair) ending in a body suffix, as every name `readNames` counts is.
 */
function isTallied(units: string, start: number, length: number): boolean {
  if (length < shortestName || length > longestName || bodySuffixes[units.charCodeAt(start + length - 1)] !== 1) return false
  for (let index = start; index < start + length; index++) if (!isHanUnit(units.charCodeAt(index))) return false
  return true
}

/** A swapped form of a known name, with its uses in the notice (those of `node` once the counter has run, when it has one). */
interface Variant {
  text: string
  uses: number
  node: EndingNode | undefined
}

/**
 * The swaps the notice may use of the name in `length` code units of `units` from `start` (the
 * tally's piece `index`, or -1 when it is not one), in the order `swaps` gives them. A swap of a
 * tallied name that still ends in a suffix is a tallied name too, counted already: only those
 * used are built as strings (a notice has hundreds of names). The others are given to `counter`.
 */
function usedSwaps(units: string, start: number, length: number, index: number, reading: NameReading, counter: VariantCounter): readonly Variant[] {
  if (!isTallied(units, start, length)) return swaps(units.slice(start, start + length)).map((text) => ({ text, uses: 0, node: counter.add(text) }))
  const { tally } = reading
  // Made with the first swap used: most names have none.
  let result: Variant[] | undefined
  const last = length - 1
  // Every character is one code unit, and two different swaps never give the same string.
  for (let swap = 0; swap < last; swap++) {
    const code = units.charCodeAt(start + swap)
    if (code === units.charCodeAt(start + swap + 1)) continue
    if (swap < last - 1 || bodySuffixes[code] === 1) {
      const found = index >= 0 ? tally.swapOf(index, swap) : tally.find(units, start, swap, length)
      if (found < 0) continue
      result ??= []
      result.push({ text: swapped(units.slice(start, start + length), swap), uses: tally.uses[found] ?? 0, node: undefined })
    } else if (mayUseSuffixSwap(units, start, length, reading)) {
      const text = swapped(units.slice(start, start + length), swap)
      result ??= []
      result.push({ text, uses: 0, node: counter.add(text) })
    }
  }
  return result ?? noVariants
}

const noVariants: readonly Variant[] = []

/**
 * Whether the notice may use a tallied name with its last two units swapped (产业集区聚): the
 * suffix between the units around it there (集区聚) somewhere, and the swap but its last unit
 * (产业集区) a name the notice uses when that is long enough to be one. Rarely so.
 */
function mayUseSuffixSwap(units: string, start: number, length: number, { tally, aroundSuffix }: NameReading): boolean {
  const last = start + length - 1
  if (!hasTriple(aroundSuffix, units.charCodeAt(last - 2), units.charCodeAt(last), units.charCodeAt(last - 1))) return false
  return length - 1 < shortestName || tally.find(units, start, length - 2, length - 1) >= 0
}

/** The name with units `swap` and `swap + 1` exchanged. */
function swapped(name: string, swap: number): string {
  return name.slice(0, swap) + name[swap + 1] + name[swap] + name.slice(swap + 2)
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
  private mayEndNeedle: Uint8Array | undefined
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
          // Made with the first needle: most notices have none.
          this.mayEndNeedle ??= new Uint8Array(0x1000)
          this.mayEndNeedle[code & 0xfff] = 1
        }
      }
      node = next
    }
    if (!node) return this.nowhere
    node.isNeedle = true
    return node
  }

  get isEmpty(): boolean {
    return this.mayEndNeedle === undefined
  }

  count(texts: readonly string[]): void {
    const mayEndNeedle = this.mayEndNeedle
    if (mayEndNeedle === undefined) return
    for (const text of texts) {
      for (let end = 1; end <= text.length; end++) {
        const last = text.charCodeAt(end - 1)
        if (mayEndNeedle[last & 0xfff] === 0) continue
        let node = this.byLastUnit.get(last)
        for (let at = end - 2; node !== undefined; at--) {
          if (node.isNeedle) node.uses++
          node = at >= 0 ? node.child(text.charCodeAt(at)) : undefined
        }
      }
    }
  }
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
    const reading = readNames(texts)
    const { tally } = reading
    const counter = new VariantCounter()
    const known: KnownName[] = []
    const declaredNames = new Set<string>()
    for (const name of declared) {
      if (declaredNames.has(name)) continue
      declaredNames.add(name)
      // A name the tally counts has its uses there, and none when it is not there.
      const tallied = isTallied(name, 0, name.length)
      const index = tallied ? tally.find(name, 0, name.length, name.length) : -1
      const uses = index >= 0 ? (tally.uses[index] ?? 0) : tallied ? 0 : countIn(texts, name)
      known.push({ name, uses, declared: true, variants: usedSwaps(name, 0, name.length, index, reading, counter) })
    }
    for (const index of namesToCheck(tally)) {
      if (declaredNames.size > 0 && declaredNames.has(tally.name(index))) continue
      const variants = usedSwaps(tally.textOf(index), tally.startOf(index), tally.lengths[index] ?? 0, index, reading, counter)
      // Most names: the notice never swaps them, and they report nothing.
      if (variants.length > 0) known.push({ name: tally.name(index), uses: tally.uses[index] ?? 0, declared: false, variants })
    }
    // Most notices leave nothing to search for: every swap they may use was in the tally.
    if (!counter.isEmpty) counter.count(texts)

    const found: VariantUse[] = []
    for (const name of known) {
      for (const { text: variant, uses: tallied, node } of name.variants) {
        const uses = node ? node.uses : tallied
        if (uses === 0) continue
        if (declaredNames.has(variant)) continue
        if (!name.declared && uses * minUses > name.uses) continue
        for (const entry of lines) {
          for (let at = entry.line.text.indexOf(variant); at !== -1; at = entry.line.text.indexOf(variant, at + 1)) found.push({ entry, offset: at, variant, name })
        }
      }
    }
    return reportVariantUses(found)
  }
}
