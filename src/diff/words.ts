/**
 * Word-level differences for Chinese text. Chinese has no spaces, so a character diff cuts
 * words in half (正在整改 → 已完成 would read 正在整改 with 已 and 成 swapped in); Intl.Segmenter
 * splits the text into words first and the diff runs over those words.
 */
import { diffArrays } from 'diff'

export type Segment = { kind: 'same' | 'del' | 'ins'; text: string }

/** A kept character between two changes, shown as part of both. */
type Piece = Segment | { kind: 'fold'; text: string }

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })

/** Digits and a decimal point: the characters a number is never cut between. */
const isDigit = (char: string | undefined): boolean => char !== undefined && /[0-9０-９.．]/u.test(char)

export function words(text: string): string[] {
  return Array.from(segmenter.segment(text), (part) => part.segment)
}

/**
 * The edit from `before` to `after` as runs of kept, deleted and inserted text. Each changed
 * stretch is one deletion followed by one insertion, and a single kept character between two
 * changes (a 的 or a comma) is folded into them, so the redline reads as whole phrases.
 */
export function diffWords(before: string, after: string): Segment[] {
  const raw: Segment[] = diffArrays(words(before), words(after)).map((change) => ({
    kind: change.added ? 'ins' : change.removed ? 'del' : 'same',
    text: change.value.join('')
  }))
  const folded = raw.map((segment, index): Piece => {
    const changedAround = (raw[index - 1]?.kind ?? 'same') !== 'same' && (raw[index + 1]?.kind ?? 'same') !== 'same'
    return segment.kind === 'same' && changedAround && [...segment.text].length <= 1 ? { kind: 'fold', text: segment.text } : segment
  })
  const segments: Segment[] = []
  let del = ''
  let ins = ''
  const push = (segment: Segment): void => {
    if (!segment.text) return
    const last = segments.at(-1)
    if (last && last.kind === segment.kind) last.text += segment.text
    else segments.push({ ...segment })
  }
  // Word boundaries differ between versions (整改情况 is 整|改|情况, 整改进展 is 整|改进|展), so a
  // replaced word can share characters with its replacement: those stay kept text.
  const flush = (): void => {
    const [removed, inserted] = [[...del], [...ins]]
    let head = 0
    while (head < removed.length && head < inserted.length && removed[head] === inserted[head]) head++
    // Never cut inside a number: 12 → 13 reads as 12 → 13, not as 1 with 2 → 3.
    while (head > 0 && isDigit(removed[head - 1]) && (isDigit(removed[head]) || isDigit(inserted[head]))) head--
    let tail = 0
    while (tail < removed.length - head && tail < inserted.length - head && removed.at(-1 - tail) === inserted.at(-1 - tail)) tail++
    while (tail > 0 && isDigit(removed.at(-tail)) && (isDigit(removed.at(-1 - tail)) || isDigit(inserted.at(-1 - tail)))) tail--
    push({ kind: 'same', text: removed.slice(0, head).join('') })
    push({ kind: 'del', text: removed.slice(head, removed.length - tail).join('') })
    push({ kind: 'ins', text: inserted.slice(head, inserted.length - tail).join('') })
    push({ kind: 'same', text: removed.slice(removed.length - tail).join('') })
    del = ''
    ins = ''
  }
  for (const segment of folded) {
    if (segment.kind === 'del') del += segment.text
    else if (segment.kind === 'ins') ins += segment.text
    else if (segment.kind === 'fold') {
      del += segment.text
      ins += segment.text
    } else {
      flush()
      push({ kind: 'same', text: segment.text })
    }
  }
  flush()
  return segments
}
