/**
 * A .docx as the text the text importer reads: its lines as Word shows them (body.ts), the title
 * found by how it looks (the largest centred paragraph before the body), and what notice-press's own
 * export put in the document from notice.md (title, signature, date, 红头 and 发文字号) handed back to notice.md.
 */
import { exportProperty, frontmatterProperty, styleIds } from '../../render/docx/markers.js'
import { isTitleLine, matchDateLine, matchHeading } from '../../structure/classify.js'
import { readBody, type DocxLine } from './body.js'
import { openDocx } from './package.js'

export interface DocxText {
  lines: DocxLine[]
  /** Values for notice.md that are not lines of the text. */
  frontmatter: { title?: string; signature?: string; dates?: { written: string }; print?: { header: string }; disclosure?: { docNumber: string } }
  /** Where the title came from: a line of the text, notice.md's field, or none found. */
  title?: { text: string; as: 'line' | 'frontmatter' }
}

export type DocxReadOutcome = { ok: true; text: DocxText } | { ok: false; message: string }

export function readDocx(bytes: Uint8Array): DocxReadOutcome {
  const opened = openDocx(bytes)
  if (!opened.ok) return opened
  const exported = opened.parts.customProperties[exportProperty] !== undefined
  // notice-press's own export: its tables end where the text's rows ended, with no line after them.
  const all = readBody(opened.parts, { exported })
  const marked = new Set((opened.parts.customProperties[frontmatterProperty] ?? '').split(/\s+/u).filter(Boolean))
  const frontmatter: DocxText['frontmatter'] = {}
  let lines = all.filter((line) => {
    // The 版头 of notice-press's export is notice.md's print.header and disclosure.docNumber, never a line of the text.
    if (exported && line.style === styleIds.issuer) {
      frontmatter.print = { header: line.text.trim() }
      return false
    }
    if (exported && line.style === styleIds.docNumber) {
      frontmatter.disclosure = { docNumber: line.text.trim() }
      return false
    }
    if (line.style === styleIds.signature && marked.has('signature')) {
      frontmatter.signature = line.text.trim()
      return false
    }
    if (line.style === styleIds.date && marked.has('date')) {
      const date = matchDateLine(line.text)
      if (!date) return true
      frontmatter.dates = { written: `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}` }
      return false
    }
    return true
  })
  const found = findTitle(lines)
  let title: DocxText['title']
  if (found) {
    const exported = lines[found.indices[0] ?? -1]?.style === styleIds.title
    // An exported title's lines are cut from the title, spaces included; another file's title lines are trimmed and joined.
    const text = found.indices.map((index) => (exported ? lines[index]?.text : lines[index]?.text.trim()) ?? '').join('')
    const first = lines.findIndex((line) => line.text.trim().length > 0)
    // The text importer takes a title line only as the first line of the text; an exported title
    // says itself whether it was a line of the notice or notice.md's title.
    const asLine = exported ? !marked.has('title') : found.indices[0] === first && isTitleLine(text)
    const [head = 0] = found.indices
    const joined: DocxLine = { ...(lines[head] as DocxLine), text }
    lines = [...lines.slice(0, head), ...(asLine ? [joined] : []), ...lines.slice(head + found.indices.length)]
    if (!asLine) frontmatter.title = text
    title = { text, as: asLine ? 'line' : 'frontmatter' }
  }
  return { ok: true, text: { lines, frontmatter, ...(title ? { title } : {}) } }
}

/**
 * The largest centred paragraph before the body (the first numbered or heading paragraph, or the
 * first table), with the centred paragraphs of the same size right after it: a title set over two lines.
 */
function findTitle(lines: readonly DocxLine[]): { indices: number[] } | undefined {
  let best: number | undefined
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as DocxLine
    if (line.from !== 'paragraph' && line.from !== 'textbox') break
    if (line.numbering !== undefined || (line.text.trim() && matchHeading(line.text))) break
    if (line.continues || line.from !== 'paragraph' || line.align !== 'center' || !line.text.trim()) continue
    if (best === undefined || (line.size ?? 0) > (lines[best]?.size ?? 0)) best = index
  }
  if (best === undefined) return undefined
  const indices = [best]
  for (let index = best + 1; index < lines.length; index++) {
    const line = lines[index] as DocxLine
    const continues = line.continues && line.from === 'paragraph'
    const sameLook = line.from === 'paragraph' && line.align === 'center' && line.size === lines[best]?.size && line.text.trim() && line.numbering === undefined
    if (!continues && !sameLook) break
    indices.push(index)
  }
  return { indices }
}
