/**
 * Breaks a title into balanced lines for the print page (GB/T 9704: the title may be set in
 * several lines, 梯形 or 菱形, and a line break never splits a word). Pure: the same title and
 * measure always give the same lines.
 */

/** Title lines of the print page: 22 pt on a 156 mm measure holds 20 characters. */
export const printTitleWidth = 20

/** Characters that may not start a line: they stay with the word before them. */
const closingPunctuation = /^[，。、；：？！”’）》〕】」』〉,.;:?!)\]}%…—·]+$/u
/** Characters that may not end a line: they go with the word after them. */
const openingPunctuation = /^[“‘（《〔【「『〈([{]+$/u

/** Width of a text in characters of the title's size: half for ASCII, one for everything else. */
export function textWidth(text: string): number {
  let width = 0
  for (const char of text) width += /[\u0020-\u007e]/u.test(char) ? 0.5 : 1
  return width
}

/** Words of a title, with punctuation joined to the word it belongs to. */
let wordSegmenter: Intl.Segmenter | undefined

/**
 * Joins units so that no break falls inside a name the notice itself names (its inspection team,
 * its unit, its declared names): `县委第四 / 巡察组` never happens. Longest names first, so a name
 * holding another is kept whole.
 */
function keepNamesWhole(units: string[], names: readonly string[]): string[] {
  const title = units.join('')
  const inside = new Set<number>()
  for (const name of [...new Set(names)].filter((candidate) => candidate.length > 1).sort((a, b) => b.length - a.length)) {
    for (let at = title.indexOf(name); at >= 0; at = title.indexOf(name, at + 1)) {
      for (let offset = at + 1; offset < at + name.length; offset++) inside.add(offset)
    }
  }
  if (inside.size === 0) return units
  const joined: string[] = []
  let offset = 0
  for (const unit of units) {
    if (joined.length > 0 && inside.has(offset)) joined[joined.length - 1] += unit
    else joined.push(unit)
    offset += unit.length
  }
  return joined
}

/**
 * The title's words in order, each with the white space written after it (`关于 Windows 10 …`
 * keeps its spaces on the line; where a line breaks, the space at the break is dropped):
 * joined, the units give the title back.
 */
export function titleUnits(title: string, maxWidth = Infinity, names: readonly string[] = []): string[] {
  // Making a segmenter loads its dictionary: one for the whole build.
  wordSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' })
  const segmenter = wordSegmenter
  const units: string[] = []
  let pending = ''
  for (const { segment } of segmenter.segment(title)) {
    if (/^\s+$/u.test(segment)) {
      if (pending !== '') pending += segment
      else if (units.length > 0) units[units.length - 1] += segment
    } else if (openingPunctuation.test(segment)) {
      pending += segment
    } else if (closingPunctuation.test(segment) && units.length > 0 && pending === '') {
      units[units.length - 1] += segment
    } else {
      units.push(pending + segment)
      pending = ''
    }
  }
  if (pending) {
    if (units.length > 0) units[units.length - 1] += pending
    else units.push(pending)
  }
  return keepNamesWhole(units, names).flatMap((unit) => splitLongUnit(unit, maxWidth))
}

/** The white space a unit ends with: it goes at a line's end. */
function trailingSpace(unit: string): string {
  return /\s*$/u.exec(unit)?.[0] ?? ''
}

/** A word longer than a whole line has to be cut; only then is a word split. */
function splitLongUnit(unit: string, maxWidth: number): string[] {
  if (textWidth(unit) <= maxWidth) return [unit]
  const parts: string[] = []
  let current = ''
  for (const char of unit) {
    if (current && textWidth(current + char) > maxWidth) {
      parts.push(current)
      current = ''
    }
    current += char
  }
  return current ? [...parts, current] : parts
}

/**
 * The title in as few lines as fit `maxWidth` characters each, the words shared out so the lines
 * are as even as possible (least sum of squared widths); between equally even layouts the one whose
 * lower lines are longer (正梯形) wins. A title that fits one line stays one line.
 */
export function balanceTitle(title: string, maxWidth = 20, names: readonly string[] = []): string[] {
  const text = title.trim()
  if (text === '') return []
  // Most titles fit one line, and one line is their best layout: its words joined give the title
  // back. No need to segment it.
  if (textWidth(text) <= maxWidth) return [text]
  return layoutTitleUnits(text, maxWidth, names)
}

/** `balanceTitle` without its one-line shortcut: the trimmed, non-empty title cut into words and shared out. */
export function layoutTitleUnits(text: string, maxWidth: number, names: readonly string[] = []): string[] {
  const units = titleUnits(text, maxWidth, names)
  const widths = units.map(textWidth)
  const count = units.length
  // A line ends without the space its last word was written with.
  const span = (from: number, to: number): number =>
    widths.slice(from, to).reduce((sum, width) => sum + width, 0) - textWidth(trailingSpace(units[to - 1] ?? ''))

  // best[i] = the best way to set units[i..] as lines: fewest lines, then least squared widths.
  interface Layout {
    lines: number
    cost: number
    breaks: number[]
  }
  const best: Array<Layout | undefined> = new Array(count + 1)
  best[count] = { lines: 0, cost: 0, breaks: [] }
  for (let from = count - 1; from >= 0; from--) {
    let choice: Layout | undefined
    for (let to = from + 1; to <= count; to++) {
      const width = span(from, to)
      if (width > maxWidth) break
      const rest = best[to]
      if (!rest) continue
      const candidate: Layout = { lines: rest.lines + 1, cost: rest.cost + width * width, breaks: [to, ...rest.breaks] }
      if (!choice || better(candidate, choice, widthsOf(candidate, from), widthsOf(choice, from))) choice = candidate
    }
    best[from] = choice
  }
  const layout = best[0]
  if (!layout) return [text]
  const lines: string[] = []
  let start = 0
  for (const end of layout.breaks) {
    lines.push(units.slice(start, end).join('').trim())
    start = end
  }
  return lines

  function widthsOf(candidate: Layout, from: number): number[] {
    const result: number[] = []
    let start = from
    for (const end of candidate.breaks) {
      result.push(span(start, end))
      start = end
    }
    return result
  }
}

function better(a: { lines: number; cost: number }, b: { lines: number; cost: number }, aWidths: number[], bWidths: number[]): boolean {
  if (a.lines !== b.lines) return a.lines < b.lines
  if (Math.abs(a.cost - b.cost) > 1e-9) return a.cost < b.cost
  // Equally even: prefer the shorter first line (the top of a 正梯形).
  return (aWidths[0] ?? 0) < (bWidths[0] ?? 0)
}
