/**
 * The notice as the blocks of its Word file: every line of the notice as a paragraph in its own
 * words (numbering is the text's own, never Word's lists, so the file reads back to the same text),
 * headings in their fonts, tab-separated ledger rows as tables, the title and the 落款 as on the
 * print page. Plain data, so a worker can make it and the main thread pack it.
 */
import type { LoadedNotice } from '../../load/notice.js'
import { printClosing } from '../../print/closing.js'
import { balanceTitle, textWidth } from '../../print/title-lines.js'
import { matchHeading } from '../../structure/classify.js'
import type { NoticeView } from '../view.js'

/** The fonts of GB/T 9704: 仿宋 for the body, 黑体 for 一、, 楷体 for （一）. */
export type DocxFont = 'fang' | 'hei' | 'kai'

export interface DocxRun {
  text: string
  font: DocxFont
}

export type DocxBlock =
  | { kind: 'title'; lines: string[] }
  | { kind: 'paragraph'; runs: DocxRun[] }
  | { kind: 'blank' }
  | { kind: 'table'; rows: string[][] }
  /** `right`: characters between the line's end and the right edge of the text area. */
  | { kind: 'signature'; text: string; right: number }
  | { kind: 'date'; text: string; right: number }

export interface DocxModel {
  title: string
  /** The notice's date (ISO): the file's created and modified dates, never the time of the build. */
  date?: string
  /** Which of title, signature and date the file carries from notice.md rather than from the text. */
  fromFrontmatter: Array<'title' | 'signature' | 'date'>
  blocks: DocxBlock[]
}

/** 22 pt on the 156 mm measure holds 20 characters, as on the print page. */
const titleWidth = 20

export function docxModel(notice: LoadedNotice, view: NoticeView, formatDate: (iso: string) => string): DocxModel {
  const { document, record } = notice
  const blocks: DocxBlock[] = []
  const fromFrontmatter: DocxModel['fromFrontmatter'] = []
  let table: string[][] | undefined
  let signatureText: string | undefined
  let dateText: string | undefined

  if (!document.roles.some((role) => role.kind === 'title')) {
    blocks.push({ kind: 'title', lines: balanceTitle(record.title, titleWidth) })
    fromFrontmatter.push('title')
  }
  document.lines.forEach((line, index) => {
    const role = document.roles[index]
    const text = line.text
    // Tab-separated rows are a ledger pasted from a table: they go back into one.
    if (role && role.kind !== 'blank' && text.includes('\t')) {
      if (!table) {
        table = []
        blocks.push({ kind: 'table', rows: table })
      }
      table.push(text.split('\t'))
      return
    }
    table = undefined
    switch (role?.kind) {
      case undefined:
        return
      case 'blank':
        blocks.push({ kind: 'blank' })
        return
      case 'title':
        blocks.push({ kind: 'title', lines: balanceTitle(text, titleWidth) })
        return
      case 'signature':
        signatureText = text
        blocks.push({ kind: 'signature', text, right: 2 })
        return
      case 'date':
        dateText = text
        blocks.push({ kind: 'date', text, right: 2 })
        return
      case 'heading': {
        const heading = document.headings[role.heading]
        const match = matchHeading(text)
        const font: DocxFont = heading?.scheme === 'cn' ? 'hei' : heading?.scheme === 'cn-paren' ? 'kai' : 'fang'
        // A heading sentence with its body on the same line: the heading in its font, the body in 仿宋.
        const cut = match && heading?.body.trim() ? match.bodyOffset : text.length
        const runs: DocxRun[] = [{ text: text.slice(0, cut), font }]
        if (cut < text.length) runs.push({ text: text.slice(cut), font: 'fang' })
        blocks.push({ kind: 'paragraph', runs })
        return
      }
      default:
        blocks.push({ kind: 'paragraph', runs: [{ text, font: 'fang' }] })
    }
  })

  // The 落款 the print page shows from notice.md when the text has none.
  const closing = printClosing(view, record, formatDate)
  if (closing?.signature !== undefined && signatureText === undefined) {
    signatureText = closing.signature
    blocks.push({ kind: 'signature', text: closing.signature, right: 2 })
    fromFrontmatter.push('signature')
  }
  if (closing?.date !== undefined && dateText === undefined) {
    dateText = closing.date
    blocks.push({ kind: 'date', text: closing.date, right: 2 })
    fromFrontmatter.push('date')
  }
  placeClosing(blocks, signatureText, dateText)
  return { title: record.title, ...(record.dates.written ? { date: record.dates.written } : {}), fromFrontmatter, blocks }
}

/**
 * GB/T 9704 7.3.5.1: the signature ends 2 characters from the right; the date's first character
 * stands 2 characters right of the signature's first; a date longer than that puts the date 2
 * characters from the right and centres the signature over it.
 */
function placeClosing(blocks: DocxBlock[], signature: string | undefined, date: string | undefined): void {
  if (signature === undefined || date === undefined) return
  const signatureWidth = textWidth(signature.trim())
  const dateWidth = textWidth(date.trim())
  for (const block of blocks) {
    if (block.kind === 'signature' && dateWidth + 2 > signatureWidth) block.right = 2 + (dateWidth - signatureWidth) / 2
    if (block.kind === 'date') block.right = dateWidth + 2 > signatureWidth ? 2 : signatureWidth - dateWidth
  }
}
