/**
 * The bundled notice's Word file as LibreOffice lays it out (soffice --headless --convert-to pdf),
 * measured from the PDF as the print PDF is (pdftotext -bbox-layout): A4, the 28 mm left margin and
 * 156 mm measure, 22 lines a page at a 225/22 mm pitch, `— N —` right on odd and left on even pages.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot, runCliAsync } from '../helpers/cli.js'
import { expectLinesInTextBlock, near, readPdfLayout, type PdfLine, type PdfPage } from '../print/pdf-layout.js'

const left = 28
const measure = 156
const right = left + measure
const char = measure / 28
/** The grid's line pitch: 579 twips, the whole twips of 225 mm / 22 (Word writes the same for 22 lines). */
const pitch = (579 / 1440) * 25.4
const bodyBottom = 37 + 225
const id = '2021-yichuan-cluster'
const title = '伊川县产业集聚区关于县委第四巡察组巡察反馈意见整改情况的公布'
const closing = ['中共伊川县产业集聚区工作委员会', '2021年4月15日']
const headingPattern = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[、.．]|[（(]\d+[）)]|[一二三四五六七八九十]+是)/u

let dir: string
let pages: PdfPage[]
/** The last page of the same notice sealed (notice.md `print: { sealed: true }`), with its own signature and with a short one. */
let sealedLong: PdfPage
let sealedShort: PdfPage
const shortSignature = '县产业集聚区党工委'

/** The bundled notice under another id, sealed, with the given signature. */
function sealedCopy(content: string, name: string, signature: string): void {
  const folder = path.join(content, name)
  cpSync(path.join(repoRoot, 'content', id), folder, { recursive: true })
  const notice = path.join(folder, 'notice.md')
  const text = readFileSync(notice, 'utf8').replace(/^signature: .*$/mu, `signature: ${signature}\nprint:\n  sealed: true`)
  writeFileSync(notice, text)
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'notice-docx-pdf-'))
  const out = path.join(dir, 'dist')
  const content = path.join(dir, 'content')
  cpSync(path.join(repoRoot, 'content'), content, { recursive: true })
  sealedCopy(content, 'sealed-long', closing[0] as string)
  sealedCopy(content, 'sealed-short', shortSignature)
  const built = await runCliAsync(['build', '--content', content, '--out', out, '--docx', '--no-cache'])
  expect(built.code, built.stderr).toBe(0)
  // One LibreOffice run converts the three files.
  const input = path.join(dir, 'docx')
  mkdirSync(input)
  for (const name of [id, 'sealed-long', 'sealed-short']) cpSync(path.join(out, name, 'notice.docx'), path.join(input, `${name}.docx`))
  const converted = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      path.join(dir, 'pdf'),
      ...readdirSync(input)
        .sort()
        .map((name) => path.join(input, name))
    ],
    { encoding: 'utf8', timeout: 400_000 }
  )
  expect(readdirSync(path.join(dir, 'pdf')).sort(), converted.stderr).toEqual([`${id}.pdf`, 'sealed-long.pdf', 'sealed-short.pdf'])
  pages = await readPdfLayout(path.join(dir, 'pdf', `${id}.pdf`))
  sealedLong = (await readPdfLayout(path.join(dir, 'pdf', 'sealed-long.pdf'))).at(-1) as PdfPage
  sealedShort = (await readPdfLayout(path.join(dir, 'pdf', 'sealed-short.pdf'))).at(-1) as PdfPage
}, 450_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const isTitle = (line: PdfLine): boolean => line.text.length > 0 && title.includes(line.text)
const bodyLines = (page: PdfPage): PdfLine[] =>
  page.lines.filter((line) => line.baseline < bodyBottom && !(page.number === 1 && isTitle(line)) && !closing.includes(line.text))

describe('the exported .docx converted to PDF by LibreOffice', () => {
  it('is A4 on every page and has several pages', () => {
    expect(pages.length).toBeGreaterThan(5)
    for (const page of pages) {
      expect(page.width).toBeCloseTo(210, 0)
      expect(page.height).toBeCloseTo(297, 0)
    }
  })

  it('starts every body line 28 mm from the left (or 2 characters in) and ends full lines at the 156 mm measure', () => {
    // LibreOffice hangs a closing mark that may not start a line (、。，) past the measure, as Word
    // does; a line with Latin digits is justified up to 2 mm wider.
    const overhang = (line: PdfLine): number => (/[、。，；：”）》]$/u.test(line.text) ? char + 0.5 : 2)
    const fullLines = expectLinesInTextBlock(pages.flatMap(bodyLines), { left, right, char }, overhang)
    expect(fullLines).toBeGreaterThan(200)
  })

  it('sets lines 225/22 mm apart, 22 to a full page', () => {
    const firstLineTop = bodyLines(pages[1] as PdfPage)[0]?.baseline ?? 0
    const fullPages: number[] = []
    for (const [index, page] of pages.entries()) {
      const lines = bodyLines(page)
      for (const line of lines) {
        const slot = Math.round((line.baseline - firstLineTop) / pitch)
        expect(Math.abs(line.baseline - firstLineTop - slot * pitch), `page ${page.number}: ${line.text}`).toBeLessThan(0.27)
      }
      // The 落款 alone may fill the last page.
      if (lines.length === 0 && index === pages.length - 1) continue
      if (index > 0) expect(lines[0]?.baseline).toBeCloseTo(firstLineTop, 1)
      const used = Math.round(((lines.at(-1) as PdfLine).baseline - firstLineTop) / pitch) + 1
      expect(used).toBeLessThanOrEqual(22)
      if (index === 0 || index === pages.length - 1) continue
      if (used === 22) fullPages.push(page.number)
      else {
        // A page ends a line short only to keep a heading with its text.
        expect(used, `page ${page.number} ends ${22 - used} lines short`).toBe(21)
        expect(bodyLines(pages[index + 1] as PdfPage)[0]?.text).toMatch(headingPattern)
      }
    }
    expect(fullPages.length).toBeGreaterThan(pages.length / 2)
    // 22 lines of 579 twips: 0.14% short of 225 mm / 22, the rounding Word's own grid has.
    expect(Math.abs(pitch - 225 / 22)).toBeLessThan(0.02)
    // The first page: the title's two lines, one empty line, then the body from the fourth grid line.
    const first = pages[0] as PdfPage
    const titleLines = first.lines.filter(isTitle)
    expect(titleLines.map((line) => line.text).join('')).toBe(title)
    expect(Math.round(((bodyLines(first)[0] as PdfLine).baseline - (titleLines[0] as PdfLine).baseline) / pitch)).toBe(3)
  })

  it('carries — N — on every page, 7 mm below the 版心, right on odd pages and left on even pages', () => {
    for (const page of pages) {
      const footer = page.lines.filter((line) => line.baseline > bodyBottom)
      expect(footer).toHaveLength(1)
      const number = footer[0] as PdfLine
      expect(number.text.replace(/\s/gu, '')).toBe(`\u2014${page.number}\u2014`)
      expect(number.baseline > bodyBottom + 7 && number.baseline < bodyBottom + 7 + 6, `page ${page.number} number's baseline at ${number.baseline}`).toBe(true)
      const space = (14 / 72) * 25.4
      if (page.number % 2 === 1) expect(near(number.xMax, right - space, 1), `page ${page.number} number ends at ${number.xMax}`).toBe(true)
      else expect(near(number.xMin, left + space, 1), `page ${page.number} number starts at ${number.xMin}`).toBe(true)
    }
  })

  it('sets the signature 2 characters from the right, one line below the body, and the date on the next line', () => {
    const last = pages.at(-1) as PdfPage
    const body = bodyLines(last)
    const signature = last.lines.find((line) => line.text === closing[0]) as PdfLine
    const date = last.lines.find((line) => line.text === closing[1]) as PdfLine
    expect(near(signature.xMax, right - 2 * char, 1)).toBe(true)
    // Below the body's last line with one empty line between, when the body ends on the same page.
    if (body.length > 0) expect(Math.round((signature.baseline - (body.at(-1) as PdfLine).baseline) / pitch)).toBe(2)
    expect(Math.round((date.baseline - signature.baseline) / pitch)).toBe(1)
  })

  // LibreOffice here has none of the office fonts and sets the 落款 in a stand-in whose digits are
  // wider than half a character: the date must stand where GB/T 9704 puts it all the same.
  it("starts the date 2 characters right of the signature's first character, whatever font stands in for 仿宋_GB2312", () => {
    const last = pages.at(-1) as PdfPage
    const signature = last.lines.find((line) => line.text === closing[0]) as PdfLine
    const date = last.lines.find((line) => line.text === closing[1]) as PdfLine
    expect(date.xMin - signature.xMin, `date starts at ${date.xMin.toFixed(2)} mm, signature at ${signature.xMin.toFixed(2)} mm`).toBeCloseTo(2 * char, 0)
    expect(date.xMax).toBeLessThan(right)
  })

  it('sealed: the date 右空四字 with the signature centred over it, or a signature longer than that centred over the date 2 characters from the right', () => {
    const find = (page: PdfPage, text: string): PdfLine => page.lines.find((line) => line.text === text) as PdfLine
    const centre = (line: PdfLine): number => (line.xMin + line.xMax) / 2
    const shortSigned = { signature: find(sealedShort, shortSignature), date: find(sealedShort, closing[1] as string) }
    expect(right - shortSigned.date.xMax, `date ends at ${shortSigned.date.xMax.toFixed(2)} mm`).toBeCloseTo(4 * char, 0)
    expect(Math.round((shortSigned.date.baseline - shortSigned.signature.baseline) / pitch)).toBe(1)
    // Centred over the date as 仿宋_GB2312 sets it, its digits half a character: 6.5 characters wide.
    // (The stand-in's digits are wider, so here the date's own centre is about a character further left.)
    expect(centre(shortSigned.signature), `signature centre ${centre(shortSigned.signature).toFixed(2)} mm`).toBeCloseTo(right - (4 + 6.5 / 2) * char, 0)
    const longSigned = { signature: find(sealedLong, closing[0] as string), date: find(sealedLong, closing[1] as string) }
    expect(right - longSigned.signature.xMax).toBeCloseTo(2 * char, 0)
    expect(
      Math.abs(centre(longSigned.signature) - centre(longSigned.date)),
      `signature centre ${centre(longSigned.signature).toFixed(2)} mm, date centre ${centre(longSigned.date).toFixed(2)} mm`
    ).toBeLessThan(1)
  })
})
