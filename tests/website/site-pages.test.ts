/**
 * The site-wide pages in real Chromium, on one built site (the seed and two more notices) served on
 * 127.0.0.1: the stats page at a phone's and a desktop's width (axe WCAG 2.1 AA, no request to
 * another host, no sideways scrolling), its table's numbers against each notice.json, and every
 * page whole without JavaScript.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, openPage, runAxe } from './browser.js'
import { buildSeed, extraNotices, seedId } from './fixture.js'
import { serve, type Served } from './serve.js'

let dir: string
let out: string
let browser: Browser
let site: Served

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'notice-site-pages-'))
  out = buildSeed(dir, { extraNotices: true }).out
  site = await serve(out)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await site?.close()
  rmSync(dir, { recursive: true, force: true })
})

const ids = [seedId, ...extraNotices.map((notice) => notice.id)]

describe('the stats page', () => {
  for (const width of [360, 1280]) {
    it(`has no axe violations at ${width} px, loads nothing from another host and does not scroll sideways`, async () => {
      const { page, context, errors, foreign } = await openPage(browser, `${site.url}stats.html`, { width })
      try {
        expect(errors).toEqual([])
        expect(foreign).toEqual([])
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
        expect(await runAxe(page)).toEqual([])
      } finally {
        await context.close()
      }
    })
  }

  it('shows in its table, without JavaScript, each notice’s numbers as its notice.json has them', async () => {
    const { page, context } = await openPage(browser, `${site.url}stats.html`, { width: 1280, javaScript: false })
    try {
      const table = page.locator('table', { has: page.locator('caption', { hasText: '各通报' }) })
      const headers = await table.locator('thead th').allInnerTexts()
      for (const id of ids) {
        const record = JSON.parse(readFileSync(path.join(out, id, 'notice.json'), 'utf8')) as { title: string; stats: { total: number; byStatus: Record<string, number>; completionRate: number } }
        const row = table.locator('tbody tr', { has: page.locator(`a[href="${id}/index.html"]`) })
        const cells = [await row.locator('th').innerText(), ...(await row.locator('td').allInnerTexts())]
        const cell = (header: string): string | undefined => cells[headers.indexOf(header)]?.trim()
        expect(cell('通报')).toBe(record.title)
        expect(cell('问题数')).toBe(String(record.stats.total))
        for (const [status, name] of [['done', '已完成'], ['in_progress', '正在整改'], ['not_done', '未完成'], ['unknown', '未标明']] as const) {
          expect(cell(name), `${id} ${name}`).toBe(String(record.stats.byStatus[status] ?? 0))
        }
        const unknownAll = record.stats.byStatus.unknown === record.stats.total
        expect(cell('完成率')).toBe(unknownAll ? '整改状态未标明' : `${record.stats.completionRate}%`)
      }
    } finally {
      await context.close()
    }
  })
})

describe('without JavaScript', () => {
  it('leaves every page whole: the index, the stats page and each notice page show their content and links', async () => {
    const pages = [
      { file: 'index.html', expect: ['整改进度统计', ...ids.map((id) => `${id}/print.html`)] },
      { file: 'stats.html', expect: ['尚未完成的问题', `${seedId}/index.html#f-`] },
      ...ids.map((id) => ({ file: `${id}/index.html`, expect: ['整改进度', 'print.html'] }))
    ]
    for (const entry of pages) {
      const { page, context, errors } = await openPage(browser, `${site.url}${entry.file}`, { width: 360, javaScript: false })
      try {
        expect(errors, entry.file).toEqual([])
        const html = await page.content()
        const text = await page.locator('main').innerText()
        for (const wanted of entry.expect) expect(text.includes(wanted) || html.includes(wanted), `${entry.file}: ${wanted}`).toBe(true)
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), entry.file).toBeLessThanOrEqual(0)
      } finally {
        await context.close()
      }
    }
  })
})
