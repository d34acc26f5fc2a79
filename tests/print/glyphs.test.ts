/**
 * No character of the seed's print page is drawn as a missing-glyph box: Chromium is asked which
 * font draws each character (CDP CSS.getPlatformFontsForNode, one character per probe), and
 * fontconfig is asked whether that font really has the character (its charset).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumArgs } from '../../src/pdf/print-pdf.js'
import { buildSeed, type SeedBuild } from './seed-build.js'
import { seedFile } from '../helpers/cli.js'

let build: SeedBuild
let browser: Browser

beforeAll(async () => {
  build = buildSeed({ pdf: false })
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs })
})
afterAll(async () => {
  await browser?.close()
  rmSync(build.dir, { recursive: true, force: true })
})

/**
 * Runs in the page: splits every text node into one span per character, keeps one probe for each
 * (character, font stack) pair, and adds probes for the page-number characters in the margin boxes'
 * font. Returns the probes as [character, font stack].
 */
const markProbes = `(pageNumberFont) => {
  const seen = new Set()
  const probes = []
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  const texts = []
  while (walker.nextNode()) texts.push(walker.currentNode)
  const probe = (parent, char) => {
    const span = document.createElement('span')
    span.textContent = char
    const key = char + '\\u0000' + getComputedStyle(parent).fontFamily
    if (!seen.has(key) && char.trim() !== '') {
      seen.add(key)
      span.setAttribute('data-probe', String(probes.length))
      probes.push([char, getComputedStyle(parent).fontFamily])
    }
    return span
  }
  for (const text of texts) {
    const parent = text.parentElement
    const fragment = document.createDocumentFragment()
    for (const char of text.data) fragment.append(probe(parent, char))
    text.replaceWith(fragment)
  }
  const numbers = document.createElement('p')
  numbers.style.font = pageNumberFont
  document.body.append(numbers)
  for (const char of '\\u2014 0123456789') numbers.append(probe(numbers, char))
  return probes
}`

/** Code points a font has, from fontconfig: `fc-list :postscriptname=… charset` gives hex ranges. */
const charsets = new Map<string, Set<number> | ((code: number) => boolean)>()
function fontHas(postScriptName: string, code: number): boolean {
  let has = charsets.get(postScriptName)
  if (!has) {
    const output = execFileSync('fc-list', [`:postscriptname=${postScriptName}`, 'charset'], { encoding: 'utf8' })
    const ranges = [...output.matchAll(/([0-9a-f]+)(?:-([0-9a-f]+))?/gu)].map(
      (match) => [parseInt(match[1] ?? '0', 16), parseInt(match[2] ?? match[1] ?? '0', 16)] as const
    )
    expect(ranges.length, `fontconfig knows no font ${postScriptName}`).toBeGreaterThan(0)
    has = (value: number) => ranges.some(([from, to]) => value >= from && value <= to)
    charsets.set(postScriptName, has)
  }
  return typeof has === 'function' ? has(code) : has.has(code)
}

describe('glyphs of the seed print page', () => {
  it('draws every character, 〔〕 and Ⅳ included, with a font that has it', async () => {
    const html = readFileSync(build.printHtml, 'utf8')
    const pageNumberFont = /@bottom-right\s*\{[^}]*?font:\s*([^;]+);/u.exec(html)?.[1]
    expect(pageNumberFont).toBeTruthy()
    const page = await browser.newPage()
    await page.goto(pathToFileURL(build.printHtml).href)
    await page.evaluate('document.fonts.ready')
    const probes = (await page.evaluate(`(${markProbes})(${JSON.stringify(pageNumberFont)})`)) as Array<[string, string]>

    // Every character of the seed is on the page (the seed has no title: the title comes from notice.md).
    const seedChars = new Set([...readFileSync(seedFile, 'utf8')].filter((char) => char.trim() !== ''))
    const probed = new Set(probes.map(([char]) => char))
    for (const char of seedChars) expect(probed.has(char), `seed character ${char} is not on the print page`).toBe(true)
    for (const char of ['〔', '〕', 'Ⅳ', '\u2014']) expect(probed.has(char)).toBe(true)

    const cdp = await page.context().newCDPSession(page)
    await cdp.send('DOM.enable')
    await cdp.send('CSS.enable')
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 })
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-probe]' })
    expect(nodeIds).toHaveLength(probes.length)
    const missing: string[] = []
    const used = new Map<string, number>()
    /** For each font stack (its first family), the characters each font drew. */
    const drawnBy = new Map<string, Map<string, string[]>>()
    // Probes were numbered in document order, which is the order querySelectorAll returns them in.
    const reports = await Promise.all(nodeIds.map((nodeId) => cdp.send('CSS.getPlatformFontsForNode', { nodeId })))
    for (const [index, { fonts }] of reports.entries()) {
      const [char, stack] = probes[index] as [string, string]
      expect(fonts.length, `no font reported for ${char}`).toBeGreaterThan(0)
      for (const font of fonts) {
        used.set(font.familyName, (used.get(font.familyName) ?? 0) + 1)
        const first = stack.split(',')[0]?.trim().replace(/"/gu, '') ?? ''
        const byFont = drawnBy.get(first) ?? new Map<string, string[]>()
        byFont.set(font.familyName, [...(byFont.get(font.familyName) ?? []), char])
        drawnBy.set(first, byFont)
        if (!fontHas(font.postScriptName, char.codePointAt(0) ?? 0))
          missing.push(`${char} U+${(char.codePointAt(0) ?? 0).toString(16)} in ${font.postScriptName} (${stack})`)
      }
    }
    expect(missing).toEqual([])
    // The free fonts named in the CSS are the ones drawing the page on this machine: FandolFang
    // (仿宋) the body, Noto Sans CJK SC (黑体) the 一、 headings, Noto Serif CJK SC Bold the title
    // and the page numbers (the seed has no （一） heading, so no 楷体).
    expect([...used.keys()].sort()).toEqual(['FandolFang R', 'Noto Sans CJK SC', 'Noto Serif CJK SC'])
    // Every character set in 仿宋 (body, 1、 and （1） headings) is FandolFang's: none falls back to a Song face.
    const body = drawnBy.get('仿宋_GB2312') ?? new Map<string, string[]>()
    expect([...body.keys()]).toEqual(['FandolFang R'])
    expect((body.get('FandolFang R') ?? []).length).toBeGreaterThan(800)
    expect([...(drawnBy.get('黑体')?.keys() ?? [])]).toEqual(['Noto Sans CJK SC'])
    await page.close()
  })
})
