/**
 * The notice as the blocks of its Word file: every line of the notice as a paragraph in its own
 * words (numbering is the text's own, never Word's lists, so the file reads back to the same text),
 * headings in their fonts, tab-separated ledger rows as tables, the title and the 落款 as on the
 * print page. Plain data, so a worker can make it and the main thread pack it.
 */
import type { LoadedNotice } from '../../load/notice.js'
import { printClosing, sealedDateRight } from '../../print/closing.js'
import { balanceTitle, textWidth } from '../../print/title-lines.js'
import { matchHeading } from '../../structure/classify.js'
import { gfmCells, gfmDelimiterFor, gfmRowFor, isGfmRow, matchTableHeader } from '../../structure/table.js'
import type { NoticeView } from '../view.js'

/** The fonts of GB/T 9704: 仿宋 for the body, 黑体 for 一、, 楷体 for （一）. */
export type DocxFont = 'fang' | 'hei' | 'kai'

export interface DocxRun {
  text: string
  font: DocxFont
}

export type DocxBlock =
  /** The 版头 (GB/T 9704 7.2): the 发文机关标志 (红头) and the 发文字号 under it, then the red rule. */
  | { kind: 'head'; header: string; docNumber?: string }
  | { kind: 'title'; lines: string[] }
  | { kind: 'paragraph'; runs: DocxRun[] }
  | { kind: 'blank' }
  /**
   * A table: a ledger (its header row first, repeated on every page) or rows of tab-separated lines;
   * `gfm` for a Markdown table, whose lines the importer writes back from the cells.
   */
  | { kind: 'table'; header: boolean; format?: 'gfm'; rows: DocxTableRow[] }
  | { kind: 'signature'; text: string; place: ClosingPlace }
  | { kind: 'date'; text: string; place: ClosingPlace }

/**
 * Where a line of the 落款 stands, in characters of the grid: its end `right` characters from the
 * right edge of the text area, its start `left` characters from the left edge, or centred between
 * two such indents. The signature is Chinese characters, a character of the grid each in any font;
 * the date's digits are half a character in 仿宋_GB2312 and wider in the fonts that stand in for
 * it. So what GB/T 9704 places by the signature (the date's first character, a date centred under
 * it) is placed from the signature's edges, and the date is never measured by a font it may not get.
 */
export type ClosingPlace = { right: number } | { left: number } | { centre: { left: number; right: number } }

/**
 * One row of a Word table: its cells, a cell's paragraphs separated by `\n` (the text of a row
 * pasted from Word), or one cell merged across the table (a ledger's group heading).
 */
export interface DocxTableRow {
  cells: string[]
  merged?: boolean
  font: DocxFont
}

export interface DocxModel {
  title: string
  /** The notice's date (ISO): the file's created and modified dates, never the time of the build. */
  date?: string
  /** Which of title, signature and date the file carries from notice.md rather than from the text. */
  fromFrontmatter: Array<'title' | 'signature' | 'date'>
  blocks: DocxBlock[]
}

/** Characters of 3号 to a line of the text area (GB/T 9704). */
const lineChars = 28
/** 22 pt on the 156 mm measure holds 20 characters, as on the print page. */
const titleWidth = 20

export function docxModel(notice: LoadedNotice, view: NoticeView, formatDate: (iso: string) => string): DocxModel {
  const { document, record } = notice
  const blocks: DocxBlock[] = []
  const fromFrontmatter: DocxModel['fromFrontmatter'] = []
  let table: Extract<DocxBlock, { kind: 'table' }> | undefined
  /** The ledger being written: its rows are findings, a row's further lines (a cell of several paragraphs) go into it. */
  let ledger: { row?: { finding: number; lines: string[] } } | undefined
  /** The lines of each table row, cut into cells once the row is complete. */
  const rowLines = new Map<DocxTableRow, string[]>()
  let signatureText: string | undefined
  let dateText: string | undefined

  // The 版头 as on the print page, only when notice.md names the 红头: without it the file is as it was.
  const header = notice.meta.print?.header
  if (header) {
    const docNumber = record.disclosure?.docNumber?.trim()
    blocks.push({ kind: 'head', header, ...(docNumber ? { docNumber } : {}) })
  }
  if (!document.roles.some((role) => role.kind === 'title')) {
    blocks.push({ kind: 'title', lines: titleLines(record.title) })
    fromFrontmatter.push('title')
  }
  /** The Markdown table being written, and the line of its delimiter row. */
  let gfm: { table: Extract<DocxBlock, { kind: 'table' }>; delimiter: number } | undefined
  const closeTable = (): void => {
    table = undefined
    ledger = undefined
    gfm = undefined
  }
  document.lines.forEach((line, index) => {
    const role = document.roles[index]
    const text = line.text
    // A Markdown table (`| 序号 | 问题 | … |`) written as the reader writes it back: a Word table.
    if (gfm) {
      if (index === gfm.delimiter) return
      if (role && role.kind !== 'blank' && isWrittenBack(text)) {
        gfm.table.rows.push({ cells: gfmCells(text), font: 'fang' })
        return
      }
      closeTable()
    }
    if (
      !table &&
      role &&
      role.kind !== 'blank' &&
      matchTableHeader(text)?.format === 'gfm' &&
      isWrittenBack(text) &&
      document.lines[index + 1]?.text === gfmDelimiterFor(gfmCells(text).length)
    ) {
      table = { kind: 'table', header: true, format: 'gfm', rows: [{ cells: gfmCells(text), font: 'hei' }] }
      blocks.push(table)
      gfm = { table, delimiter: index + 1 }
      return
    }
    const row = ledger?.row
    // A ledger row's further lines are one row of the Word table: a cell of several paragraphs, as Word shows it.
    if (row && role?.kind === 'finding' && role.finding === row.finding && document.findings[role.finding]?.firstLine !== index) {
      row.lines.push(text)
      return
    }
    // Tab-separated rows are a table pasted from Word: they go back into one.
    if (role && role.kind !== 'blank' && text.includes('\t')) {
      if (!table) {
        const header = matchTableHeader(text)?.format === 'tab'
        table = { kind: 'table', header, rows: [] }
        blocks.push(table)
        ledger = header ? {} : undefined
      }
      const lines = [text]
      const tableRow: DocxTableRow = { cells: [], font: table.rows.length === 0 && table.header ? 'hei' : 'fang' }
      table.rows.push(tableRow)
      rowLines.set(tableRow, lines)
      if (ledger) ledger.row = role.kind === 'finding' ? { finding: role.finding, lines } : undefined
      return
    }
    // A group heading of a ledger (`一、…方面` above the next row): a row merged across the table.
    if (table && ledger && role?.kind !== 'blank' && isGroupRow(document, index)) {
      table.rows.push({ cells: [text], merged: true, font: headingFont(document, role) })
      ledger.row = undefined
      return
    }
    closeTable()
    switch (role?.kind) {
      case undefined:
        return
      case 'blank':
        blocks.push({ kind: 'blank' })
        return
      case 'title':
        blocks.push({ kind: 'title', lines: titleLines(text) })
        return
      case 'signature':
        signatureText = text
        blocks.push({ kind: 'signature', text, place: { right: 2 } })
        return
      case 'date':
        dateText = text
        blocks.push({ kind: 'date', text, place: { right: 4 } })
        return
      case 'heading': {
        const heading = document.headings[role.heading]
        const match = matchHeading(text)
        const font = headingFont(document, role)
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

  for (const [tableRow, lines] of rowLines) tableRow.cells = lines.join('\n').split('\t')

  // The 落款 the print page shows from notice.md when the text has none.
  const closing = printClosing(view, record, formatDate)
  if (closing?.signature !== undefined && signatureText === undefined) {
    signatureText = closing.signature
    blocks.push({ kind: 'signature', text: closing.signature, place: { right: 2 } })
    fromFrontmatter.push('signature')
  }
  if (closing?.date !== undefined && dateText === undefined) {
    dateText = closing.date
    blocks.push({ kind: 'date', text: closing.date, place: { right: 4 } })
    fromFrontmatter.push('date')
  }
  placeClosing(blocks, signatureText, dateText, notice.meta.print?.sealed === true)
  return { title: record.title, ...(record.dates.written ? { date: record.dates.written } : {}), fromFrontmatter, blocks }
}

/**
 * The title broken as on the print page, each line cut from the title itself: the white space the
 * print page drops at a break stays at the end of the line before it, so the lines joined give the
 * title back (`n 巡察整改情况公布`).
 */
function titleLines(title: string): string[] {
  const lines = balanceTitle(title, titleWidth)
  const cut: string[] = []
  let at = 0
  for (const [index, line] of lines.entries()) {
    const wanted = line.replace(/\s/gu, '')
    let end = at
    for (let seen = 0; end < title.length && seen < wanted.length; end++) if (!/\s/u.test(title[end] ?? '')) seen++
    if (index === lines.length - 1) end = title.length
    else while (end < title.length && /\s/u.test(title[end] ?? '')) end++
    cut.push(title.slice(at, end))
    at = end
  }
  // The lines as broken when they are not the title's own characters (never, unless the breaking changes a character).
  return cut.every((line, index) => line.replace(/\s/gu, '') === (lines[index] ?? '').replace(/\s/gu, '')) ? cut : lines
}

/** A Markdown table row exactly as it is written back from its cells, so that it comes back from Word unchanged. */
function isWrittenBack(text: string): boolean {
  return isGfmRow(text) && gfmRowFor(gfmCells(text)) === text
}

/** A line without a tab right above a ledger row: the parser reads it as a group heading of the ledger, not as the table's end. */
function isGroupRow(document: LoadedNotice['document'], index: number): boolean {
  const text = document.lines[index]?.text ?? ''
  const next = document.lines[index + 1]?.text
  const nextRole = document.roles[index + 1]
  return text.trim().length > 0 && text.trim().length <= 40 && next?.includes('\t') === true && nextRole?.kind === 'finding'
}

function headingFont(document: LoadedNotice['document'], role: LoadedNotice['document']['roles'][number] | undefined): DocxFont {
  if (role?.kind !== 'heading') return 'fang'
  const scheme = document.headings[role.heading]?.scheme
  return scheme === 'cn' ? 'hei' : scheme === 'cn-paren' ? 'kai' : 'fang'
}

/**
 * The 落款 as on the print page (GB/T 9704 7.3.5). Without a seal (7.3.5.2): the signature ends 2
 * characters from the right and the date's first character stands 2 characters right of the
 * signature's first; a date longer than that ends 2 characters from the right with the signature
 * centred over it. Sealed (7.3.5.1, notice.md `print: { sealed: true }`): the date ends 4 characters
 * from the right with the signature centred over it, unless the signature would then come nearer the
 * edge than 2 characters: then the signature ends 2 from the right and the date is centred under it.
 * A date alone ends 4 characters from the right.
 */
function placeClosing(blocks: DocxBlock[], signature: string | undefined, date: string | undefined, sealed: boolean): void {
  if (signature === undefined || date === undefined) return
  const signatureWidth = textWidth(signature.trim())
  const dateWidth = textWidth(date.trim())
  // Centred on a line that ends `right` characters from the edge and is `width` wide: in a box
  // around that line's centre, a character wider on each side than the longer of the two lines, so
  // that the centred line never wraps (and never past the text area's edge).
  const over = (right: number, width: number, centred: number): ClosingPlace => {
    const centre = right + width / 2
    const half = Math.min(centre, Math.max(width, centred) / 2 + 1)
    return { centre: { left: lineChars - centre - half, right: centre - half } }
  }
  let place: { signature: ClosingPlace; date: ClosingPlace }
  if (!sealed && dateWidth + 2 <= signatureWidth) place = { signature: { right: 2 }, date: { left: lineChars - signatureWidth } }
  else if (!sealed) place = { signature: over(2, dateWidth, signatureWidth), date: { right: 2 } }
  else if (sealedDateRight({ signature, date, dateLonger: false }) > 4) place = { signature: { right: 2 }, date: over(2, signatureWidth, dateWidth) }
  else place = { signature: over(4, dateWidth, signatureWidth), date: { right: 4 } }
  for (const block of blocks) {
    if (block.kind === 'signature') block.place = place.signature
    if (block.kind === 'date') block.place = place.date
  }
}
