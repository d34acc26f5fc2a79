/**
 * Reads a PDF's text lines with pdf.js, in millimetres from the page's top left: each line's text,
 * its left and right ends and its baseline. Baselines, not glyph boxes: the boxes poppler reports
 * come from each embedded font's bounding box, which differs between the Type 3 subsets of one face.
 */
import { readFileSync } from 'node:fs'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

export interface PdfLine {
  text: string
  xMin: number
  xMax: number
  /** The baseline, from the top of the page. */
  baseline: number
  /** The font size of the line's largest text. */
  size: number
}

export interface PdfPage {
  number: number
  width: number
  height: number
  lines: PdfLine[]
}

export const ptToMm = (pt: number): number => (pt / 72) * 25.4

export async function readPdfLayout(file: string): Promise<PdfPage[]> {
  const document = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise
  const pages: PdfPage[] = []
  try {
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number)
      const [, , width = 0, height = 0] = page.view
      const { items } = await page.getTextContent()
      // Items on one baseline (to a hundredth of a point) make one line.
      const byBaseline = new Map<number, Array<{ x: number; right: number; text: string; size: number }>>()
      for (const item of items) {
        if (!('str' in item) || item.str.trim() === '') continue
        const [scaleX = 0, , , scaleY = 0, x = 0, y = 0] = item.transform as number[]
        const key = Math.round((height - y) * 100) / 100
        const line = byBaseline.get(key) ?? []
        line.push({ x, right: x + item.width, text: item.str, size: Math.max(Math.abs(scaleX), Math.abs(scaleY)) })
        byBaseline.set(key, line)
      }
      const lines: PdfLine[] = [...byBaseline].map(([baseline, parts]) => {
        parts.sort((a, b) => a.x - b.x)
        return {
          text: parts.map((part) => part.text).join('').replace(/\s+/gu, ''),
          xMin: ptToMm(Math.min(...parts.map((part) => part.x))),
          xMax: ptToMm(Math.max(...parts.map((part) => part.right))),
          baseline: ptToMm(baseline),
          size: Math.max(...parts.map((part) => part.size))
        }
      })
      lines.sort((a, b) => a.baseline - b.baseline || a.xMin - b.xMin)
      pages.push({ number, width: ptToMm(width), height: ptToMm(height), lines })
    }
  } finally {
    await document.destroy()
  }
  return pages
}
