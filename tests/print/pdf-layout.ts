/** Reads a PDF's text lines and their boxes with poppler's `pdftotext -bbox-layout`, in millimetres. */
import { execFileSync } from 'node:child_process'

export interface PdfLine {
  text: string
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}

export interface PdfPage {
  number: number
  width: number
  height: number
  lines: PdfLine[]
}

export const ptToMm = (pt: number): number => (pt / 72) * 25.4

const decode = (text: string): string => text.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&#39;/gu, "'").replace(/&amp;/gu, '&')

export function readPdfLayout(file: string): PdfPage[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const pages: PdfPage[] = []
  for (const page of xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/gu)) {
    const lines: PdfLine[] = []
    for (const line of (page[3] ?? '').matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/gu)) {
      const words = [...(line[5] ?? '').matchAll(/<word[^>]*>([^<]*)<\/word>/gu)].map((word) => decode(word[1] ?? ''))
      lines.push({ text: words.join(''), xMin: ptToMm(Number(line[1])), yMin: ptToMm(Number(line[2])), xMax: ptToMm(Number(line[3])), yMax: ptToMm(Number(line[4])) })
    }
    lines.sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)
    pages.push({ number: pages.length + 1, width: ptToMm(Number(page[1])), height: ptToMm(Number(page[2])), lines })
  }
  return pages
}
