/**
 * The site-wide pages in real Chromium, on one built site (the seed and two more notices) served on
 * 127.0.0.1 as a web server would: searching two-character Chinese words (and any word from inside
 * a finding's text, from a server or a page opened from disk), filters, links that land on the finding; the stats and search pages at a phone's and a
 * desktop's width (axe WCAG 2.1 AA, no request to another host, no sideways scrolling); the stats
 * table against each notice.json; every page whole without JavaScript.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, openPage, runAxe, type WatchedPage } from './browser.js'
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
        const record = JSON.parse(readFileSync(path.join(out, id, 'notice.json'), 'utf8')) as {
          title: string
          stats: { total: number; byStatus: Record<string, number>; completionRate: number }
        }
        const row = table.locator('tbody tr', { has: page.locator(`a[href="${id}/index.html"]`) })
        const cells = [await row.locator('th').innerText(), ...(await row.locator('td').allInnerTexts())]
        const cell = (header: string): string | undefined => cells[headers.indexOf(header)]?.trim()
        expect(cell('通报')).toBe(record.title)
        expect(cell('问题数')).toBe(String(record.stats.total))
        for (const [status, name] of [
          ['done', '已完成'],
          ['in_progress', '正在整改'],
          ['not_done', '未完成'],
          ['unknown', '未标明']
        ] as const) {
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

/** Types a query into the search page and waits for its answer. */
async function search(watched: WatchedPage, query: string): Promise<void> {
  const { page } = watched
  await page.locator('#search-query').fill(query)
  await page.locator('#search-query').press('Enter')
  await page.waitForFunction(() => /找到|没有找到|失败/u.test(document.getElementById('search-status')?.textContent ?? ''))
}

const resultLinks = (watched: WatchedPage): Promise<string[]> =>
  watched.page
    .locator('#search-results .result-title a')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname.slice(1) + new URL((link as HTMLAnchorElement).href).hash))

describe('the search page', () => {
  it('finds the bundled notice’s findings with a two-character word (厂房), each with its status, and a status filter narrows them', async () => {
    const watched = await openPage(browser, `${site.url}search.html`, { width: 1280 })
    try {
      await search(watched, '厂房')
      const record = JSON.parse(readFileSync(path.join(out, seedId, 'notice.json'), 'utf8')) as {
        findings: Array<{ anchor: string; title: string; problem: string; rectification: string; status: string }>
      }
      const expected = record.findings.filter((finding) => `${finding.title}${finding.problem}${finding.rectification}`.includes('厂房'))
      expect(expected.map((finding) => finding.anchor).sort()).toEqual(['f-1-4-2', 'f-1-5-1', 'f-2-3'])
      expect((await resultLinks(watched)).sort()).toEqual(expected.map((finding) => `${seedId}/index.html#${finding.anchor}`).sort())
      expect(await watched.page.locator('#search-status').innerText()).toBe('找到 3 个问题。')
      for (const finding of expected) {
        const item = watched.page.locator('#search-results li', { has: watched.page.locator(`a[href$="#${finding.anchor}"]`) })
        expect(await item.locator(`.badge-${finding.status}`).count(), finding.anchor).toBe(1)
        expect(await item.locator('mark').first().innerText()).toBe('厂房')
      }
      await watched.page.locator('label', { hasText: '正在整改' }).locator('input').check()
      await watched.page.waitForFunction(() => document.querySelectorAll('#search-results li').length === 1)
      expect(await resultLinks(watched)).toEqual([`${seedId}/index.html#f-2-3`])
      expect(watched.page.url()).toContain('status=')
      expect(watched.errors).toEqual([])
      expect(watched.foreign).toEqual([])
    } finally {
      await watched.context.close()
    }
  })

  it('finds 公车 across notices, narrows by year, and a result’s link lands on the finding', async () => {
    const watched = await openPage(browser, `${site.url}search.html?q=${encodeURIComponent('公车')}&year=2022`, { width: 360 })
    try {
      await watched.page.waitForFunction(() => /找到/u.test(document.getElementById('search-status')?.textContent ?? ''))
      // The query and the filter came from the address: the four findings of 2022, not the two of 2019.
      expect((await resultLinks(watched)).sort()).toEqual(['f-1-1', 'f-1-2', 'f-1-3', 'f-1-4'].map((anchor) => `2022-mixed-bureau/index.html#${anchor}`))
      await watched.page.locator('label', { hasText: '2022年' }).locator('input').uncheck()
      await watched.page.waitForFunction(() => document.querySelectorAll('#search-results li').length === 6)
      const link = watched.page.locator('#search-results a[href$="2022-mixed-bureau/index.html#f-1-3"]')
      await link.click()
      await watched.page.waitForURL(/index\.html#f-1-3$/u)
      const target = watched.page.locator('[id="f-1-3"]')
      expect(await target.isVisible()).toBe(true)
      const box = await target.boundingBox()
      expect(box && box.y >= 0 && box.y < 900).toBe(true)
      expect(await target.locator('.badge-not_done').count()).toBe(1)
      expect(watched.foreign).toEqual([])
    } finally {
      await watched.context.close()
    }
  })

  it('finds every finding whose text holds a word, wherever the word stands in it (not only where a segmenter would cut words)', async () => {
    interface Finding {
      anchor: string
      title: string
      problem: string
      rectification: string
      responsible?: string
    }
    const records = ids.map(
      (id) =>
        JSON.parse(readFileSync(path.join(out, id, 'notice.json'), 'utf8')) as {
          id: string
          inspection?: { unit?: string }
          issuer?: string
          findings: Finding[]
        }
    )
    const holding = (query: string): string[] =>
      records.flatMap((record) =>
        record.findings
          .filter((finding) =>
            [finding.title, finding.problem, finding.rectification, finding.responsible ?? '', record.inspection?.unit ?? record.issuer ?? ''].some((text) =>
              text.includes(query)
            )
          )
          .map((finding) => `${record.id}/index.html#${finding.anchor}`)
      )
    const watched = await openPage(browser, `${site.url}search.html`, { width: 1280 })
    try {
      // Words across what a segmenter takes as word boundaries (链条|较弱, 管理|不, 显示屏|项目) as well as whole words.
      for (const query of ['闲置', '链条较', '理不', '屏项']) {
        const expected = holding(query)
        expect(expected.length, query).toBeGreaterThan(0)
        expect(expected.length, query).toBeLessThanOrEqual(20)
        await search(watched, query)
        expect((await resultLinks(watched)).sort(), query).toEqual([...expected].sort())
        expect(await watched.page.locator('#search-status').innerText()).toBe(`找到 ${expected.length} 个问题。`)
      }
      await search(watched, '没有这个词语')
      expect(await watched.page.locator('#search-status').innerText()).toBe('没有找到包含“没有这个词语”的问题。')
      expect(watched.errors).toEqual([])
    } finally {
      await watched.context.close()
    }
  })

  it('works from a page opened from disk (file://), where a browser refuses to fetch', async () => {
    const watched = await openPage(browser, pathToFileURL(path.join(out, 'search.html')).href, { width: 360 })
    try {
      await search(watched, '厂房')
      expect(await watched.page.locator('#search-status').innerText()).toBe('找到 3 个问题。')
      expect(watched.errors).toEqual([])
    } finally {
      await watched.context.close()
    }
  })

  for (const width of [360, 1280]) {
    it(`has no axe violations at ${width} px with results shown, loads nothing from another host and does not scroll sideways`, async () => {
      const watched = await openPage(browser, `${site.url}search.html`, { width })
      try {
        await search(watched, '厂房')
        expect(watched.errors).toEqual([])
        expect(watched.foreign).toEqual([])
        expect(await watched.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
        expect(await runAxe(watched.page)).toEqual([])
      } finally {
        await watched.context.close()
      }
    })
  }

  it('shows a plain message instead of the form without JavaScript', async () => {
    const { page, context } = await openPage(browser, `${site.url}search.html`, { width: 360, javaScript: false })
    try {
      expect(await page.locator('form.search-form').isVisible()).toBe(false)
      expect(await page.locator('main').innerText()).toContain('搜索需要浏览器启用 JavaScript')
      expect(await page.locator('main a[href="index.html"]').count()).toBeGreaterThan(0)
    } finally {
      await context.close()
    }
  })
})

describe('the 台账 layout', () => {
  it('is a table on a desktop and a card per finding on a phone, with no axe violations at either width', async () => {
    for (const width of [360, 1280]) {
      const { page, context, errors, foreign } = await openPage(browser, `${site.url}2022-mixed-bureau/index.html#f-1-3`, { width })
      try {
        expect(errors).toEqual([])
        expect(foreign).toEqual([])
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
        const row = page.locator('tr[id="f-1-3"]')
        expect(await row.isVisible()).toBe(true)
        expect(await row.locator('.badge-not_done').isVisible()).toBe(true)
        const display = await row.evaluate((element) => getComputedStyle(element).display)
        expect(display).toBe(width === 360 ? 'block' : 'table-row')
        const unit = row.locator('td[data-label="责任单位"]')
        expect(await unit.innerText()).toBe('县市场监管局办公室')
        // On a phone each cell is led by its column's name, drawn by CSS from data-label.
        const label = await unit.evaluate((element) => getComputedStyle(element, '::before').content)
        expect(label).toBe(width === 360 ? '"责任单位"' : 'none')
        expect(await runAxe(page)).toEqual([])
      } finally {
        await context.close()
      }
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
