/**
 * The print page's layout boxes in Chromium with print media: signature and date where GB/T 9704
 * puts them, heading fonts without bold, the character grid, full-width punctuation kept.
 */
import { rmSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumArgs } from '../../src/pdf/print-pdf.js'
import { buildSeed, type SeedBuild } from './seed-build.js'

let browser: Browser
const builds = new Map<string, SeedBuild>()

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs })
})
afterAll(async () => {
  await browser?.close()
  for (const build of builds.values()) rmSync(build.dir, { recursive: true, force: true })
})

/** The seed with a signature and a 成文日期 in notice.md, its print page open as printed (版心 wide). */
async function openSigned(signature: string, sealed = false): Promise<Page> {
  const key = `${signature}${sealed ? ' sealed' : ''}`
  let build = builds.get(key)
  if (!build) {
    const extra = sealed ? 'print:\n  sealed: true\n' : ''
    build = buildSeed({ pdf: false, editNoticeMd: (text) => text.replace(/^---\n/u, `---\nsignature: ${signature}\ndates:\n  written: 2021-04-15\n${extra}`) })
    builds.set(key, build)
  }
  const page = await browser.newPage({ viewport: { width: 590, height: 800 } })
  await page.emulateMedia({ media: 'print' })
  await page.goto(pathToFileURL(build.printHtml).href)
  await page.evaluate('document.fonts.ready')
  return page
}

interface Box {
  left: number
  right: number
  top: number
  bottom: number
}
/** The box of the text inside the last element matching a selector (not its padding). */
const box = async (page: Page, selector: string): Promise<Box> =>
  (await page.evaluate(`(() => {
    const range = document.createRange()
    range.selectNodeContents([...document.querySelectorAll(${JSON.stringify(selector)})].at(-1))
    const r = range.getBoundingClientRect()
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }
  })()`)) as Box

describe('the print page', () => {
  it('puts the signature 2 characters from the right one line below the body, the date under it 2 characters further right', async () => {
    const page = await openSigned('中共伊川县产业集聚区工作委员会')
    const body = await box(page, '.body')
    const last = await box(page, '.body > :last-child')
    const signature = await box(page, '.signature')
    const date = await box(page, '.date')
    const char = (body.right - body.left) / 28
    const line = (225 / 22) * (96 / 25.4)
    expect(await page.textContent('.date')).toBe('2021年4月15日')
    expect(signature.right).toBeCloseTo(body.right - 2 * char, 0)
    // Text boxes are the glyphs' content areas, the same height on every line of one font size:
    // the body's last line starts one content height above its bottom, and the signature two lines below that.
    const glyphHeight = signature.bottom - signature.top
    expect(signature.top).toBeCloseTo(last.bottom - glyphHeight + 2 * line, 0)
    expect(date.left).toBeCloseTo(signature.left + 2 * char, 0)
    expect(date.top).toBeCloseTo(signature.top + line, 0)
    await page.close()
  })

  it('centres a short signature over a longer date, the date 2 characters from the right', async () => {
    const page = await openSigned('县委巡察办')
    const body = await box(page, '.body')
    const signature = await box(page, '.signature')
    const date = await box(page, '.date')
    const char = (body.right - body.left) / 28
    expect(date.right).toBeCloseTo(body.right - 2 * char, 0)
    expect((signature.left + signature.right) / 2).toBeCloseTo((date.left + date.right) / 2, 0)
    await page.close()
  })

  it('sealed (print.sealed): puts the date 4 characters from the right and centres the signature over it, longer or shorter', async () => {
    for (const signature of ['县委巡察办', '中共伊川县产业集聚区工作委员会']) {
      const page = await openSigned(signature, true)
      const body = await box(page, '.body')
      const signatureBox = await box(page, '.signature')
      const date = await box(page, '.date')
      const char = (body.right - body.left) / 28
      expect((signatureBox.left + signatureBox.right) / 2, signature).toBeCloseTo((date.left + date.right) / 2, 0)
      expect(signatureBox.top).toBeLessThan(date.top)
      if (signature === '县委巡察办') expect(date.right).toBeCloseTo(body.right - 4 * char, 0)
      // A signature so long that centred over a date 4 characters in it would reach the edge: the date moves in, the signature ends 2 characters in.
      // (Half-width digits are measured as half a character; FandolFang's are a little off that.)
      else expect(Math.abs(signatureBox.right - (body.right - 2 * char))).toBeLessThan(0.1 * char)
      await page.close()
    }
  })

  it('sets headings in 黑体 / 仿宋 at 16 pt without bold, the title in 22 pt 小标宋, body on the 28-character grid', async () => {
    const page = await openSigned('中共伊川县产业集聚区工作委员会')
    const styles = (await page.evaluate(`(() => {
      const style = (selector) => { const s = getComputedStyle(document.querySelector(selector)); return { family: s.fontFamily, weight: s.fontWeight, size: s.fontSize, indent: s.textIndent, letterSpacing: s.letterSpacing, trim: s.textSpacingTrim, autospace: s.textAutospace, breakAfter: s.breakAfter } }
      return { rank0: style('.rank-0'), rank2: style('.rank-2'), rank4: style('.rank-4'), title: style('.document-title'), body: style('.body p'), bodyWidth: document.querySelector('.body').getBoundingClientRect().width }
    })()`)) as Record<string, Record<string, string>> & { bodyWidth: number }
    expect(styles.rank0?.family).toMatch(/^黑体, SimHei/u)
    expect(styles.rank2?.family).toMatch(/^仿宋_GB2312/u)
    expect(styles.rank4?.family).toMatch(/^仿宋_GB2312/u)
    for (const heading of [styles.rank0, styles.rank2, styles.rank4]) {
      expect(heading?.weight).toBe('400')
      expect(parseFloat(heading?.size ?? '0')).toBeCloseTo((16 * 96) / 72, 2)
      expect(heading?.breakAfter).toBe('avoid')
    }
    expect(styles.title?.family).toMatch(/^"Notice Title", 方正小标宋简体/u)
    expect(parseFloat(styles.title?.size ?? '0')).toBeCloseTo((22 * 96) / 72, 2)
    expect(styles.body?.trim).toBe('space-all')
    expect(styles.body?.autospace).toBe('no-autospace')
    // 28 characters of 16 pt with letter-spacing fill the measure; the first line is indented 2 of them.
    const char = styles.bodyWidth / 28
    expect(21.333 + parseFloat(styles.body?.letterSpacing ?? '0')).toBeCloseTo((156 / 28) * (96 / 25.4), 1)
    expect(parseFloat(styles.body?.indent ?? '0')).toBeCloseTo(2 * char, 0)
    await page.close()
  })

  it('fits a wide GFM table inside the 版心, long cells wrapped', async () => {
    const wide = '一二三四五六七八九十'.repeat(6)
    const table = `| 序号 | 问题 | 整改情况 | ${wide} |\n|---|---|---|---|\n| 1 | ${'ABCDEFGHIJ'.repeat(8)} | 已完成 | ${wide} |\n\n`
    const build = buildSeed({ pdf: false, editNoticeMd: (text) => text.replace('<!-- 正文 -->', `${table}<!-- 正文 -->`) })
    builds.set('table', build)
    const page = await browser.newPage({ viewport: { width: 590, height: 800 } })
    await page.emulateMedia({ media: 'print' })
    await page.goto(pathToFileURL(build.printHtml).href)
    const fit = (await page.evaluate(`(() => {
      const body = document.querySelector('.body').getBoundingClientRect()
      const table = document.querySelector('.body table')
      const cells = [...table.querySelectorAll('th, td')]
      return { bodyRight: body.right, tableRight: table.getBoundingClientRect().right, overflowing: cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).length, cells: cells.length }
    })()`)) as { bodyRight: number; tableRight: number; overflowing: number; cells: number }
    expect(fit.cells).toBe(8)
    expect(fit.tableRight).toBeLessThanOrEqual(fit.bodyRight + 0.5)
    expect(fit.overflowing).toBe(0)
    await page.close()
  })
})
