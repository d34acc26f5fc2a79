/** The website's files as files: fragment, feed, sitemap, index filters, the pdf flag, determinism. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkContent, renderContent } from '../../src/engine/pipeline.js'
import { readContent } from '../../src/load/read.js'
import { bundledTemplates, readTemplates } from '../../src/render/read-templates.js'
import { createRenderer } from '../../src/render/templates.js'
import { runCli, tempDir } from '../helpers/cli.js'
import { buildSeed, copySeedContent, seedId } from './fixture.js'

const read = (out: string, file: string): string => readFileSync(path.join(out, file), 'utf8')

/** One build of the seed shared by the tests that only read it. */
let shared: string
let out: string
beforeAll(() => {
  shared = mkdtempSync(path.join(tmpdir(), 'notice-website-'))
  out = buildSeed(shared).out
})
afterAll(() => rmSync(shared, { recursive: true, force: true }))

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort()
}

describe('the CMS fragment', () => {
  it('is the body alone: inline styles, no script, no stylesheet, no class, and every finding anchor', () => {
    const fragment = read(out, `${seedId}/fragment.html`)
    expect(fragment).not.toMatch(/<script|<link|<style|\sclass=|<html|<head|<body|<!DOCTYPE/iu)
    expect(fragment).toMatch(/style="/u)
    const record = JSON.parse(read(out, `${seedId}/notice.json`)) as { findings: Array<{ anchor: string }> }
    for (const finding of record.findings) expect(fragment).toContain(`id="${finding.anchor}"`)
  })

  it('carries the disclosure metadata as JSON text a CMS can parse', () => {
    const fragment = read(out, `${seedId}/fragment.html`)
    const block = /<pre hidden data-notice-metadata="application\/json"[^>]*>([\s\S]*?)<\/pre>/u.exec(fragment)
    expect(block).not.toBeNull()
    const text = (block?.[1] ?? '').replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&amp;/gu, '&')
    const metadata = JSON.parse(text) as Record<string, unknown>
    expect(metadata).toMatchObject({
      id: seedId,
      publisher: '中共伊川县产业集聚区工作委员会',
      written: '2021-04-15',
      published: '2021-04-15',
      openness: '主动公开',
      category: '党务公开/巡察整改',
      url: `https://www.example.gov.cn/xczg/${seedId}/`,
      stats: { total: 25, completionRate: 80 }
    })
  })
})

describe('the feed and the sitemap', () => {
  it('are dated from the notice’s own dates (the latest change), under the base URL', () => {
    const feed = read(out, 'feed.xml')
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom"')
    expect(feed).toContain(`<id>https://www.example.gov.cn/xczg/${seedId}/</id>`)
    expect(feed).toContain('<updated>2021-09-30T00:00:00+08:00</updated>')
    expect(feed).toContain('<published>2021-04-15T00:00:00+08:00</published>')
    const sitemap = read(out, 'sitemap.xml')
    expect(sitemap).toContain(`<loc>https://www.example.gov.cn/xczg/${seedId}/</loc>`)
    expect(sitemap).toContain('<lastmod>2021-09-30</lastmod>')
    expect(read(out, `${seedId}/index.html`)).toContain('href="../feed.xml"')
  })

  it('are left out, silently, when site.yml has no baseUrl', () => {
    const { out, stderr } = buildSeed(tempDir(), { baseUrl: false })
    const files = listFiles(out)
    expect(files).not.toContain('feed.xml')
    expect(files).not.toContain('sitemap.xml')
    expect(stderr).not.toMatch(/baseUrl|feed|sitemap|订阅|站点地图/u)
    expect(read(out, `${seedId}/index.html`)).not.toContain('feed.xml')
  })
})

describe('the build', () => {
  it('is byte-identical when built twice, and no built file carries the dev server’s script', () => {
    const first = out
    const second = buildSeed(tempDir()).out
    const files = listFiles(first)
    expect(listFiles(second)).toEqual(files)
    for (const file of files) {
      expect(read(second, file), file).toBe(read(first, file))
      expect(read(first, file), file).not.toContain('__notice-dev')
    }
  })

  it('links the PDF only when the build makes one (the pdf render option)', async () => {
    const content = copySeedContent(tempDir())
    const [source, templates] = await Promise.all([readContent(content, process.cwd()), readTemplates(bundledTemplates)])
    const checked = checkContent(source)
    const renderer = createRenderer(templates.sources, templates.assets)
    const page = (pdf: boolean): string =>
      renderContent(checked, renderer, { drafts: false, pdf })
        .find((file) => file.path === `${seedId}/index.html`)
        ?.content.toString() ?? ''
    expect(page(true)).toContain('href="notice.pdf"')
    expect(page(false)).not.toContain('notice.pdf')
    expect(page(false)).toContain('href="print.html"')
  })
})

describe('the index', () => {
  it('lists notices newest first with unit, date and rate, by year (anchors) and by progress (pre-rendered pages)', () => {
    const dir = tempDir()
    const content = copySeedContent(dir)
    expect(runCli(['new', '2022-finished', '--content', content]).code).toBe(0)
    const notice = path.join(content, '2022-finished', 'notice.md')
    writeFileSync(
      notice,
      readFileSync(notice, 'utf8')
        .replace(/^(\s+(?:written|published|- date):) .*$/gmu, '$1 2022-06-01')
        .replace(/^draft: true\n/mu, '')
    )
    const finding = path.join(content, '2022-finished', 'findings', '01-01.md')
    writeFileSync(finding, readFileSync(finding, 'utf8').replace('整改情况：正在整改。', '整改情况：已完成。'))
    const out = path.join(dir, 'dist')
    const built = runCli(['build', '--content', content, '--out', out])
    expect(built.stderr).not.toMatch(/error/u)
    expect(built.code).toBe(0)

    const index = read(out, 'index.html')
    expect(index.indexOf('2022-finished/index.html')).toBeLessThan(index.indexOf(`${seedId}/index.html`))
    expect(index).toContain('href="#y-2022"')
    expect(index).toContain('id="y-2021"')
    expect(index).toContain('县产业集聚区管委会')
    expect(index).toContain('2021年4月15日')
    expect(index).toContain('完成率 80%（20/25）')
    expect(index).toContain('完成率 100%（1/1）')
    const done = read(out, 'index-done.html')
    expect(done).toContain('2022-finished/index.html')
    expect(done).not.toContain(`${seedId}/index.html`)
    const ongoing = read(out, 'index-ongoing.html')
    expect(ongoing).toContain(`${seedId}/index.html`)
    expect(ongoing).not.toContain('2022-finished/index.html')
  })
})

describe('a county team’s own look', () => {
  it('takes templates/ in the working folder over the bundled ones, file by file (header, colours), without touching src/', () => {
    const dir = tempDir()
    const content = copySeedContent(dir)
    mkdirSync(path.join(dir, 'templates', 'partials'), { recursive: true })
    mkdirSync(path.join(dir, 'templates', 'assets'), { recursive: true })
    writeFileSync(path.join(dir, 'templates', 'partials', 'header.eta'), '<header class="site-header"><p>本县门户网站<%= it.site.name %></p></header>\n')
    const css = readFileSync(path.join(bundledTemplates, 'assets', 'site.css'), 'utf8').replace('--brand: #b71c1c;', '--brand: #0b4f8a;')
    writeFileSync(path.join(dir, 'templates', 'assets', 'site.css'), css)
    const built = runCli(['build', '--content', content, '--out', path.join(dir, 'dist')], { cwd: dir })
    expect(built.code).toBe(0)
    const page = read(path.join(dir, 'dist'), `${seedId}/index.html`)
    expect(page).toContain('<p>本县门户网站')
    expect(page).toContain('class="site-footer"')
    expect(read(path.join(dir, 'dist'), 'assets/site.css')).toContain('--brand: #0b4f8a;')
    expect(listFiles(path.join(dir, 'dist'))).toContain(`${seedId}/fragment.html`)
  })
})
