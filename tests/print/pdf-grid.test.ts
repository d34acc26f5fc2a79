/**
 * The seed's PDF, measured from the PDF itself (its text lines' baselines with pdf.js, its ink with pdftoppm):
 * A4, the 28 mm left margin and 156 mm measure, 22 lines a page at a 225/22 mm pitch set in
 * FandolFang, no lone line at a page's foot or head, the signature never alone on the last page,
 * and `— N —` page numbers with their 一字线 7 mm below the 版心.
 */
import { readFileSync, rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { horizontalStrokes, rasterPage } from './pdf-ink.js'
import { expectLinesInTextBlock, near, readPdfLayout, type PdfLine, type PdfPage } from './pdf-layout.js'
import { buildSeed, signed, signSeed, type SeedBuild } from './seed-build.js'

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

beforeAll(async () => {
  build = buildSeed({ pdf: true, editNoticeMd: signSeed })
  pages = await readPdfLayout(build.pdf)
}, 120_000)
afterAll(() => rmSync(build.dir, { recursive: true, force: true }))

const isClosing = (line: PdfLine): boolean => line.text === signed.issuer || line.text === signed.date
const isPageNumber = (line: PdfLine): boolean => /^\u2014\s*\d+\s*\u2014$/u.test(line.text)
const bodyLines = (page: PdfPage): PdfLine[] =>
  page.lines.filter((line) => line.baseline < bodyBottom && line.text !== title && !isClosing(line) && !isPageNumber(line))
/** A line that starts a paragraph or heading (indented 2 characters), not one that carries it on (flush left). */
const starts = (line: PdfLine | undefined): boolean => line !== undefined && near(line.xMin, left + 2 * char, 1)

describe('the seed PDF', () => {
  it("carries no build time: its dates are the notice's 成文日期", () => {
    const text = readFileSync(build.pdf).toString('latin1')
    expect(text.match(/\/(?:CreationDate|ModDate) \(D:\d{14}/gu)).toEqual(['/CreationDate (D:20210415000000', '/ModDate (D:20210415000000'])
  })

  it('is A4 on every page and has several pages', () => {
    expect(pages.length).toBeGreaterThan(5)
    for (const page of pages) {
      expect(page.width).toBeCloseTo(210, 0)
      expect(page.height).toBeCloseTo(297, 0)
    }
  })

  it('starts every body line 28 mm from the left (or 2 characters in) and ends full lines at the 156 mm measure', () => {
    const fullLines = expectLinesInTextBlock(pages.flatMap(bodyLines), { left, right, char }, () => 1)
    expect(fullLines).toBeGreaterThan(200)
  })

  it('sets lines 225/22 mm apart, 22 to a full page, a page short only to keep lines together', () => {
    // Every page after the first starts its body on the first line of the grid.
    const firstLineTop = bodyLines(pages[1] as PdfPage)[0]?.baseline ?? 0
    for (const page of pages.slice(1)) expect(bodyLines(page)[0]?.baseline).toBeCloseTo(firstLineTop, 1)

    // 一、 headings are set in 黑体 (Noto Sans CJK SC), whose ascent and descent differ from FandolFang's:
    // in the same line box its baseline sits a little lower. Their lines (and the lines they wrap onto)
    // are held to their own offset from the grid, the same for every one of them.
    const heiOffsets: number[] = []
    const pitches: number[] = []
    for (const [index, page] of pages.entries()) {
      const lines = bodyLines(page)
      let hei = false
      const offsets = lines.map((line) => {
        if (starts(line)) hei = /^[一二三四五六七八九十]+、/u.test(line.text)
        const slotOnGrid = Math.round((line.baseline - firstLineTop) / pitchMm)
        return { line, hei, slotOnGrid, offset: line.baseline - firstLineTop - slotOnGrid * pitchMm }
      })
      for (let line = 1; line < offsets.length; line++) {
        if (offsets[line]?.hei === offsets[line - 1]?.hei) pitches.push((lines[line]?.baseline ?? 0) - (lines[line - 1]?.baseline ?? 0))
      }
      for (const [slot, { line, hei: inHei, slotOnGrid, offset }] of offsets.entries()) {
        // Each body line sits on its grid line to within one CSS pixel (0.26 mm): no drift down the page.
        if (inHei) heiOffsets.push(offset)
        else expect(Math.abs(offset), `${line.text} is ${offset.toFixed(2)} mm off the grid`).toBeLessThan(0.27)
        if (index > 0) expect(slotOnGrid).toBe(slot)
      }
      const last = lines.at(-1) as PdfLine
      const used = Math.round((last.baseline - firstLineTop) / pitchMm) + 1
      expect(used).toBeLessThanOrEqual(22)
      if (index === pages.length - 1) continue
      // widows/orphans 2 and headings kept with what follows: at most a heading and one line, or one line, move on.
      expect(used, `page ${index + 1} ends ${22 - used} lines short`).toBeGreaterThanOrEqual(20)
    }
    expect(heiOffsets.length).toBeGreaterThan(2)
    expect(Math.max(...heiOffsets) - Math.min(...heiOffsets)).toBeLessThan(0.27)
    expect(Math.max(...heiOffsets.map(Math.abs))).toBeLessThan(0.5)
    const mean = pitches.reduce((sum, value) => sum + value, 0) / pitches.length
    expect(mean).toBeCloseTo(pitchMm, 2)
    for (const pitch of pitches) expect(Math.abs(pitch - pitchMm)).toBeLessThan(0.27)
    // The first page holds the title, an empty line and the body: 22 lines when it is full.
    const firstBody = bodyLines(pages[0] as PdfPage)
    const firstUsed = Math.round(((firstBody.at(-1) as PdfLine).baseline - firstLineTop) / pitchMm) + 1
    expect(firstUsed).toBeGreaterThanOrEqual(20)
    expect(firstUsed).toBeLessThanOrEqual(22)
    // Its body starts on the third line of the grid, under the title and one empty line.
    expect(Math.round(((firstBody[0] as PdfLine).baseline - firstLineTop) / pitchMm)).toBe(2)
  })

  it("leaves no paragraph's first line alone at a page's foot and no last line alone at a page's head", () => {
    for (const [index, page] of pages.slice(0, -1).entries()) {
      const lines = bodyLines(page)
      const next = bodyLines(pages[index + 1] as PdfPage)
      const last = lines.at(-1) as PdfLine
      const carriedOn = !starts(next[0])
      // An orphan: the page ends on a paragraph's first line and the paragraph goes on overleaf.
      expect(starts(last) && carriedOn, `page ${index + 1} ends on the first line of a paragraph: ${last.text}`).toBe(false)
      // A heading is never the last line of a page.
      expect(last.text, `page ${index + 1} ends on a heading`).not.toMatch(new RegExp(`${headingPattern.source}[^，。；：]{0,40}$`, 'u'))
      // A widow: the next page starts with a paragraph's last line alone.
      if (carriedOn) expect(next.length < 2 || !starts(next[1]), `page ${index + 2} starts with a lone last line: ${next[0]?.text}`).toBe(true)
    }
  })

  it('ends no paragraph or heading on a line of a single character (with its punctuation)', () => {
    const lone = pages.flatMap((page) =>
      bodyLines(page)
        .filter((line) => [...line.text.replace(/[，。、；：！？”’）》]/gu, '')].length === 1)
        .map((line) => `page ${page.number}: ${line.text}`)
    )
    expect(lone).toEqual([])
  })

  it('keeps at least two body lines with the signature and date on the last page', () => {
    const last = pages.at(-1) as PdfPage
    const closing = last.lines.filter(isClosing).map((line) => line.text)
    expect(closing).toEqual([signed.issuer, signed.date])
    expect(bodyLines(last).length).toBeGreaterThanOrEqual(2)
  })

  it('carries — N — on every page, its dash line 7 mm below the 版心, right on odd pages and left on even pages', () => {
    for (const page of pages) {
      const footer = page.lines.filter((line) => line.baseline > bodyBottom)
      expect(footer).toHaveLength(1)
      expect(isPageNumber(footer[0] as PdfLine)).toBe(true)
      const number = footer[0] as PdfLine
      expect(number.text.replace(/\s/gu, '')).toBe(`\u2014${page.number}\u2014`)
      const space = (14 / 72) * 25.4
      if (page.number % 2 === 1) expect(near(number.xMax, right - space, 1), `page ${page.number} number ends at ${number.xMax}`).toBe(true)
      else expect(near(number.xMin, left + space, 1), `page ${page.number} number starts at ${number.xMin}`).toBe(true)
    }
    // The 一字线 as printed: the ink of the dashes (strokes longer than a digit's), on a right and a left page.
    for (const number of [1, 2]) {
      const strokes = horizontalStrokes(rasterPage(build.pdf, number), bodyBottom, bodyBottom + 20, 3.5)
      expect(strokes, `page ${number}: one dash line`).toHaveLength(1)
      const dash = strokes[0] as { middle: number }
      expect(Math.abs(dash.middle - bodyBottom - 7), `page ${number}: dash ${(dash.middle - bodyBottom).toFixed(2)} mm below the 版心`).toBeLessThan(0.3)
    }
  })
})
