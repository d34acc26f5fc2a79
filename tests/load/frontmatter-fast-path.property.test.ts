import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse, parseDocument } from 'yaml'
// @ts-expect-error The bench generator is plain JavaScript without types.
import { generate } from '../../bench/corpus.mjs'
import { parseYaml, splitDelimited, splitFrontmatter } from '../../src/load/frontmatter.js'
import { simpleFrontmatter } from '../../src/load/simple-frontmatter.js'
import { serializeFile } from '../../src/import/serialize.js'
import { checkJson, writeContent, type JsonDiagnostic } from '../helpers/content.js'
import { repoRoot, runCli, seedFile, tempDir } from '../helpers/cli.js'

/** The options `parseYaml` gives the parser. */
const parserOptions = { uniqueKeys: true, prettyErrors: false } as const

/** What the parser makes of `yaml`, with its complaints: the reference the fast path must equal. */
function parsed(yaml: string): { data: unknown; problems: string[] } {
  const document = parseDocument(yaml, parserOptions)
  const problems = [...document.errors, ...document.warnings].map((error) => error.code)
  return { data: problems.length === 0 ? (document.toJS({ maxAliasCount: 50 }) ?? {}) : undefined, problems }
}

function expectSameAsParser(yaml: string, fast: unknown): void {
  const reference = parsed(yaml)
  expect(reference.problems, JSON.stringify(yaml)).toEqual([])
  expect(fast, JSON.stringify(yaml)).toStrictEqual(reference.data)
  expect(fast).toStrictEqual(parse(yaml, parserOptions) ?? {})
  // Key order too: every consumer that iterates (or hashes a JSON of) the data sees the same.
  expect(JSON.stringify(fast)).toBe(JSON.stringify(reference.data))
  const viaProject = parseYaml('notice.md', yaml, 0)
  expect(viaProject.diagnostics).toEqual([])
  expect(fast).toStrictEqual(viaProject.data)
}

const keys = fc.oneof(
  { arbitrary: fc.constantFrom('title', 'dates', 'published', 'written', 'id', 'issuer', 'inspection', 'team', 'start', 'end', 'basis'), weight: 6 },
  {
    arbitrary: fc.constantFrom(
      'null', 'Null', 'NULL', 'true', 'True', 'FALSE', 'false', 'y', 'no', 'on', '_', '_x', 'a1', 'Title', '__proto__', 'constructor', 'toString',
      'x-y', 'a b', '1', '0x1', '1e5', '<<', '~', '', '-', 'a.b', '"q"', "'q'", 'é', '标题', 'k'.repeat(70)
    ),
    weight: 3
  },
  { arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,4}$/u), weight: 2 }
)

/** Whole values the core schema reads as something other than a string, or nearly does. */
const wordValues = [
  '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'yes', 'no', 'on', 'off', 'y', 'n',
  '0', '12', '-3', '+1', '007', '0x1f', '0X1F', '0x', '0o7', '0o8', '0b1', '1e5', '1E-5', '1e', '-.5', '.5', '5.', '1.5', '1_000', '.inf', '-.Inf', '+.INF', '.nan', '.NaN',
  '2011-02-02', '2011-13-45', '2011-2-2', '1-4-2', '20110202', '2011-02-02T10:00:00Z', '2011-02-02 10:00', '12:30', '1:2:3', '1-', '-1-2', '1--2',
  '第1号巡察整改情况公布', '县委第四巡察组', 'bench-0001', 'n1', 'e5', 'inf', 'nan', 'x', 'a-b_c.d'
]
/** Pieces a value is put together from: Han, digits, ASCII punctuation, YAML indicators, spaces. */
const valuePieces = [
  '巡察', '整改', '第1号', '〔2021〕13号', '：', '，', '。', '“', '”', '（', '）', '《', '》', '/', '0', '1', '2011', '-', '02', '.', 'e', 'x', 'a', 'Z', '_', '+',
  ':', ': ', ',', '[', ']', '{', '}', '#', ' #', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', '?', '\\', '~', '...', '---', '<<',
  ' ', '  ', '\t', '　', '\u00a0', '\r', '\u0085', '\u2028', '\ufeff', '\u200b', '😀', 'null', 'true', '0x1f', '1e5'
]
/** Pieces that are harmless inside a plain scalar (some not at its start), so that many values reach the fast path. */
const harmlessPieces = ['巡察', '整改', '第1号', '〔2021〕13号', '，', '。', '、', '《', '》', '县委', 'a', 'Z', '0', '1', '-', '_', '.', ':', '/', '\\', '!', '&', '*', '[', ']', '{', '}', '|', '>', '%', '@', '`', '?', '~', ' ', '　', '\u00a0', '😀']
const values = fc.oneof(
  { arbitrary: fc.array(fc.constantFrom(...harmlessPieces), { minLength: 1, maxLength: 5 }).map((pieces) => pieces.join('')), weight: 6 },
  { arbitrary: fc.constantFrom(...wordValues), weight: 3 },
  { arbitrary: fc.array(fc.constantFrom(...valuePieces), { minLength: 1, maxLength: 6 }).map((pieces) => pieces.join('')), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }), weight: 1 },
  { arbitrary: fc.constant(''), weight: 1 }
)
/** How a key is followed: mostly `: `, sometimes what YAML reads differently or refuses. */
const colons = fc.oneof({ arbitrary: fc.constant(': '), weight: 8 }, { arbitrary: fc.constantFrom(':', ':  ', ':\t', ' : ', ':　'), weight: 1 })
const indents = fc.oneof({ arbitrary: fc.constant('  '), weight: 8 }, { arbitrary: fc.constantFrom(' ', '   ', '    ', '\t', '  \t'), weight: 1 })

const scalarLine = fc.tuple(keys, colons, values).map(([key, colon, value]) => `${key}${colon}${value}`)
const nestedBlock = fc
  .tuple(keys, fc.constantFrom('', '', '', ' ', ': '), fc.array(fc.tuple(indents, scalarLine), { maxLength: 4 }))
  .map(([key, after, children]) => [`${key}:${after}`, ...children.map(([indent, line]) => indent + line)].join('\n'))
const oddLine = fc.constantFrom('', ' ', '# 注释', 'title: 标题 # 注释', '---', '...', '- a', '? a', '  - b', 'a', 'key:value', '%YAML 1.2', '!!str a: b', '&a x: y', 'x: *a', 'x: [a, b]', 'x: {a: b}', 'x: |', '  续行', 'x: >')
const frontmatter = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.oneof({ arbitrary: scalarLine, weight: 5 }, { arbitrary: nestedBlock, weight: 3 }, { arbitrary: oddLine, weight: 1 }), { minLength: 0, maxLength: 6 }),
    fc.boolean()
  )
  .map(([leading, lines, trailing]) => `${leading ? '\n' : ''}${lines.join('\n')}${trailing ? '\n' : ''}`)

/**
 * Frontmatter that is nearly always simple, so the fast path answers often: a start no schema or
 * indicator can claim, then any of the pieces above inside; keys mostly distinct.
 */
const safeStarts = ['巡察', '第1号', '〔2021〕', '《', '（', '“', '　', '\u00a0', 'a', 'Z', '_', '/', '\\', '0', '1', '2011', '😀', '\u200b']
const likelyValue = fc
  .tuple(fc.constantFrom(...safeStarts), fc.array(fc.constantFrom(...harmlessPieces, ...valuePieces), { maxLength: 4 }))
  .map(([start, pieces]) => start + pieces.join(''))
const likelyKey = fc.oneof({ arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/u), weight: 4 }, { arbitrary: keys, weight: 1 })
const likelyScalarLine = fc.tuple(likelyKey, fc.oneof({ arbitrary: likelyValue, weight: 6 }, { arbitrary: values, weight: 1 })).map(([key, value]) => `${key}: ${value}`)
const likelyBlock = fc
  .tuple(likelyKey, fc.array(likelyScalarLine, { minLength: 1, maxLength: 3 }))
  .map(([key, children]) => [`${key}:`, ...children.map((line) => `  ${line}`)].join('\n'))
const likelyFrontmatter = fc
  .tuple(fc.boolean(), fc.array(fc.oneof({ arbitrary: likelyScalarLine, weight: 3 }, { arbitrary: likelyBlock, weight: 2 }), { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([leading, lines, trailing]) => `${leading ? '\n' : ''}${lines.join('\n')}${trailing ? '\n' : ''}`)

/** Frontmatter as `notice import` writes it: the real writer, values of the kind real notices hold. */
const importedValue = fc.oneof(
  fc.array(fc.constantFrom('巡察', '整改', '情况', '公布', '县委', '第四', '巡察组', '第1号', '〔2021〕', '13号', '《中国共产党巡视工作条例》', '：', '，', '、', '/'), { minLength: 1, maxLength: 8 }).map((p) => p.join('')),
  fc.tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
)
const importedFrontmatter = fc.record(
  {
    title: importedValue,
    issuer: importedValue,
    inspection: fc.record({ team: importedValue, unit: importedValue, start: importedValue, end: importedValue }, { requiredKeys: ['team'] }),
    basis: importedValue,
    dates: fc.record({ written: importedValue, published: importedValue }, { requiredKeys: ['published'] })
  },
  { requiredKeys: ['title'] }
)

describe('the simple-frontmatter fast path', () => {
  it('answers only what the yaml parser answers, without errors or warnings', () => {
    let answered = 0
    let nested = 0
    fc.assert(
      fc.property(fc.oneof(frontmatter, likelyFrontmatter), (yaml) => {
        const fast = simpleFrontmatter(yaml)
        if (!fast) return
        answered++
        if (Object.values(fast).some((value) => typeof value === 'object')) nested++
        expectSameAsParser(yaml, fast)
      }),
      { numRuns: 6000 }
    )
    // The generator must reach the fast path, nested mappings included, not only the refusals.
    expect(answered).toBeGreaterThan(800)
    expect(nested).toBeGreaterThan(350)
  })

  it('refuses each doubtful case the parser reads as something else or rejects', () => {
    const doubtful = [
      'title: ~', 'title: null', 'title: True', 'title: 0x1f', 'title: 0o7', 'title: 1e5', 'title: .inf', 'title: -.5', 'title: +1', 'title: 12',
      'title: "标题"', "title: '标题'", 'title: 标题 # 注释', 'title: a: b', 'title: 标题 ', 'title:\t标题', 'title: 标题\r', 'title: ', 'title:',
      'title: a\ntitle: b', 'dates:\n  published: 2011-02-02\n  published: 2011-02-03', 'dates:\n    published: 2011-02-02', 'dates:\n\tpublished: 2011-02-02',
      'title: a\n\nissuer: b', 'title: a\n# 注释', 'true: a', '__proto__: a', 'title: -a', 'title: [a]', 'title: &a x', 'title: !x', 'title: |', 'title: >',
      'title: %a', 'title: @a', 'title: `a`', 'title: {a}', 'title: ?a', 'title: ,a', 'title: *a', "title: a'b", 'title: a#b', 'title: a:'
    ]
    for (const yaml of doubtful) expect(simpleFrontmatter(`\n${yaml}`), yaml).toBeUndefined()
  })

  it('answers for every notice.md of the bench corpus, with the parser’s data', () => {
    const root = tempDir()
    ;(generate as (out: string, notices: number, findings: number) => void)(root, 6, 2)
    const contentRoot = path.join(root, 'notice-press', 'content')
    for (let index = 1; index <= 6; index++) {
      const text = readFileSync(path.join(contentRoot, `bench-000${index}`, 'notice.md'), 'utf8')
      const split = splitDelimited(text)
      expect(split).toBeDefined()
      const fast = simpleFrontmatter(split?.matter ?? '')
      expect(fast, text.slice(0, 120)).toBeDefined()
      expectSameAsParser(split?.matter ?? '', fast)
      expect(splitFrontmatter('notice.md', text).document).toBeUndefined()
    }
  })

  it('answers for the frontmatter `notice import` writes, with the data it was written from', () => {
    let answered = 0
    fc.assert(
      fc.property(importedFrontmatter, (data) => {
        const text = serializeFile(data, '\n正文。\n')
        const matter = splitDelimited(text)?.matter ?? ''
        const fast = simpleFrontmatter(matter)
        if (!fast) return
        answered++
        // fast-check's records have no prototype: equal fields are what matters here, the parser check is strict.
        expect(fast).toEqual(data)
        expectSameAsParser(matter, fast)
      }),
      { numRuns: 500 }
    )
    expect(answered).toBe(500)
  })

  it('answers for the notice.md `notice import` makes of the seed', () => {
    const root = tempDir()
    expect(runCli(['import', seedFile, '--id', 'seed', '--content', root]).code).toBe(0)
    const text = readFileSync(path.join(root, 'seed', 'notice.md'), 'utf8')
    const matter = splitDelimited(text)?.matter ?? ''
    const fast = simpleFrontmatter(matter)
    expect(fast, matter).toBeDefined()
    expectSameAsParser(matter, fast)
  })

  it('still parses the example notice (comments, flow lists) with the parser', () => {
    const text = readFileSync(path.join(repoRoot, 'content', '2021-yichuan-cluster', 'notice.md'), 'utf8')
    expect(simpleFrontmatter(splitDelimited(text)?.matter ?? '')).toBeUndefined()
    expect(splitFrontmatter('notice.md', text).document).toBeDefined()
  })
})

describe('schema errors in frontmatter read by the fast path', () => {
  /** notice.md with schema errors the fast path reads: an impossible date, misspelt keys at both levels. */
  const fastNotice = '---\ntitle: 第1号巡察整改情况公布\ndates:\n  publised: 2011-02-02\n  written: 2011-13-45\ninspecton: 县委第四巡察组\n---\n\n开头。\n\n<!-- 正文 -->\n\n欢迎监督。\n'
  // The same with a comment line at the end of the frontmatter: the parser reads it, every position stays.
  const parsedNotice = fastNotice.replace('inspecton: 县委第四巡察组\n', 'inspecton: 县委第四巡察组\n# 注释\n')
  const finding = '---\nid: 1-1\n---\n\n一、第一部分\n\n1、第一个问题\n\n问题内容：内容一。\n\n整改情况：已完成。措施一。\n'

  it('takes the fast path for one file and the parser for the other', () => {
    expect(splitFrontmatter('notice.md', fastNotice).document).toBeUndefined()
    expect(splitFrontmatter('notice.md', parsedNotice).document).toBeDefined()
  })

  it('reports them at the same file:line:column, with the same messages, as the parser path', () => {
    const check = (notice: string): JsonDiagnostic[] => {
      const { result, diagnostics } = checkJson(writeContent({ 'n/notice.md': notice, 'n/findings/01-01.md': finding }))
      expect(result.code).toBe(1)
      return diagnostics.filter((diagnostic) => diagnostic.rule === 'schema')
    }
    const fast = check(fastNotice)
    expect(fast).toEqual(check(parsedNotice))
    // Three errors, each at its own key or value, none fallen back to line 1.
    expect(fast).toHaveLength(3)
    for (const diagnostic of fast) expect(diagnostic.file).toContain('n/notice.md')
    const lineOf = (key: string): number => fastNotice.split('\n').findIndex((line) => line.includes(key)) + 1
    expect(new Set(fast.map((diagnostic) => diagnostic.line))).toEqual(new Set([lineOf('publised'), lineOf('written'), lineOf('inspecton')]))
  })
})
