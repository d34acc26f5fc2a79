/**
 * Every output is well-formed whatever the input: arbitrary text (any code point, controls, bidi
 * overrides, lone surrogates, markup) in every frontmatter field of notice.md, in a finding's
 * heading, problem and rectification, and in site.yml's names gives a feed.xml and sitemap.xml
 * that a conforming XML parser reads, and HTML pages html-validate passes.
 */
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { HtmlValidate } from 'html-validate'
import { SaxesParser } from 'saxes'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/cli.js'
import { minimalContent, runMain } from './support.js'

/** A YAML double-quoted scalar holding exactly `text`: everything outside printable ASCII escaped. */
function yamlString(text: string): string {
  let out = '"'
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    const char = text[index] ?? ''
    if (char === '"' || char === '\\') out += `\\${char}`
    else if (code >= 0x20 && code < 0x7f) out += char
    else out += `\\u${code.toString(16).padStart(4, '0')}`
  }
  return `${out}"`
}

const tricky = fc.constantFrom(
  '<',
  '&',
  ']]>',
  '</script>',
  '<!--',
  '-->',
  '"',
  "'",
  '\u0000',
  '\u0001',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u202e',
  '\u2066',
  '\u200b',
  '\u2028',
  '\ufeff',
  '\ufffe',
  '\ud800',
  '\udfff',
  '&#0;',
  '&amp',
  'javascript:',
  '{{x}}',
  '<%= it %>'
)
const text = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), tricky), { maxLength: 5 }).map((parts) => parts.join(''))
/** Text for one Markdown line: no line break, and something a required field accepts. */
const lineText = text.map((value) => value.replace(/[\r\n]/gu, ' '))
/** Text for a field that must show something (a title, a name): arbitrary text after one visible character. */
const nonEmpty = text.map((value) => `题${value}`)

const fields = fc.record({
  title: nonEmpty,
  issuer: nonEmpty,
  source: nonEmpty,
  team: text,
  unit: text,
  basis: text,
  signature: text,
  phone: text,
  email: text,
  address: text,
  postcode: text,
  indexNumber: text,
  publisher: text,
  openness: text,
  category: text,
  keyword: text,
  note: nonEmpty,
  heading: lineText,
  problem: lineText,
  rectification: lineText,
  siteName: nonEmpty,
  host: text
})

// long-title is advice on length, not well-formedness: an arbitrary title may be as long as the notice's own.
const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } })
const fragmentValidator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-inline-style': 'off', 'long-title': 'off' } })

function parseXml(xml: string): void {
  const parser = new SaxesParser()
  parser.on('error', (error) => {
    throw error
  })
  parser.write(xml).close()
}

describe('outputs are well-formed whatever the input', () => {
  it('feed.xml and sitemap.xml parse as XML and every HTML page passes html-validate', async () => {
    let built = 0
    let runs = 0
    await fc.assert(
      fc.asyncProperty(fields, async (value) => {
        runs++
        const root = tempDir('notice-well-formed-')
        const content = path.join(root, 'content')
        cpSync(minimalContent, content, { recursive: true })
        const y = yamlString
        writeFileSync(
          path.join(content, 'site.yml'),
          `name: ${y(value.siteName)}\nbaseUrl: https://www.example.gov.cn/xczg/\nfooter:\n  host: ${y(value.host)}\nrules:\n  raw-html: "off"\n  private-data: "off"\n`
        )
        writeFileSync(
          path.join(content, 'n1', 'notice.md'),
          [
            '---',
            `title: ${y(value.title)}`,
            `issuer: ${y(value.issuer)}`,
            `source: ${y(value.source)}`,
            'inspection:',
            `  team: ${y(value.team)}`,
            `  unit: ${y(value.unit)}`,
            '  start: 2021-01-04',
            '  end: 2021-02-05',
            `basis: ${y(value.basis)}`,
            'dates:',
            '  written: 2021-03-05',
            `signature: ${y(value.signature)}`,
            'contact:',
            `  phone: ${y(value.phone)}`,
            `  email: ${y(value.email)}`,
            `  address: ${y(value.address)}`,
            `  postcode: ${y(value.postcode)}`,
            'disclosure:',
            `  indexNumber: ${y(value.indexNumber)}`,
            `  publisher: ${y(value.publisher)}`,
            `  openness: ${y(value.openness)}`,
            `  category: ${y(value.category)}`,
            `keywords: [${y(value.keyword)}]`,
            'changes:',
            `  - { date: 2021-03-06, note: ${y(value.note)} }`,
            '---',
            '',
            '按照县委统一部署，县委第一巡察组对测试单位进行了巡察。',
            '',
            '<!-- 正文 -->',
            '',
            '欢迎广大干部群众对巡察整改落实情况进行监督。',
            ''
          ].join('\n')
        )
        writeFileSync(
          path.join(content, 'n1', 'findings', '01-02.md'),
          `---\nid: 1-2\n---\n\n2、学习记录不全${value.heading}\n\n问题内容：部分支部学习记录缺失。${value.problem}\n\n整改情况：正在整改。${value.rectification}\n`
        )
        const result = await runMain(['build', '--content', 'content', '--out', 'out', '--no-cache'], root)
        if (result.code !== 0) return
        built++
        const out = path.join(root, 'out')
        for (const file of ['feed.xml', 'sitemap.xml']) {
          const xml = readFileSync(path.join(out, file), 'utf8')
          expect(() => parseXml(xml), `${file}: ${xml}`).not.toThrow()
        }
        const pages = (readdirSync(out, { recursive: true }) as string[]).filter((file) => file.endsWith('.html'))
        expect(pages.length).toBeGreaterThanOrEqual(4)
        for (const page of pages) {
          const html = readFileSync(path.join(out, page), 'utf8')
          const report = await (page.endsWith('fragment.html') ? fragmentValidator : validator).validateString(html)
          const errors = report.results.flatMap((result) =>
            result.messages.filter((message) => message.severity === 2).map((message) => `${message.ruleId}: ${message.message}`)
          )
          expect(errors, page).toEqual([])
        }
      }),
      { numRuns: 12 }
    )
    // The property means something only if most inputs were published.
    expect(built).toBeGreaterThanOrEqual(runs / 2)
  }, 180_000)
})
