/**
 * A Word file in, content files out: the .docx read as the lines Word shows, then the same import
 * as for text (one structure reader, the same round-trip proof), with an account of where each
 * line came from in the document.
 */
import { importText, type ImportOptions, type ImportOutcome } from '../import.js'
import type { LineSource } from './body.js'
import { readDocx, type DocxText } from './read.js'

export interface LineOrigin {
  /** 1-based line of the imported text (notice.txt). */
  line: number
  from: LineSource
  numbering?: string
  /** A bold label at the start of the paragraph; `colonAdded` when the colon was not in the document. */
  label?: string
  colonAdded?: boolean
  /** After a line break in the same paragraph, or a further paragraph of a table cell. */
  continues?: boolean
  mergedRow?: boolean
}

export interface DocxReport {
  from: 'docx'
  title?: DocxText['title']
  /** Lines that are more than a plain paragraph: numbered, in a table, a note, a text box, a bold label. */
  origins: LineOrigin[]
  counts: { lines: number; numbered: number; tableRows: number; notes: number; textBoxLines: number; boldLabels: number }
}

/** The text import's outcome, with the account of the Word file when it could be read (line 0: it could not be opened). */
export type DocxImportOutcome = ImportOutcome & { docx?: DocxReport }

export function importDocx(bytes: Uint8Array, id: string, options: ImportOptions = {}): DocxImportOutcome {
  const read = readDocx(bytes)
  if (!read.ok) return { ok: false, line: 0, message: read.message }
  const { lines, frontmatter } = read.text
  const text = lines.length === 0 ? '' : `${lines.map((line) => line.text).join('\n')}\n`
  const docx = reportOf(read.text)
  const outcome = importText(text, id, { ...options, frontmatter: { ...frontmatter, ...options.frontmatter } })
  return { ...outcome, docx }
}

/** The text a .docx imports as, for tests and for `notice import --format json`'s account. */
export function docxText(bytes: Uint8Array): { ok: true; text: string; report: DocxReport } | { ok: false; message: string } {
  const read = readDocx(bytes)
  if (!read.ok) return read
  return { ok: true, text: read.text.lines.map((line) => line.text).join('\n'), report: reportOf(read.text) }
}

function reportOf(text: DocxText): DocxReport {
  const origins: LineOrigin[] = []
  text.lines.forEach((line, index) => {
    const notable = line.from !== 'paragraph' || line.numbering !== undefined || line.boldLabel || line.continues
    if (!notable) return
    origins.push({
      line: index + 1,
      from: line.from,
      ...(line.numbering !== undefined ? { numbering: line.numbering } : {}),
      ...(line.boldLabel ? { label: line.boldLabel.label, ...(line.boldLabel.colonAdded ? { colonAdded: true } : {}) } : {}),
      ...(line.continues ? { continues: true } : {}),
      ...(line.mergedRow ? { mergedRow: true } : {})
    })
  })
  const count = (test: (line: DocxText['lines'][number]) => boolean): number => text.lines.filter(test).length
  return {
    from: 'docx',
    ...(text.title ? { title: text.title } : {}),
    origins,
    counts: {
      lines: text.lines.length,
      numbered: count((line) => line.numbering !== undefined),
      tableRows: count((line) => line.from === 'table' && !line.continues),
      notes: count((line) => (line.from === 'footnote' || line.from === 'endnote') && !line.continues),
      textBoxLines: count((line) => line.from === 'textbox'),
      boldLabels: count((line) => line.boldLabel !== undefined)
    }
  }
}
