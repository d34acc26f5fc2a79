/**
 * Reads a PDF's text lines with pdf.js, in millimetres from the page's top left: each line's text,
 * its left and right ends and its baseline. Baselines, not glyph boxes: the boxes poppler reports
 * come from each embedded font's bounding box, which differs between the Type 3 subsets of one face.
 */
import { readFileSync } from 'node:fs'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { expect } from 'vitest'

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
          text: parts
            .map((part) => part.text)
            .join('')
            .replace(/\s+/gu, ''),
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

export const near = (value: number, target: number, tolerance: number): boolean => Math.abs(value - target) <= tolerance

/**
 * GB/T 9704's text block, line by line: every body line starts at the left edge or two characters
 * in, and a line followed by a continuation line (flush left) is a full line that reaches the
 * measure, past it by at most `overhang(line)` mm. Returns the number of full lines seen.
 */
export function expectLinesInTextBlock(
  lines: readonly PdfLine[],
  block: { left: number; right: number; char: number },
  overhang: (line: PdfLine) => number
): number {
  const { left, right, char } = block
  let fullLines = 0
  for (const [index, line] of lines.entries()) {
    const flush = near(line.xMin, left, 1)
    const indented = near(line.xMin, left + 2 * char, 1)
    expect(flush || indented, `line starts at ${line.xMin.toFixed(2)} mm: ${line.text}`).toBe(true)
    const next = lines[index + 1]
    if (next && near(next.xMin, left, 1)) {
      fullLines++
      expect(line.xMax, `full line ends at ${line.xMax.toFixed(2)} mm: ${line.text}`).toBeGreaterThan(right - 1)
      expect(line.xMax, `full line ends at ${line.xMax.toFixed(2)} mm: ${line.text}`).toBeLessThan(right + overhang(line))
    }
  }
  return fullLines
}
