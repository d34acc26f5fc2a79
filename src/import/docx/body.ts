/**
 * The body of a .docx as the lines of text Word shows, in reading order: a paragraph is a line
 * (a line break inside it starts another) with its automatic number drawn before it; a table row
 * is tab-separated cells, a cell of several paragraphs going on over the next lines (as Word copies
 * a table as text), a row merged across all columns a line of its own; a text box's paragraphs follow the paragraph they
 * are anchored in; footnote and endnote references are `[n]`, the notes themselves come last.
 */
import { styleIds } from '../../render/docx/markers.js'
import { labelAliases } from '../../model/vocabulary.js'
import { gfmDelimiterFor, gfmRowFor } from '../../structure/table.js'
import { NumberingCounter, readNumbering } from './numbering.js'
import type { DocxPackage } from './package.js'
import { lookOf, readStyles, type ParagraphLook, type Styles } from './styles.js'
import { elementChildren, wAttr, wChild, wChildren, wNumber, wToggle, wVal, type Element } from './xml.js'
import { wNs } from './package.js'

const mcNs = 'http://schemas.openxmlformats.org/markup-compatibility/2006'

export type LineSource = 'paragraph' | 'table' | 'footnote' | 'endnote' | 'textbox'

export interface DocxLine {
  text: string
  from: LineSource
  /** The automatic number Word draws before the text, as drawn (`一、`, `（二）`). */
  numbering?: string
  /** Continues the paragraph or cell of the line before it, after a line break or a paragraph end in a cell. */
  continues?: boolean
  /** A table row merged across all its columns. */
  mergedRow?: boolean
  /** The paragraph starts with a label set in bold (`问题内容：`); `colonAdded` when Word shows it without one. */
  boldLabel?: { label: string; colonAdded: boolean }
  /** The paragraph style, and how the paragraph looks: for the title and the exporter's own paragraphs. */
  style?: string
  align?: string
  /** Largest font size in the paragraph, in half-points. */
  size?: number
}

interface Paragraph {
  /** Text split at line breaks. */
  segments: string[]
  numbering?: string
  boldLead: string
  look: ParagraphLook
  style?: string
  size: number
  /** Paragraphs of text boxes anchored in this paragraph. */
  boxes: Paragraph[]
}

interface Note {
  kind: 'footnote' | 'endnote'
  mark: string
  paragraphs: Paragraph[]
}

/**
 * A table that a paragraph follows ends with an empty line (the space Word shows there), so that the
 * paragraph is not read as the table's last cell going on. Not in notice-press's own files
 * (`exported`), whose text had no such line, and whose Markdown tables come back as Markdown.
 */
export function readBody(parts: DocxPackage, options: { exported: boolean } = { exported: false }): DocxLine[] {
  const styles = readStyles(parts.styles)
  const counter = new NumberingCounter(readNumbering(parts.numbering))
  const notes: Note[] = []
  const noteIds = { footnote: indexNotes(parts.footnotes, 'footnote'), endnote: indexNotes(parts.endnotes, 'endnote') }
  const lines: DocxLine[] = []
  const reader = { styles, counter, notes, noteIds, exported: options.exported }

  const body = wChild(parts.document, 'body')
  if (body) {
    let afterTable = false
    for (const block of blockElements(body)) {
      const marker = afterTable && !options.exported && block.localName === 'p' ? lines.push({ text: '', from: 'paragraph' }) - 1 : -1
      readBlock(block, reader, lines, 'paragraph')
      // A paragraph that is itself empty already ends the table.
      if (marker >= 0 && !lines[marker + 1]?.text.trim()) lines.splice(marker, 1)
      afterTable = block.localName === 'tbl'
    }
  }

  // Notes are numbered in the order their references appear, and their own paragraphs may refer to
  // further notes: a queue, read until empty.
  for (let index = 0; index < notes.length; index++) {
    const note = notes[index] as Note
    note.paragraphs.forEach((paragraph, number) => {
      const [first = '', ...rest] = paragraph.segments
      const from = note.kind
      lines.push({ text: number === 0 ? `${note.mark}${first.trimStart()}` : first, from, ...(number > 0 ? { continues: true } : {}) })
      for (const segment of rest) lines.push({ text: segment, from, continues: true })
    })
  }
  return lines
}

interface Reader {
  styles: Styles
  counter: NumberingCounter
  notes: Note[]
  noteIds: Record<'footnote' | 'endnote', Map<string, Element>>
  exported: boolean
}

/** Paragraphs and tables, looking through content controls and custom XML that wrap them. */
function blockElements(container: Element): Element[] {
  const out: Element[] = []
  for (const child of elementChildren(container)) {
    if (child.namespaceURI !== wNs) continue
    if (child.localName === 'p' || child.localName === 'tbl') out.push(child)
    else if (child.localName === 'sdt') out.push(...blockElements(wChild(child, 'sdtContent') ?? child))
    else if (child.localName === 'customXml' || child.localName === 'ins' || child.localName === 'moveTo') out.push(...blockElements(child))
  }
  return out
}

function readBlock(block: Element, reader: Reader, lines: DocxLine[], from: LineSource): void {
  if (block.localName === 'tbl') readTable(block, reader, lines)
  else pushParagraph(readParagraph(block, reader), lines, from)
}

function pushParagraph(paragraph: Paragraph, lines: DocxLine[], from: LineSource): void {
  const [first = '', ...rest] = paragraph.segments
  // A paragraph that only anchors text boxes shows their text, not an empty line of its own.
  if (paragraph.boxes.length > 0 && paragraph.numbering === undefined && paragraph.segments.every((segment) => !segment.trim())) {
    for (const box of paragraph.boxes) pushParagraph(box, lines, 'textbox')
    return
  }
  const line: DocxLine = { text: (paragraph.numbering ?? '') + first, from, size: paragraph.size }
  if (paragraph.numbering !== undefined) line.numbering = paragraph.numbering
  if (paragraph.style) line.style = paragraph.style
  if (paragraph.look.align) line.align = paragraph.look.align
  const label = boldLabel(paragraph.boldLead, first)
  if (label) {
    line.boldLabel = label
    if (label.colonAdded) line.text = `${(paragraph.numbering ?? '') + first.slice(0, label.label.length)}：${first.slice(label.label.length)}`
  }
  lines.push(line)
  for (const segment of rest) lines.push({ text: segment, from, continues: true })
  for (const box of paragraph.boxes) pushParagraph(box, lines, 'textbox')
}

/** A label written in bold at the start of a paragraph: `问题内容：`, or `问题内容` with the colon left to the bold. */
function boldLabel(boldLead: string, text: string): DocxLine['boldLabel'] {
  const lead = boldLead.trim()
  if (!lead) return undefined
  const word = lead.replace(/[:：]$/u, '').replace(/^[【[]|[】\]]$/gu, '')
  if (!(word in labelAliases)) return undefined
  const start = text.indexOf(lead)
  if (start === -1 || text.slice(0, start).trim()) return undefined
  const after = text.slice(start + lead.length)
  const hasColon = /[:：]$/u.test(lead) || /^\s*[:：]/u.test(after)
  return { label: text.slice(0, start + lead.length), colonAdded: !hasColon }
}

function readParagraph(element: Element, reader: Reader): Paragraph {
  const properties = wChild(element, 'pPr')
  const style = wVal(properties, 'pStyle')
  const own = lookOf(properties, wChild(properties, 'rPr'))
  const inherited = reader.styles.look(style)
  const look: ParagraphLook = { ...inherited, ...own }
  // A paragraph's own numPr may give the level alone, taking the list from its style.
  const numId = own.numId ?? inherited.numId
  const paragraph: Paragraph = { segments: [''], boldLead: '', look, size: 0, boxes: [], ...(style ? { style } : {}) }
  if (numId !== undefined && numId !== '0') {
    const ilvl = own.ilvl ?? reader.counter.levelForStyle(numId, style) ?? inherited.ilvl ?? 0
    const number = reader.counter.next(numId, ilvl)
    if (number) paragraph.numbering = number.text
  }
  const state: RunState = { fields: [], leadOpen: true }
  readInline(element, reader, paragraph, state, look.size ?? reader.styles.defaultSize, look.bold ?? false)
  if (paragraph.size === 0) paragraph.size = look.size ?? reader.styles.defaultSize
  return paragraph
}

interface RunState {
  /** Open fields: 'code' until `separate`, then 'result' (what Word shows) until `end`. */
  fields: Array<'code' | 'result'>
  /** Still inside the bold runs that open the paragraph. */
  leadOpen: boolean
}

function append(paragraph: Paragraph, text: string, bold: boolean, state: RunState): void {
  if (text.length === 0) return
  const last = paragraph.segments.length - 1
  paragraph.segments[last] = (paragraph.segments[last] ?? '') + text
  if (state.leadOpen) {
    if (bold) paragraph.boldLead += text
    else if (text.trim()) state.leadOpen = false
    else paragraph.boldLead += text
  }
}

function readInline(container: Element, reader: Reader, paragraph: Paragraph, state: RunState, paragraphSize: number, paragraphBold: boolean): void {
  for (const child of elementChildren(container)) {
    if (child.namespaceURI === mcNs && child.localName === 'AlternateContent') {
      // Word writes a drawing twice (a choice and a fallback for older readers): read the first only.
      const choice = elementChildren(child)[0]
      if (choice) readInline(choice, reader, paragraph, state, paragraphSize, paragraphBold)
      continue
    }
    if (child.namespaceURI !== wNs) continue
    switch (child.localName) {
      case 'r':
        readRun(child, reader, paragraph, state, paragraphSize, paragraphBold)
        break
      case 'hyperlink':
      case 'ins':
      case 'moveTo':
      case 'smartTag':
      case 'customXml':
      case 'fldSimple':
      case 'dir':
      case 'bdo':
        readInline(child, reader, paragraph, state, paragraphSize, paragraphBold)
        break
      case 'sdt':
        readInline(wChild(child, 'sdtContent') ?? child, reader, paragraph, state, paragraphSize, paragraphBold)
        break
      case 'pict':
        // Some writers put a VML text box straight in the paragraph rather than in a run.
        readBoxes(child, reader, paragraph)
        break
      default:
        break
    }
  }
}

function readRun(run: Element, reader: Reader, paragraph: Paragraph, state: RunState, paragraphSize: number, paragraphBold: boolean): void {
  const properties = wChild(run, 'rPr')
  const bold = wToggle(properties, 'b') ?? paragraphBold
  const size = wNumber(properties, 'sz') ?? paragraphSize
  const hidden = wToggle(properties, 'vanish') === true
  const inCode = state.fields.includes('code')
  for (const child of elementChildren(run)) {
    if (child.namespaceURI === mcNs && child.localName === 'AlternateContent') {
      const choice = elementChildren(child)[0]
      if (choice) readBoxes(choice, reader, paragraph)
      continue
    }
    if (child.namespaceURI !== wNs) {
      continue
    }
    switch (child.localName) {
      case 'fldChar': {
        const type = wAttr(child, 'fldCharType')
        if (type === 'begin') state.fields.push('code')
        else if (type === 'separate' && state.fields.length > 0) state.fields[state.fields.length - 1] = 'result'
        else if (type === 'end') state.fields.pop()
        break
      }
      case 't':
        if (!inCode && !state.fields.includes('code') && !hidden) {
          append(paragraph, child.textContent ?? '', bold, state)
          if ((child.textContent ?? '').length > 0) paragraph.size = Math.max(paragraph.size, size)
        }
        break
      case 'tab':
        if (!state.fields.includes('code') && !hidden) append(paragraph, '\t', bold, state)
        break
      case 'br':
      case 'cr': {
        const type = wAttr(child, 'type')
        if (type === 'page' || type === 'column' || state.fields.includes('code') || hidden) break
        paragraph.segments.push('')
        state.leadOpen = false
        break
      }
      case 'noBreakHyphen':
        append(paragraph, '-', bold, state)
        break
      case 'sym': {
        const code = Number.parseInt(wAttr(child, 'char') ?? '', 16)
        // Symbol-font characters sit in the private use area (F0xx): their ASCII twin is what a reader sees.
        if (Number.isFinite(code)) append(paragraph, String.fromCodePoint(code >= 0xf020 && code <= 0xf0ff ? code - 0xf000 : code), bold, state)
        break
      }
      case 'footnoteReference':
      case 'endnoteReference': {
        const kind = child.localName === 'footnoteReference' ? 'footnote' : 'endnote'
        const note = reader.noteIds[kind].get(wAttr(child, 'id') ?? '')
        if (!note) break
        const mark = `[${reader.notes.length + 1}]`
        append(paragraph, mark, bold, state)
        reader.notes.push({
          kind,
          mark,
          paragraphs: blockElements(note)
            .filter((block) => block.localName === 'p')
            .map((block) => readParagraph(block, reader))
        })
        break
      }
      case 'drawing':
      case 'pict':
      case 'object':
        readBoxes(child, reader, paragraph)
        break
      default:
        break
    }
  }
}

/** Text boxes inside a drawing: their paragraphs, read as paragraphs of their own. */
function readBoxes(element: Element, reader: Reader, paragraph: Paragraph): void {
  const contents = Array.from(element.getElementsByTagNameNS(wNs, 'txbxContent'))
  for (const content of contents) {
    // A text box inside a text box is read with its outer box.
    if (contents.some((outer) => outer !== content && isAncestor(outer, content))) continue
    for (const block of blockElements(content)) {
      if (block.localName === 'p') paragraph.boxes.push(readParagraph(block, reader))
      else {
        const lines: DocxLine[] = []
        readTable(block, reader, lines)
        for (const line of lines) paragraph.boxes.push({ segments: [line.text], boldLead: '', look: {}, size: 0, boxes: [] })
      }
    }
  }
}

function isAncestor(ancestor: Element, node: Element): boolean {
  for (let parent = node.parentNode; parent; parent = parent.parentNode) if (parent === ancestor) return true
  return false
}

function indexNotes(root: Element | undefined, name: 'footnote' | 'endnote'): Map<string, Element> {
  const notes = new Map<string, Element>()
  if (!root) return notes
  for (const note of wChildren(root, name)) {
    const type = wAttr(note, 'type')
    // Separators and continuation notices are Word's furniture, not notes.
    if (type && type !== 'normal') continue
    const id = wAttr(note, 'id')
    if (id !== undefined) notes.set(id, note)
  }
  return notes
}

interface Cell {
  paragraphs: string[]
  span: number
  /** `continue` cells show the cell above them. */
  merge?: 'restart' | 'continue'
}

function readTable(table: Element, reader: Reader, lines: DocxLine[]): void {
  if (reader.exported && wVal(wChild(table, 'tblPr'), 'tblStyle') === styleIds.gfmTable) {
    readMarkdownTable(table, reader, lines)
    return
  }
  const grid = wChildren(wChild(table, 'tblGrid') ?? table, 'gridCol').length
  /** The text of the cell above, by grid column, for vertically merged cells. */
  let above: Array<string[] | undefined> = []
  for (const row of wChildren(table, 'tr')) {
    const before = wNumber(wChild(row, 'trPr'), 'gridBefore') ?? 0
    const cells: Cell[] = []
    for (const element of cellsOf(row)) {
      const properties = wChild(element, 'tcPr')
      const span = Math.max(1, wNumber(properties, 'gridSpan') ?? 1)
      const mergeElement = wChild(properties, 'vMerge')
      const merge = mergeElement ? (wAttr(mergeElement, 'val') === 'restart' ? 'restart' : 'continue') : undefined
      const paragraphs: string[] = []
      for (const block of blockElements(element)) {
        if (block.localName === 'p') {
          const paragraph = readParagraph(block, reader)
          paragraphs.push(...paragraph.segments.map((segment, index) => (index === 0 ? (paragraph.numbering ?? '') : '') + segment))
          for (const box of paragraph.boxes) paragraphs.push(...box.segments)
        } else {
          const nested: DocxLine[] = []
          readTable(block, reader, nested)
          paragraphs.push(...nested.map((line) => line.text))
        }
      }
      cells.push({ paragraphs: paragraphs.map((text) => text.replace(/\t/gu, ' ')), span, ...(merge ? { merge } : {}) })
    }
    const next: Array<string[] | undefined> = []
    let column = before
    const shown: string[][] = []
    for (const cell of cells) {
      // A vertically merged cell shows, on every row it covers, what the first row of it holds: one field per row.
      const paragraphs = cell.merge === 'continue' ? (above[column] ?? []) : cell.paragraphs
      next[column] = paragraphs
      shown.push(paragraphs)
      for (let extra = 1; extra < cell.span; extra++) shown.push([])
      column += cell.span
    }
    above = next
    const width = Math.max(grid, column)
    if (cells.length === 1 && (cells[0]?.span ?? 1) >= width && width > 1) {
      const [first = '', ...rest] = (shown[0] ?? []).filter((text, index) => index === 0 || text.trim())
      lines.push({ text: first, from: 'table', mergedRow: true })
      for (const text of rest) lines.push({ text, from: 'table', continues: true })
      continue
    }
    // The row as Word copies it as text: cells by tabs, a cell's paragraphs by line breaks, so a
    // cell's second paragraph stays in its column (`1\t问题\t措施一` / `措施二\t办公室\t已完成`).
    const leading = Array.from({ length: before }, () => '')
    const cellTexts = shown.map((paragraphs) => {
      const written = paragraphs.filter((text) => text.trim())
      return written.length > 0 ? written.join('\n') : (paragraphs[0] ?? '')
    })
    const [first = '', ...rest] = [...leading, ...cellTexts].join('\t').split('\n')
    lines.push({ text: first, from: 'table' })
    for (const text of rest) lines.push({ text, from: 'table', continues: true })
  }
}

/** An exported Markdown table: its header row, the delimiter row, and a `| … |` line per row, as the text had them. */
function readMarkdownTable(table: Element, reader: Reader, lines: DocxLine[]): void {
  wChildren(table, 'tr').forEach((row, index) => {
    const cells = cellsOf(row).map((cell) =>
      blockElements(cell)
        .filter((block) => block.localName === 'p')
        .map((block) => readParagraph(block, reader).segments.join(''))
        .join('')
    )
    lines.push({ text: gfmRowFor(cells), from: 'table' })
    if (index === 0) lines.push({ text: gfmDelimiterFor(cells.length), from: 'table', continues: true })
  })
}

function cellsOf(row: Element): Element[] {
  const out: Element[] = []
  for (const child of elementChildren(row)) {
    if (child.namespaceURI !== wNs) continue
    if (child.localName === 'tc') out.push(child)
    else if (child.localName === 'sdt') out.push(...cellsOf(wChild(child, 'sdtContent') ?? child))
    else if (child.localName === 'customXml') out.push(...cellsOf(child))
  }
  return out
}
