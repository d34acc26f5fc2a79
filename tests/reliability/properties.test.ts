/**
 * Property tests: the loader (and the rules after it) never throws on any file text or any bytes
 * decoded as the reader decodes them; it returns diagnostics. `importText` never throws, and when
 * it succeeds the files it writes read back to the very text it was given.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkContent, renderContent } from '../../src/engine/pipeline.js'
import { hasErrors } from '../../src/diagnostics/diagnostic.js'
import { importText } from '../../src/import/import.js'
import { loadNotice, type SourceFile } from '../../src/load/notice.js'
import { siteConfig } from '../../src/model/schema.js'
import { defaultStatusPhrases } from '../../src/model/vocabulary.js'
import { bundledTemplates, readTemplates } from '../../src/render/read-templates.js'
import { createRenderer } from '../../src/render/templates.js'
import { renderText } from '../../src/render/text.js'
import { decodeText, splitLines } from '../../src/text/decode.js'
import { validateNotice } from '../../src/validate/validate.js'

const options = { statusPhrases: defaultStatusPhrases }
const site = siteConfig.parse({})

/** Pieces that steer random text into the interesting paths: frontmatter, YAML, labels, headings, markup. */
const piece = fc.oneof(
  fc.constantFrom(
    '---\n',
    '---',
    'id: 1-1\n',
    'id: ',
    'title: ',
    'internal:\n',
    '  ',
    '\t',
    ': ',
    '- ',
    '"',
    "'",
    '{',
    '[',
    ']',
    '&a ',
    '*a',
    '问题内容：',
    '整改情况：已完成。',
    '正在整改',
    '1、',
    '一、',
    '（一）',
    '一是',
    '> ',
    '* ',
    '_',
    '`',
    '<script>',
    '<!-- 正文 -->',
    '[链接](javascript:alert(1))',
    '&#58;',
    '\r\n',
    '\r',
    '\n',
    '\n\n',
    '\uFEFF',
    '\u0000',
    '\ud800',
    '2021-02-30'
  ),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 })
)
const fileText = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''))

function sourceFiles(notice: string, finding: string, section: string): SourceFile[] {
  return [
    { path: 'n1/notice.md', ref: 'n1/notice.md', name: 'notice.md', kind: 'notice', text: notice },
    { path: 'n1/sections/01.md', ref: 'n1/sections/01.md', name: '01.md', kind: 'section', text: section },
    { path: 'n1/findings/01-01.md', ref: 'n1/findings/01-01.md', name: '01-01.md', kind: 'finding', text: finding }
  ]
}

function assertDiagnostics(files: SourceFile[]): void {
  const notice = loadNotice({ id: 'n1', files }, options)
  const diagnostics = validateNotice(notice, site)
  for (const diagnostic of diagnostics) {
    expect(diagnostic.line).toBeGreaterThanOrEqual(1)
    expect(diagnostic.column).toBeGreaterThanOrEqual(1)
    expect(diagnostic.rule.length).toBeGreaterThan(0)
    expect(diagnostic.message.length).toBeGreaterThan(0)
  }
}

describe('the loader never throws', () => {
  it('on arbitrary file texts', () => {
    fc.assert(
      fc.property(fileText, fileText, fileText, (notice, finding, section) => assertDiagnostics(sourceFiles(notice, finding, section))),
      { numRuns: 150 }
    )
  })

  it('on arbitrary bytes, decoded as the reader decodes them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.uint8Array({ maxLength: 400 }), (noticeBytes, findingBytes) => {
        const notice = decodeText(noticeBytes, { allowLegacy: false })
        const finding = decodeText(findingBytes, { allowLegacy: false })
        // The reader refuses what it cannot decode (a `file` diagnostic); what it can decode goes to the loader.
        assertDiagnostics(sourceFiles(notice.ok ? notice.text : '', finding.ok ? finding.text : '', ''))
      }),
      { numRuns: 150 }
    )
  })
})

describe('importText', () => {
  it('never throws, and either succeeds losslessly or returns an error with a line', () => {
    fc.assert(
      fc.property(fileText, (text) => {
        const outcome = importText(text, 'n1')
        if (!outcome.ok) {
          expect(outcome.line).toBeGreaterThanOrEqual(1)
          expect(outcome.message).toMatch(/\p{Script=Han}/u)
          return
        }
        const files = outcome.files.map((file): SourceFile => {
          const kind = file.path.startsWith('findings/') ? 'finding' : file.path.startsWith('sections/') ? 'section' : 'notice'
          return { path: file.path, ref: file.path, name: file.path.split('/').pop() ?? file.path, kind, text: file.text }
        })
        // Lines of a portal page around the notice are left out of the text, and listed.
        const omitted = new Set(outcome.report.omitted.map((line) => line.line))
        const lines = splitLines(text).filter((_, index) => !omitted.has(index + 1))
        while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
        const expected = lines.length === 0 ? '' : `${lines.join('\n')}\n`
        expect(renderText(loadNotice({ id: 'n1', files }, options).document)).toBe(expected)
      }),
      { numRuns: 100 }
    )
  })
})

describe('rendering', () => {
  it('never throws on content that passes the checks, and never lets a script or javascript: URL into a page', async () => {
    const templates = await readTemplates(bundledTemplates)
    const renderer = createRenderer(templates.sources, templates.assets)
    const notice = '---\ntitle: 测试\n---\n\n开头。\n\n<!-- 正文 -->\n\n结尾。\n'
    const body = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''))
    // Templates may carry scripts of their own (a font-size switch): count them on a clean page and allow only those.
    // Only markup counts: `javascript:` as escaped text (say, inside a code block) runs nowhere.
    const unsafe = /<script\b|<[a-z][^<>]*\s(?:on[a-z]+\s*=|(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:)/giu
    const count = (html: string): number => html.match(unsafe)?.length ?? 0
    const clean = checkContent({
      notices: [{ id: 'n1', files: sourceFiles(notice, '---\nid: 1-1\n---\n\n1、标题\n\n问题内容：无。\n\n整改情况：已完成。\n', '一、章节\n') }],
      diagnostics: []
    })
    const baseline = new Map(renderContent(clean, renderer, { drafts: true }).map((file) => [file.path, count(String(file.content))]))
    let published = 0
    fc.assert(
      fc.property(body, body, (problem, rest) => {
        const finding = `---\nid: 1-1\n---\n\n1、标题${rest}\n\n问题内容：${problem}\n\n整改情况：已完成。${rest}\n`
        const content = checkContent({ notices: [{ id: 'n1', files: sourceFiles(notice, finding, '一、章节\n') }], diagnostics: [] })
        const ruleOff = { ...content, site: { ...content.site, rules: { 'raw-html': 'off' as const } } }
        // Rendered whether or not raw-html objects: the sanitiser must hold on its own.
        if (hasErrors(content.diagnostics.filter((diagnostic) => diagnostic.rule !== 'raw-html'))) return
        published++
        for (const file of renderContent(ruleOff, renderer, { drafts: true })) {
          if (!file.path.endsWith('.html')) continue
          expect(count(String(file.content)), file.path).toBe(baseline.get(file.path) ?? 0)
        }
      }),
      { numRuns: 150 }
    )
    expect(published).toBeGreaterThan(10)
  })
})
