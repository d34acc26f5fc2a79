import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../src/markdown/parse.js'
import { inlineHtml, markdownToHtml } from '../../src/render/html.js'

const pieces = [
  '党工委',
  '巡察',
  '整改',
  '2021年',
  '〔2021〕13号',
  ',',
  '，',
  '。',
  '：',
  ':',
  ';',
  '、',
  '“',
  '”',
  '(',
  ')',
  '（',
  '）',
  '%',
  '.',
  '1.',
  '1)',
  '-',
  '+',
  '=',
  ' ',
  '  ',
  '\t',
  '　',
  '\u00a0',
  'a',
  'Z',
  '9',
  '?',
  '"',
  "'",
  '/',
  '^',
  '$',
  '*',
  '_',
  '[',
  ']',
  '<',
  '>',
  '&',
  '#',
  '!',
  '~',
  '|',
  '@',
  'www.',
  'http://',
  '\\',
  '`',
  '---',
  '***',
  '> ',
  '# ',
  '- ',
  '1. ',
  '    ',
  'Ⅳ',
  '😀',
  '\u200b',
  '<!-- 正文 -->'
]
const line = fc.oneof(
  fc.constant('<!-- 正文 -->'),
  fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constant('')
)
/** inlineHtml takes a plain-text paragraph's text as its own HTML when it holds no `&` or `<`: the pipeline's answer too. */
describe('inline HTML of plain text', () => {
  it('renders the same HTML as the unified pipeline for any slice of a plain line', () => {
    fc.assert(
      fc.property(line, fc.nat(), fc.nat(), (text, a, b) => {
        const root = parseMarkdown(text)
        const node = root?.children[0]
        const only = node?.type === 'paragraph' && node.children.length === 1 ? node.children[0] : undefined
        // A one-line paragraph that is one text node, equal to its source line.
        if (only?.type !== 'text' || only.value !== text) return
        const start = Math.min(a, b) % (text.length + 1)
        const end = Math.max(start, Math.max(a, b) % (text.length + 1))
        expect(inlineHtml(text, node, start, end)).toBe(markdownToHtml({ type: 'root', children: [{ type: 'text', value: text.slice(start, end) }] }))
      }),
      { numRuns: 2000 }
    )
  })
})
