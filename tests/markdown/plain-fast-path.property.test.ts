import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../src/markdown/parse.js'
import { isPlainLine, parsePlainBody } from '../../src/markdown/plain.js'
import { inlineHtml, markdownToHtml } from '../../src/render/html.js'

const pieces = [
  '党工委', '巡察', '整改', '2021年', '〔2021〕13号', ',', '，', '。', '：', ':', ';', '、', '“', '”', '(', ')', '（', '）', '%', '.', '1.', '1)', '-', '+', '=',
  ' ', '  ', '\t', '　', '\u00a0', 'a', 'Z', '9', '?', '"', "'", '/', '^', '$', '*', '_', '[', ']', '<', '>', '&', '#', '!', '~', '|', '@', 'www.', 'http://', '\\', '`',
  '---', '***', '> ', '# ', '- ', '1. ', '    ', 'Ⅳ', '😀', '\u200b', '<!-- 正文 -->'
]
const line = fc.oneof(
  fc.constant('<!-- 正文 -->'),
  fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constant('')
)
const body = fc.tuple(fc.array(line, { maxLength: 12 }), fc.boolean()).map(([lines, newline]) => lines.join('\n') + (newline ? '\n' : ''))

describe('the plain-text fast path', () => {
  it('builds the same mdast as remark for every body it accepts', () => {
    let accepted = 0
    fc.assert(
      fc.property(body, (source) => {
        const fast = parsePlainBody(source)
        if (!fast) return
        accepted++
        expect(fast.children).toEqual(parseMarkdown(source).children)
      }),
      { numRuns: 3000 }
    )
    // The generator must exercise the fast path, not only the fallback.
    expect(accepted).toBeGreaterThan(300)
  })

  it('accepts ordinary notice prose and refuses lines with Markdown syntax', () => {
    expect(isPlainLine('整改情况:已完成,长期坚持。出台伊产工文〔2021〕13号文件(试行)。')).toBe(true)
    for (const line of ['**重点**', '1. 列表', '- 列表', '# 标题', '> 引用', 'a@b.cn', 'www.example.cn', '<b>', '&amp;', '  缩进', '结尾空格 ']) {
      expect(isPlainLine(line), line).toBe(false)
    }
  })

  it('renders the same HTML as the unified pipeline for any slice of a plain line', () => {
    fc.assert(
      fc.property(line, fc.nat(), fc.nat(), (text, a, b) => {
        const root = parsePlainBody(text)
        const node = root?.children[0]
        if (node?.type !== 'paragraph' || text.includes('\n')) return
        const start = Math.min(a, b) % (text.length + 1)
        const end = Math.max(start, Math.max(a, b) % (text.length + 1))
        expect(inlineHtml(text, node, start, end)).toBe(markdownToHtml({ type: 'root', children: [{ type: 'text', value: text.slice(start, end) }] }))
      }),
      { numRuns: 2000 }
    )
  })
})

describe('the frontmatter fast path', () => {
  it('reads `id: …` exactly as the YAML parser does, or leaves it to the parser', async () => {
    const { parse } = await import('yaml')
    const { trivialFrontmatter } = await import('../../src/load/frontmatter.js')
    const value = fc.oneof(
      fc.stringMatching(/^[a-z0-9.+-]{1,8}$/u),
      fc.constantFrom('1-4-2', '12', 'true', 'null', 'n1', 'e5', '1e-5', '0x1f', '0o17', '2021-01-01', 'inf', 'nan', 'y', 'no')
    )
    let fast = 0
    fc.assert(
      fc.property(value, fc.boolean(), (id, leadingNewline) => {
        const yaml = `${leadingNewline ? '\n' : ''}id: ${id}\n`
        const result = trivialFrontmatter(yaml)
        if (!result) return
        fast++
        expect(result).toEqual(parse(yaml))
      }),
      { numRuns: 2000 }
    )
    expect(fast).toBeGreaterThan(100)
  })
})
