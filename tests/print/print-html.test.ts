/** The seed's print.html as a file: valid HTML, self-contained (its CSS inside), the whole notice text. */
import { readFileSync, rmSync } from 'node:fs'
import { HtmlValidate } from 'html-validate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedFile } from '../helpers/cli.js'
import { buildSeed, type SeedBuild } from './seed-build.js'

let build: SeedBuild
let html: string
beforeAll(() => {
  build = buildSeed({ pdf: false })
  html = readFileSync(build.printHtml, 'utf8')
})
afterAll(() => rmSync(build.dir, { recursive: true, force: true }))

describe('print.html of the seed', () => {
  it('passes html-validate with no errors', async () => {
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html, build.printHtml)
    expect(
      report.results.flatMap((result) => result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.message}`))
    ).toEqual([])
  })

  it('carries its own print CSS and loads nothing from elsewhere', () => {
    expect(html).toMatch(/<style>[\s\S]*@page \{\s*size: A4;[\s\S]*<\/style>/u)
    // The one link declares no icon (data:, fetches nothing), so a portal is not asked for /favicon.ico.
    expect(html).toContain('<link rel="icon" href="data:,">')
    expect(html.replace('<link rel="icon" href="data:,">', '')).not.toMatch(/<link|<script|@import|url\(/u)
  })

  it('holds every line of the seed, in order', () => {
    const text = html
      .replace(/<style>[\s\S]*?<\/style>/u, '')
      .replace(/<[^>]+>/gu, '')
      .replace(/&amp;/gu, '&')
      .replace(/&quot;/gu, '"')
    let from = 0
    for (const line of readFileSync(seedFile, 'utf8')
      .split(/\r?\n/u)
      .filter((candidate) => candidate.trim())) {
      const at = text.indexOf(line.trim(), from)
      expect(at, `missing or out of order: ${line.slice(0, 20)}`).toBeGreaterThanOrEqual(0)
      from = at + line.trim().length
    }
  })
})
