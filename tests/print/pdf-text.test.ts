/**
 * The seed's PDF read as a PDF reader, a search engine or a screen reader reads it (pdf.js, which
 * uses the PDF's ToUnicode maps as they are; poppler normalises radicals away and would hide them):
 * the text is the notice's text, character for character, and the document information names it.
 */
import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { finishPdf, pdfCreator } from '../../src/pdf/finish-pdf.js'
import { buildSeed, signed, signSeed, type SeedBuild } from './seed-build.js'

let build: SeedBuild
let document: PDFDocumentProxy
let pages: string[]
const title = '县产业聚集区管委会巡察整改情况公布'

beforeAll(async () => {
  build = buildSeed({ pdf: true, editNoticeMd: signSeed })
  document = await getDocument({ data: new Uint8Array(readFileSync(build.pdf)), verbosity: 0 }).promise
  pages = []
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''))
  }
}, 120_000)
afterAll(async () => {
  await document?.destroy()
  rmSync(build.dir, { recursive: true, force: true })
})

/** Line breaks and spaces are where the page put them, not part of the text. */
const withoutSpace = (text: string): string => text.replace(/\s+/gu, '')
const codePoint = (char: string): string => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()} ${char}`

describe('the text of the seed PDF (pdf.js)', () => {
  it('has no Kangxi radical, no radical supplement and no control code in place of a character', () => {
    const all = pages.join('')
    const strays = [...all].filter((char) => /[\u2e80-\u2fdf\u0000-\u0008\u000b\u000c\u000e-\u001f]/u.test(char))
    expect(strays.map(codePoint)).toEqual([])
    // It is the Chinese text, not an empty extraction.
    expect([...all].filter((char) => /\p{Script=Han}/u.test(char)).length).toBeGreaterThan(6000)
  })

  it('is the title, notice.txt and the signature block, character for character, and each page its — N —', () => {
    const text = readFileSync(path.join(build.out, 'x', 'notice.txt'), 'utf8')
    const body = pages.map((page, index) => {
      const compact = withoutSpace(page)
      const number = `\u2014${index + 1}\u2014`
      expect(compact.split(number), `page ${index + 1} carries ${number} once`).toHaveLength(2)
      return compact.replace(number, '')
    })
    const expected = withoutSpace(title + text + signed.issuer + signed.date)
    const got = body.join('')
    if (got !== expected) {
      let at = 0
      while (got[at] === expected[at]) at++
      expect(got.slice(at, at + 30), `the PDF text parts from the notice at character ${at}`).toBe(expected.slice(at, at + 30))
    }
    expect(got).toBe(expected)
  })

  it('is titled, signed and filed as the notice: Title, Author, Subject, Keywords, Creator', async () => {
    const info = (await document.getMetadata()).info as unknown as Record<string, unknown>
    expect(info.Title).toBe(title)
    expect(info.Author).toBe(signed.issuer)
    expect(info.Subject).toBe(signed.category)
    expect(info.Keywords).toBe(signed.keywords.join(' '))
    expect(info.Creator).toBe(pdfCreator)
    expect(info.CreationDate).toBe('D:20210415000000Z')
    expect(info.ModDate).toBe('D:20210415000000Z')
  })

  it('comes out of the finishing step the same every time', async () => {
    const pdf = new Uint8Array(readFileSync(build.pdf))
    const details = { title, author: signed.issuer, keywords: signed.keywords, date: '2021-04-15' }
    const once = await finishPdf(pdf, details)
    const again = await finishPdf(pdf, details)
    expect(Buffer.from(once).equals(Buffer.from(again))).toBe(true)
  })
})
