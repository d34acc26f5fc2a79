/**
 * The 落款 of the print page: signature and date, from the notice's own lines when it has them,
 * else from its record (notice.md `signature` and `dates.written`).
 */
import type { NoticeRecord } from '../model/schema.js'
import { textWidth } from './title-lines.js'

export interface PrintClosing {
  signature?: string
  date?: string
  /** The date, two characters in, is longer than the signature: the signature is centred over it. */
  dateLonger: boolean
  /**
   * A sealed document (GB/T 9704 7.3.5.1): the date's space from the right, in characters, with the
   * signature centred over it. Four, 一般; more when a longer signature centred over the date would
   * come nearer the right edge than two characters.
   */
  sealedDateRight?: number
}

/** The date's right space in a sealed 落款: 右空四字, unless the signature, centred over it, then reaches within two characters of the edge. */
export function sealedDateRight(closing: PrintClosing): number {
  const date = closing.date ? textWidth(closing.date) : 0
  const signature = closing.signature ? textWidth(closing.signature) : 0
  return Math.max(4, (signature - date) / 2 + 2)
}

/** The blocks of a notice's page, as far as the 落款 needs them (the page's view has these and more). */
interface ClosingBlocks {
  blocks: ReadonlyArray<{ kind: string; text?: string }>
}

export function printClosing(view: ClosingBlocks, record: NoticeRecord, formatDate: (iso: string) => string): PrintClosing | undefined {
  let signature: string | undefined
  let date: string | undefined
  for (const block of view.blocks) {
    if (block.kind === 'signature') signature = block.text
    if (block.kind === 'date') date = block.text
  }
  signature ??= record.signature?.trim() || undefined
  if (date === undefined && record.dates.written) date = formatDate(record.dates.written)
  if (signature === undefined && date === undefined) return undefined
  const closing: PrintClosing = { dateLonger: signature !== undefined && date !== undefined && textWidth(date) + 2 > textWidth(signature) }
  if (signature !== undefined) closing.signature = signature
  if (date !== undefined) closing.date = date
  return closing
}
