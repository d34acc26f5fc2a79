/**
 * The 落款 of the print page: signature and date, from the notice's own lines when it has them,
 * else from its record (notice.md `signature` and `dates.written`).
 */
import type { NoticeRecord } from '../model/schema.js'
import type { NoticeView } from '../render/view.js'
import { textWidth } from './title-lines.js'

export interface PrintClosing {
  signature?: string
  date?: string
  /** The date, two characters in, is longer than the signature: the signature is centred over it. */
  dateLonger: boolean
  /** A sealed document (GB/T 9704 7.3.5.1): the date 右空四字, the signature centred over it. */
  sealed?: boolean
}

export function printClosing(view: NoticeView, record: NoticeRecord, formatDate: (iso: string) => string): PrintClosing | undefined {
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
