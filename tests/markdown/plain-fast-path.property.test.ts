import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../src/markdown/parse.js'
import { isInlineOnlyLine, isPlainLine, parsePlainBody } from '../../src/markdown/plain.js'
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
/** Lines of notice prose with inline syntax in them: addresses, links, escapes, emphasis, references. */
const inlinePieces = ['电子邮箱：', 'ab@126.com', 'x.y@a-b.cn', '@', 'ycxcyjjqgwh@126', '@126', 'a@b_c', 'a@x.', 'a@x.-y', 'a@x._z', '.com', 'x.y', 'www.a.cn', 'http://x.cn/a?b=1', 'mailto:a@b.cn', '\\*', '\\', '*重点*', '**重点**', '_x_', '&amp;', '&#12;', '&', '。', '，', '.', '-', '_', ' ', '党工委', '整改', '1.', '[a]: http://x.cn', '[a]', '<b>']
const inlineLine = fc.array(fc.constantFrom(...inlinePieces), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''))
const mixedBody = fc
  .tuple(fc.array(fc.oneof(line, inlineLine, inlineLine), { maxLength: 12 }), fc.boolean())
  .map(([lines, newline]) => lines.join('\n') + (newline ? '\n' : ''))

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

  it('parses a paragraph with inline syntax alone, and the body still gets the same mdast as remark', () => {
    let alone = 0
    fc.assert(
      fc.property(mixedBody, (source) => {
        const fast = parsePlainBody(source, parseMarkdown)
        if (!fast) return
        if (!parsePlainBody(source)) alone++
        expect(fast.children).toEqual(parseMarkdown(source).children)
      }),
      { numRuns: 4000 }
    )
    expect(alone).toBeGreaterThan(200)
  })

  it('parses alone the paragraph of an e-mail address or a link, and nothing that can reach past it', () => {
    for (const line of ['电子邮箱：ycxcyjjqgwh@126.com。', '网址www.yichuan.gov.cn', '整改**重点**', 'a\\*b', '&amp;']) expect(isInlineOnlyLine(line), line).toBe(true)
    for (const line of ['[1]: http://a', '* 列表', '___', '> 引用', '`代码`', '~~删除~~', '|表格|', '<b>粗</b>', '1. 列表', '# 标题']) expect(isInlineOnlyLine(line), line).toBe(false)
  })

  it('builds e-mail links exactly as remark does, wherever it builds them itself', () => {
    const local = fc.oneof(
      fc.constantFrom('ycxcyjjqgwh', 'a', 'B2.x', 'a+b', 'x-1'),
      fc.array(fc.constantFrom('a', 'B2', '9', '.', '-', '+', '_'), { maxLength: 3 }).map((parts) => parts.join(''))
    )
    const domain = fc.oneof(
      fc.constantFrom('126.com', 'yc.gov.cn', 'x-y.cn', 'a.b'),
      fc.array(fc.constantFrom('126', 'com', 'cn', 'x-y', '-', '_', '9', ''), { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'))
    )
    const address = fc.tuple(local, domain, fc.constantFrom('', '', '', '.', '-', '_', '@', 'a')).map(([name, host, tail]) => `${name}@${host}${tail}`)
    const around = fc.oneof(
      { arbitrary: fc.constantFrom('电子邮箱：', '邮箱', '。', '，', '（', '）', ''), weight: 4 },
      { arbitrary: fc.constantFrom(' ', '\u00a0', '　', 'a', '.', '/', ':', '(', ')', ',', ';', '!', '?', '#', '"', "'", '='), weight: 2 }
    )
    const emailLine = fc.tuple(around, address, around, fc.option(fc.tuple(address, around))).map(([a, b, c, d]) => a + b + c + (d ? d.join('') : ''))
    const emailBody = fc.tuple(fc.array(emailLine, { minLength: 1, maxLength: 3 }), fc.constantFrom('\n\n', '\n')).map(([lines, gap]) => lines.join(gap))
    let built = 0
    fc.assert(
      fc.property(emailBody, (source) => {
        const fast = parsePlainBody(source)
        if (!fast) return
        if (fast.children.some((node) => node.type === 'paragraph' && node.children.some((child) => child.type === 'link'))) built++
        expect(fast.children).toEqual(parseMarkdown(source).children)
      }),
      { numRuns: 12000 }
    )
    expect(built).toBeGreaterThan(80)
    const closing = parsePlainBody('联系电话：0379-68359030，电子邮箱：ycxcyjjqgwh@126.com。')?.children[0]
    expect(closing?.type === 'paragraph' && closing.children.map((child) => child.type)).toEqual(['text', 'link', 'text'])
  })

  it('takes as plain text, without the real parser, a paragraph whose `@` begins no address', () => {
    const calls: string[] = []
    const parseAlone = (text: string): ReturnType<typeof parseMarkdown> => {
      calls.push(text)
      return parseMarkdown(text)
    }
    for (const source of ['8、电子邮箱：ycxcyjjqgwh@126', '电子邮箱：ab@126。', '邮箱：x@y.\n下一行', '@ 与 @126。', 'a@x..。']) {
      const fast = parsePlainBody(source, parseAlone)
      expect(fast?.children, source).toEqual(parseMarkdown(source).children)
      expect(fast?.children[0]?.type === 'paragraph' && fast.children[0].children.map((child) => child.type), source).toEqual(['text'])
    }
    expect(calls).toEqual([])
    // With an address there, the paragraph is still built as a link or parsed alone.
    for (const source of ['电子邮箱：ab@126.com', '邮箱 a@x.y_z', 'a@x.-y电子邮箱：']) {
      expect(parsePlainBody(source, parseAlone)?.children, source).toEqual(parseMarkdown(source).children)
    }
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
    const { simpleFrontmatter } = await import('../../src/load/simple-frontmatter.js')
    const value = fc.oneof(
      fc.stringMatching(/^[a-z0-9.+-]{1,8}$/u),
      fc.constantFrom('1-4-2', '12', 'true', 'null', 'n1', 'e5', '1e-5', '0x1f', '0o17', '2021-01-01', 'inf', 'nan', 'y', 'no')
    )
    let fast = 0
    fc.assert(
      fc.property(value, fc.boolean(), (id, leadingNewline) => {
        const yaml = `${leadingNewline ? '\n' : ''}id: ${id}\n`
        const result = simpleFrontmatter(yaml)
        if (!result) return
        fast++
        expect(result).toEqual(parse(yaml))
      }),
      { numRuns: 2000 }
    )
    expect(fast).toBeGreaterThan(100)
  })
})

describe('the frontmatter split fast path', () => {
  it('splits a file exactly as gray-matter does, or leaves it to gray-matter', async () => {
    const matter = (await import('gray-matter')).default
    const { splitDelimited } = await import('../../src/load/frontmatter.js')
    const fileLine = fc.constantFrom('---', '----', '--- ', '---x', '---\r', '', ' ', 'id: 1-2', 'title: 标题', '# 注释', '\r', '正文段落。', '- a', '...')
    const file = fc.tuple(fc.constantFrom('---\n', '---\r\n', '--- \n', '----\n', '---yaml\n', ''), fc.array(fileLine, { maxLength: 10 }), fc.boolean())
      .map(([opening, lines, newline]) => opening + lines.join('\n') + (newline ? '\n' : ''))
    let fast = 0
    fc.assert(
      fc.property(file, (text) => {
        const split = splitDelimited(text)
        if (!split) return
        fast++
        const expected = matter(text, { engines: { yaml: { parse: () => ({}), stringify: () => '' } } } as never)
        expect(split).toEqual({ matter: expected.matter, content: expected.content })
      }),
      { numRuns: 3000 }
    )
    expect(fast).toBeGreaterThan(300)
  })
})
