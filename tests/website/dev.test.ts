/**
 * notice dev against a real browser: a saved change to a finding shows on the open page, and a
 * check error shows in the terminal and as an overlay, and the search page finds a word just saved. Latency is measured and printed, and only
 * bounded generously (timing belongs in bench/, this asserts that the page updates at all).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDev, type DevServer } from '../helpers/dev.js'
import { launchBrowser, openPage } from './browser.js'
import { copySeedContent, seedId } from './fixture.js'

let dir: string
let content: string
let dev: DevServer
let baseUrl: string
let browser: Browser

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'notice-dev-'))
  content = copySeedContent(dir)
  dev = await startDev(dir, ['--content', content])
  baseUrl = dev.baseUrl
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await dev?.stop()
  rmSync(dir, { recursive: true, force: true })
})

/** Polls until `check` is true, up to `limitMs`; returns the milliseconds it took. */
async function waitFor(check: () => Promise<boolean>, limitMs: number): Promise<number> {
  const started = performance.now()
  while (performance.now() - started < limitMs) {
    if (await check().catch(() => false)) return performance.now() - started
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`not within ${limitMs} ms`)
}

describe('notice dev', () => {
  it('serves the notice and shows a saved change to a finding on the open page', async () => {
    const { page, context, errors, foreign } = await openPage(browser, `${baseUrl}${seedId}/`, { width: 1280 })
    try {
      expect(await page.locator('h1').innerText()).toContain('伊川县产业集聚区')
      const findingFile = path.join(content, seedId, 'findings', '01-04-02.md')
      const marker = '（预览测试：这句话是刚刚保存的）'
      const before = readFileSync(findingFile, 'utf8')
      writeFileSync(findingFile, before.replace('不能发挥集群效益。', `不能发挥集群效益。${marker}`))
      const latency = await waitFor(async () => (await page.locator('[id="f-1-4-2"]').innerText()).includes(marker), 8000)
      console.log(`notice dev: change visible on the open page after ${Math.round(latency)} ms`)
      expect(errors).toEqual([])
      expect(foreign).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('shows a check error in the terminal and as an overlay, and clears it when fixed', async () => {
    const { page, context } = await openPage(browser, `${baseUrl}${seedId}/`, { width: 360 })
    try {
      const findingFile = path.join(content, seedId, 'findings', '03-05.md')
      const good = readFileSync(findingFile, 'utf8')
      // Two findings with the same id: an error `check` reports (duplicate-id).
      writeFileSync(findingFile, good.replace(/^id: .*$/mu, 'id: 3-4-1'))
      await waitFor(async () => page.locator('#notice-dev-overlay').isVisible(), 8000)
      const overlay = await page.locator('#notice-dev-overlay').innerText()
      expect(overlay).toContain('03-05.md')
      expect(overlay).toContain('duplicate-id')
      expect(dev.output.stderr).toMatch(/03-05\.md:\d+:\d+: error: .*\[duplicate-id\]/u)

      writeFileSync(findingFile, good)
      await waitFor(async () => (await page.locator('#notice-dev-overlay').count()) === 0 && (await page.locator('h1').count()) === 1, 8000)
    } finally {
      await context.close()
    }
  })

  it('searches in the preview too: a word just saved into a finding is found, linked to that finding', async () => {
    const findingFile = path.join(content, seedId, 'findings', '02-02.md')
    const word = '预览搜索测试词'
    writeFileSync(findingFile, `${readFileSync(findingFile, 'utf8').trimEnd()}${word}。\n`)
    // The preview rebuilt the notice's shard of the index: then the page searches it.
    await waitFor(async () => (await (await fetch(`${baseUrl}search/${seedId}.js`)).text()).includes(word), 8000)
    const { page, context, errors, foreign } = await openPage(browser, `${baseUrl}search.html?q=${encodeURIComponent(word)}`, { width: 1280 })
    try {
      await page.waitForFunction(() => /找到|没有找到|失败/u.test(document.getElementById('search-status')?.textContent ?? ''))
      expect(await page.locator('#search-status').innerText()).toBe('找到 1 个问题。')
      const href = await page.locator('#search-results .result-title a').getAttribute('href')
      expect(new URL(href ?? '', baseUrl).pathname + new URL(href ?? '', baseUrl).hash).toBe(`/${seedId}/index.html#f-2-2`)
      expect(errors).toEqual([])
      expect(foreign).toEqual([])
    } finally {
      await context.close()
    }
  })
})
