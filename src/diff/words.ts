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
  const flush = (): void => {
    if (del) segments.push({ kind: 'del', text: del })
    if (ins) segments.push({ kind: 'ins', text: ins })
    del = ''
    ins = ''
  }
  for (const segment of folded) {
    if (segment.kind === 'del') del += segment.text
    else if (segment.kind === 'ins') ins += segment.text
    else if (segment.kind === 'fold') {
      del += segment.text
      ins += segment.text
    } else if (segment.text) {
      flush()
      segments.push({ kind: 'same', text: segment.text })
    }
  }
  flush()
  return segments
}
