/**
 * The built pages in a real browser: no sideways scrolling on a phone, no console errors, nothing
 * loaded from another host, axe (WCAG 2.1 A/AA) and html-validate clean, whole without JavaScript.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { HtmlValidate } from 'html-validate'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, openPage, runAxe } from './browser.js'
import { repoRoot } from '../helpers/cli.js'
import { buildSeed, copySeedContent, seedChanges, seedId } from './fixture.js'

let dir: string
let out: string
let browser: Browser

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'notice-website-'))
  out = buildSeed(dir).out
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  rmSync(dir, { recursive: true, force: true })
})

const pageKinds = [
  { kind: 'index', file: 'index.html', phone: true, axe: true },
  { kind: 'notice', file: `${seedId}/index.html`, phone: true, axe: true },
  { kind: 'print', file: `${seedId}/print.html`, phone: false, axe: false },
  { kind: 'fragment', file: `${seedId}/fragment.html`, phone: false, axe: false }
] as const

const url = (file: string): string => pathToFileURL(path.join(out, file)).href
const built = (file: string): boolean => existsSync(path.join(out, file))

describe.each(pageKinds)('the $kind page', ({ kind, file, phone, axe }) => {
  for (const width of [360, 1280]) {
    it(`loads at ${width} px without console errors or requests to other hosts${phone && width === 360 ? ', and does not scroll sideways' : ''}`, async (test) => {
      if (!built(file)) {
        // print.html comes from the print helper's branch; on a build without it there is nothing to open.
        test.skip(`${file} is not in this build (the print page is built by the print branch)`)
        return
      }
      const { page, context, errors, foreign } = await openPage(browser, url(file), { width })
      try {
        expect(errors).toEqual([])
        expect(foreign).toEqual([])
        if (phone && width === 360) {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
          expect(overflow).toBeLessThanOrEqual(0)
        }
        if (axe) {
          const serious = (await runAxe(page)).filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          expect(serious).toEqual([])
        }
      } finally {
        await context.close()
      }
    })
  }

  it('has no html-validate errors', async (test) => {
    if (!built(file)) {
      test.skip(`${file} is not in this build (the print page is built by the print branch)`)
      return
    }
    const report = await validateHtml(readFileSync(path.join(out, file), 'utf8'), kind === 'fragment')
    const errors = report.results.flatMap((result) =>
      result.messages.filter((message) => message.severity === 2).map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.message}`)
    )
    expect(errors).toEqual([])
  })
})

it('validates the pre-rendered index filters too', async () => {
  for (const file of ['index-ongoing.html', 'index-done.html']) {
    const report = await validateHtml(readFileSync(path.join(out, file), 'utf8'), false)
    expect(report.valid, file).toBe(true)
  }
})

describe('the notice page without JavaScript', () => {
  it('shows every finding, its status badge and its text', async () => {
    const { page, context, errors } = await openPage(browser, url(`${seedId}/index.html`), { width: 360, javaScript: false })
    try {
      const record = JSON.parse(readFileSync(path.join(out, seedId, 'notice.json'), 'utf8')) as {
        findings: Array<{ id: string; problem: string; rectification: string; status: string }>
      }
      expect(record.findings).toHaveLength(25)
      const visibleText = await page.locator('main').innerText()
      const squash = (text: string): string => text.replace(/\s+/gu, '')
      for (const finding of record.findings) {
        const anchor = `f-${finding.id}`
        expect(anchor).toMatch(/^f-[0-9-]+$/u)
        const section = page.locator(`[id="${anchor}"]`)
        expect(await section.isVisible(), anchor).toBe(true)
        expect(await section.locator(`.badge-${finding.status}`).isVisible(), `${anchor} badge`).toBe(true)
        // The problem and the rectification (without its label) are on the page as the reader sees it.
        for (const text of [finding.problem, finding.rectification]) expect(squash(visibleText)).toContain(squash(text).slice(0, 60))
      }
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('switches the text size with the 大/中/小 radio buttons (CSS only), still without sideways scrolling on a phone', async () => {
    const { page, context } = await openPage(browser, url(`${seedId}/index.html`), { width: 360, javaScript: false })
    try {
      const size = (): Promise<number> => page.locator('.notice-body').evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize))
      const medium = await size()
      await page.locator('label[for="text-size-l"]').click()
      const large = await size()
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
      await page.locator('label[for="text-size-s"]').click()
      const small = await size()
      expect(large).toBeGreaterThan(medium)
      expect(small).toBeLessThan(medium)
    } finally {
      await context.close()
    }
  })
})

describe('what the notice page carries', () => {
  it('has breadcrumb, title, dates, disclosure, computed progress, contact links, signature, 更新记录, print link and crawler meta tags', async () => {
    const { page, context } = await openPage(browser, url(`${seedId}/index.html`), { width: 1280 })
    try {
      const meta = async (name: string): Promise<string | null> => page.locator(`meta[name="${name}"]`).getAttribute('content')
      expect(await meta('ArticleTitle')).toBe(await page.locator('h1').innerText())
      expect(await meta('PubDate')).toBe('2021-04-15')
      for (const name of ['SiteName', 'SiteDomain', 'SiteIDCode', 'ColumnName', 'ContentSource', 'Keywords', 'Description'])
        expect(await meta(name), name).toBeTruthy()
      expect(await page.locator('nav.breadcrumb a').count()).toBeGreaterThan(0)
      expect(await page.locator('.notice-meta').innerText()).toMatch(/发布日期：2021年4月15日[\s\S]*来源：/u)
      expect(await page.locator('.disclosure').innerText()).toContain('发布机构')
      // 25 findings: 20 done, 5 in progress (正在整改 4 + 正在办理 1), computed, not typed.
      const summary = await page.locator('.summary').innerText()
      expect(summary).toMatch(/共\s*25\s*个问题/u)
      expect(summary).toMatch(/完成率\s*80%/u)
      expect(summary).toMatch(/已完成\s*20\s*个/u)
      expect(summary).toMatch(/正在整改\s*5\s*个/u)
      expect(await page.locator('a[href^="tel:"]').getAttribute('href')).toBe('tel:68359030')
      expect(await page.locator('a[href^="mailto:"]').getAttribute('href')).toBe('mailto:ycxcyjjqgwh@126.com')
      expect(await page.locator('.notice-body .signature').innerText()).toBe('中共伊川县产业集聚区工作委员会')
      expect(await page.locator('.notice-body .date').innerText()).toBe('2021年4月15日')
      const changes = await page.locator('.changes').innerText()
      for (const change of seedChanges) expect(changes).toContain(change.note)
      expect(await page.locator('a[href="print.html"]').count()).toBe(1)
      expect(await page.locator('a[href="notice.pdf"]').count()).toBe(0)
      const footer = await page.locator('.site-footer').innerText()
      for (const part of ['主办单位', '承办单位', '网站标识码', '豫ICP备', '豫公网安备']) expect(footer).toContain(part)
      expect(await page.locator('[id="f-1-4-2"]').count()).toBe(1)
    } finally {
      await context.close()
    }
  })
})

describe('page details', () => {
  it('Keywords name each word once; the breadcrumb never links the same page twice', async () => {
    const html = readFileSync(path.join(out, seedId, 'index.html'), 'utf8')
    const keywords = (/<meta name="Keywords" content="([^"]*)">/u.exec(html)?.[1] ?? '').split(',')
    expect(keywords.length).toBeGreaterThan(1)
    expect(new Set(keywords).size).toBe(keywords.length)
    for (const file of [`${seedId}/index.html`, 'stats.html', 'search.html']) {
      const breadcrumb = /<nav class="breadcrumb[\s\S]*?<\/nav>/u.exec(readFileSync(path.join(out, file), 'utf8'))?.[0] ?? ''
      const links = [...breadcrumb.matchAll(/href="([^"]*)"/gu)].map((match) => match[1])
      expect(links.length, file).toBeGreaterThan(0)
      expect(new Set(links).size, file).toBe(links.length)
      // Without site.yml's homeUrl there is no 首页 to link to.
      expect(breadcrumb, file).not.toContain('首页')
    }
  })

  it('every page names an icon that is in the build, or declares none (no /favicon.ico 404 on the portal)', () => {
    for (const file of ['index.html', `${seedId}/index.html`, 'stats.html', 'search.html', `${seedId}/print.html`]) {
      const href = /<link rel="icon" href="([^"]*)"/u.exec(readFileSync(path.join(out, file), 'utf8'))?.[1]
      expect(href, file).toBeDefined()
      if (href?.startsWith('data:')) continue
      expect(existsSync(path.join(out, path.dirname(file), href ?? '')), `${file} → ${href}`).toBe(true)
    }
  })

  it('the print page reminds the reader on screen to untick 页眉和页脚, and never prints the reminder', async () => {
    const { page, context } = await openPage(browser, url(`${seedId}/print.html`), { width: 1280 })
    try {
      const reminder = page.locator('.print-reminder')
      expect(await reminder.innerText()).toContain('页眉和页脚')
      expect(await reminder.isVisible()).toBe(true)
      await page.emulateMedia({ media: 'print' })
      expect(await reminder.isVisible()).toBe(false)
      // The seed declares no 红头: no 版头 at all.
      expect(await page.locator('.document-head').count()).toBe(0)
    } finally {
      await context.close()
    }
  })

  describe('of a notice with a title line, an index number, a 红头 and a 发文字号, on a site with its portal’s home', () => {
    let detailed: string
    const title = '伊川县产业集聚区关于县委第四巡察组巡察反馈意见整改情况的公布'
    beforeAll(() => {
      const root = mkdtempSync(path.join(tmpdir(), 'notice-details-'))
      const content = copySeedContent(root)
      const noticeFile = path.join(content, seedId, 'notice.md')
      const text = readFileSync(noticeFile, 'utf8')
        .replace('---\n', '---\nprint:\n  header: 中共伊川县产业集聚区工作委员会文件\n')
        .replace('disclosure:\n', 'disclosure:\n  indexNumber: 11410329MB1234567X/2021-00123\n  docNumber: 伊产工文〔2021〕13号\n')
        .replace('\n---\n\n', `\n---\n\n${title}\n\n`)
      writeFileSync(noticeFile, text)
      const site = path.join(content, 'site.yml')
      writeFileSync(site, `${readFileSync(site, 'utf8')}homeUrl: https://www.example.gov.cn/\n`)
      detailed = path.join(root, 'dist')
      const built = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'notice.js'), 'build', '--content', content, '--out', detailed], {
        encoding: 'utf8'
      })
      expect(built.status, built.stderr).toBe(0)
    }, 120_000)
    afterAll(() => rmSync(path.dirname(detailed), { recursive: true, force: true }))

    it('shows the title once on the page and adds none to the fragment; notice.txt keeps the line', () => {
      const page = readFileSync(path.join(detailed, seedId, 'index.html'), 'utf8')
      const body = page.slice(page.indexOf('<body'))
      expect(body.split(title).length - 1).toBe(1)
      expect(body).toContain(`<h1>${title}</h1>`)
      const fragment = readFileSync(path.join(detailed, seedId, 'fragment.html'), 'utf8')
      expect(fragment.slice(fragment.indexOf('</pre>'))).not.toContain(title)
      expect(readFileSync(path.join(detailed, seedId, 'notice.txt'), 'utf8').startsWith(`${title}\n`)).toBe(true)
    })

    it('links 首页 to the portal’s home and the column to the list', () => {
      const page = readFileSync(path.join(detailed, seedId, 'index.html'), 'utf8')
      expect(page).toContain('<li><a href="https://www.example.gov.cn/">首页</a></li>')
      expect(page).toContain('<li><a href="../index.html">巡察整改</a></li>')
    })

    it('keeps the 信息索引号 on one line on a phone', async () => {
      const { page, context } = await openPage(browser, pathToFileURL(path.join(detailed, seedId, 'index.html')).href, { width: 360 })
      try {
        const lines = await page.locator('.disclosure .index-number dd').evaluate((element) => {
          const range = document.createRange()
          range.selectNodeContents(element)
          return new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top))).size
        })
        expect(lines).toBe(1)
        expect(await page.locator('.disclosure .index-number dd').textContent()).toBe('11410329MB1234567X/2021-00123')
      } finally {
        await context.close()
      }
    })

    it('prints the 版头: 红头, 发文字号 below it, a red rule, then the title', async () => {
      const { page, context } = await openPage(browser, pathToFileURL(path.join(detailed, seedId, 'print.html')).href, { width: 1280 })
      try {
        expect(await page.locator('.document-head .issuer-mark').textContent()).toBe('中共伊川县产业集聚区工作委员会文件')
        expect(await page.locator('.document-head .doc-number').textContent()).toBe('伊产工文〔2021〕13号')
        const color = await page.locator('.document-head .issuer-mark').evaluate((element) => getComputedStyle(element).color)
        expect(color).toBe('rgb(230, 0, 18)')
        const boxes = await Promise.all(
          ['.issuer-mark', '.doc-number', '.head-rule', '.document-title'].map((selector) => page.locator(selector).first().boundingBox())
        )
        const tops = boxes.map((box) => box?.y ?? Number.NaN)
        expect([...tops].sort((a, b) => a - b)).toEqual(tops)
        // The rule spans the 版心 (156 mm).
        expect(Math.abs((boxes[2]?.width ?? 0) - (156 * 96) / 25.4)).toBeLessThan(2)
      } finally {
        await context.close()
      }
    })
  })
})

/**
 * html-validate's recommended rules. The fragment's inline styles are its point (a CMS keeps them
 * where it drops a stylesheet), so `no-inline-style` is off for the fragment alone.
 */
async function validateHtml(html: string, fragment: boolean) {
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'], ...(fragment ? { rules: { 'no-inline-style': 'off' } } : {}) })
  return validator.validateString(html)
}

describe('the checks themselves', () => {
  it('catch a request to another host and a serious axe violation (so a clean page means something)', async () => {
    const file = path.join(dir, 'bad.html')
    writeFileSync(
      file,
      '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>坏页面</title></head><body><main><img src="https://cdn.example.com/logo.png"></main></body></html>'
    )
    const { page, context, foreign } = await openPage(browser, pathToFileURL(file).href, { width: 360 })
    try {
      expect(foreign).toContain('https://cdn.example.com/logo.png')
      const violations = await runAxe(page)
      expect(violations.some((violation) => violation.id === 'image-alt' && (violation.impact === 'critical' || violation.impact === 'serious'))).toBe(true)
    } finally {
      await context.close()
    }
  })
})
