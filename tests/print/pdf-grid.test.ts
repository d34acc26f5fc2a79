/**
 * The seed's PDF, measured from the PDF itself (pdftotext -bbox-layout): A4, the 28 mm left
 * margin and 156 mm measure, 22 lines a page at a 225/22 mm pitch, and `— N —` page numbers.
 */
import { readFileSync, rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readPdfLayout, type PdfLine, type PdfPage } from './pdf-layout.js'
import { buildSeed, type SeedBuild } from './seed-build.js'

const left = 28
const measure = 156
const right = left + measure
const char = measure / 28
const pitchMm = 225 / 22
const bodyBottom = 37 + 225
const headingPattern = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[、.．]|[（(]\d+[）)]|[一二三四五六七八九十]+是)/u

let build: SeedBuild
let pages: PdfPage[]
const title = '县产业聚集区管委会巡察整改情况公布'

beforeAll(() => {
  build = buildSeed({ pdf: true })
  pages = readPdfLayout(build.pdf)
})
afterAll(() => rmSync(build.dir, { recursive: true, force: true }))

const bodyLines = (page: PdfPage): PdfLine[] => page.lines.filter((line) => line.yMin < bodyBottom && line.text !== title)
const near = (value: number, target: number, tolerance: number): boolean => Math.abs(value - target) <= tolerance

describe('the seed PDF', () => {
  it('carries no build time: its dates are the notice\'s (the seed has none: a fixed 2000-01-01)', () => {
    const text = readFileSync(build.pdf).toString('latin1')
    expect(text.match(/\/(?:CreationDate|ModDate) \(D:\d{14}/gu)).toEqual(['/CreationDate (D:20000101000000', '/ModDate (D:20000101000000'])
  })

  it('is A4 on every page and has several pages', () => {
    expect(pages.length).toBeGreaterThan(5)
    for (const page of pages) {
      expect(page.width).toBeCloseTo(210, 0)
      expect(page.height).toBeCloseTo(297, 0)
    }
  })

  it('starts every body line 28 mm from the left (or 2 characters in) and ends full lines at the 156 mm measure', () => {
    const all = pages.flatMap(bodyLines)
    let continuations = 0
    for (const [index, line] of all.entries()) {
      const flush = near(line.xMin, left, 1)
      const indented = near(line.xMin, left + 2 * char, 1)
      expect(flush || indented, `line starts at ${line.xMin.toFixed(2)} mm: ${line.text}`).toBe(true)
      const next = all[index + 1]
      // A line followed by a continuation line (flush left) is a full line: it reaches the measure.
      if (next && near(next.xMin, left, 1)) {
        continuations++
        expect(line.xMax, `full line ends at ${line.xMax.toFixed(2)} mm: ${line.text}`).toBeGreaterThan(right - 1)
        expect(line.xMax).toBeLessThan(right + 1)
      }
    }
    expect(continuations).toBeGreaterThan(200)
  })

  it('sets lines 225/22 mm apart, 22 to a full page, a page one line short only before a heading', () => {
    // Every page after the first starts its body on the first line of the grid.
    const firstLineTop = bodyLines(pages[1] as PdfPage)[0]?.yMin ?? 0
    for (const page of pages.slice(1)) expect(bodyLines(page)[0]?.yMin).toBeCloseTo(firstLineTop, 1)

    const pitches: number[] = []
    for (const [index, page] of pages.entries()) {
      const lines = bodyLines(page)
      for (let line = 1; line < lines.length; line++) pitches.push((lines[line]?.yMin ?? 0) - (lines[line - 1]?.yMin ?? 0))
      for (const [slot, line] of lines.entries()) {
        // Each line sits on its grid line to within one CSS pixel (0.26 mm): no drift down the page.
        const slotOnGrid = Math.round((line.yMin - firstLineTop) / pitchMm)
        expect(Math.abs(line.yMin - firstLineTop - slotOnGrid * pitchMm)).toBeLessThan(0.27)
        if (index > 0) expect(slotOnGrid).toBe(slot)
      }
      const last = lines.at(-1) as PdfLine
      const used = Math.round((last.yMin - firstLineTop) / pitchMm) + 1
      expect(used).toBeLessThanOrEqual(22)
      if (index === pages.length - 1) continue
      if (used < 22) {
        expect(used, `page ${index + 1} ends ${22 - used} lines short`).toBe(21)
        const nextFirst = bodyLines(pages[index + 1] as PdfPage)[0]
        expect(nextFirst?.text, `page ${index + 1} is short but page ${index + 2} does not start with a heading`).toMatch(headingPattern)
      }
    }
    const mean = pitches.reduce((sum, value) => sum + value, 0) / pitches.length
    expect(mean).toBeCloseTo(pitchMm, 2)
    for (const pitch of pitches) expect(Math.abs(pitch - pitchMm)).toBeLessThan(0.27)
    // The first page holds the title, an empty line and the body: 22 lines when it is full.
    const firstBody = bodyLines(pages[0] as PdfPage)
    const firstUsed = Math.round(((firstBody.at(-1) as PdfLine).yMin - firstLineTop) / pitchMm) + 1
    expect(firstUsed).toBeGreaterThanOrEqual(21)
    expect(firstUsed).toBeLessThanOrEqual(22)
    if (firstUsed < 22) expect(bodyLines(pages[1] as PdfPage)[0]?.text).toMatch(headingPattern)
    // Its body starts on the third line of the grid, under the title and one empty line.
    expect(Math.round(((firstBody[0] as PdfLine).yMin - firstLineTop) / pitchMm)).toBe(2)
  })

  it('carries — N — on every page, 7 mm below the 版心, right on odd pages and left on even pages', () => {
    for (const page of pages) {
      const footer = page.lines.filter((line) => line.yMin > bodyBottom)
      expect(footer).toHaveLength(1)
      const number = footer[0] as PdfLine
      expect(number.text.replace(/\s/gu, '')).toBe(`\u2014${page.number}\u2014`)
      // 14 pt glyphs whose em box starts 7 mm below the 版心: the box's middle is 7 + 2.5 mm down.
      expect(near((number.yMin + number.yMax) / 2, bodyBottom + 7 + 2.47, 1.5)).toBe(true)
      const space = (14 / 72) * 25.4
      if (page.number % 2 === 1) expect(near(number.xMax, right - space, 1), `page ${page.number} number ends at ${number.xMax}`).toBe(true)
      else expect(near(number.xMin, left + space, 1), `page ${page.number} number starts at ${number.xMin}`).toBe(true)
    }
  })
})
