/**
 * What Chromium's PDF lacks, added with pdf-lib after printing: the document information a reader's
 * PDF viewer, a portal's search and an archive read (title, issuing body, subject, keywords, the
 * program that made it), the notice's own date instead of the time of printing (so two builds of
 * the same content give the same bytes), and ToUnicode maps that give ideographs, not radicals.
 * Pure: the same bytes and details always give the same PDF.
 */
import { createRequire } from 'node:module'
import type * as PdfLib from 'pdf-lib'
import { repairToUnicode } from './to-unicode.js'

export interface PdfDetails {
  title: string
  author?: string
  subject?: string
  keywords: string[]
  /** The notice's date (ISO); without one a fixed 2000-01-01 stands in. */
  date?: string
}

/** Named as the program that laid the document out; Chromium stays the Producer. */
export const pdfCreator = 'notice-press（巡察整改通报发布工具）'

function fixedDate(isoDate: string | undefined): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(isoDate ?? '')
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : new Date(Date.UTC(2000, 0, 1))
}

let pdfLib: typeof PdfLib | undefined
/** Required when the first PDF is finished: a build without --pdf never loads it (nor does the bundle carry it). */
function loadPdfLib(): typeof PdfLib {
  pdfLib ??= createRequire(import.meta.url)('pdf-lib') as typeof PdfLib
  return pdfLib
}

export async function finishPdf(pdf: Uint8Array, details: PdfDetails): Promise<Uint8Array> {
  const { PDFDocument, PDFDict, PDFName, PDFRawStream, decodePDFRawStream } = loadPdfLib()
  const document = await PDFDocument.load(pdf, { updateMetadata: false })
  const context = document.context
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue
    const ref = object.get(PDFName.of('ToUnicode'))
    const stream = ref ? context.lookup(ref) : undefined
    if (!ref || !(stream instanceof PDFRawStream)) continue
    const text = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1')
    const repaired = repairToUnicode(text)
    if (repaired !== text) context.assign(ref as PdfLib.PDFRef, context.flateStream(Buffer.from(repaired, 'latin1')))
  }
  document.setTitle(details.title, { showInWindowTitleBar: true })
  if (details.author) document.setAuthor(details.author)
  if (details.subject) document.setSubject(details.subject)
  if (details.keywords.length > 0) document.setKeywords(details.keywords)
  document.setCreator(pdfCreator)
  const date = fixedDate(details.date)
  document.setCreationDate(date)
  document.setModificationDate(date)
  return document.save({ useObjectStreams: false, updateFieldAppearances: false })
}
