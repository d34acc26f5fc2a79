/**
 * A notice copied from a portal page brings the page with it: the breadcrumb, the headline of the
 * page, the 政府信息公开 metadata block, a 发布时间/来源 line, and chrome (分享, 打印, 字体 大 中 小,
 * 上一篇/下一篇 …). These lines are not the notice: the import leaves them out of the text, lists
 * them, keeps them verbatim in notice.md, and turns the metadata into frontmatter.
 */
import type { NoticeFrontmatter } from '../model/schema.js'
import { isTitleLine, matchHeading } from '../structure/classify.js'
import { recognitionKey } from '../structure/recognise.js'

export type OmittedKind = 'metadata' | 'chrome'

export interface OmittedLine {
  /** 1-based line of the input. */
  line: number
  text: string
  as: OmittedKind
}

export interface PortalMetadata {
  disclosure?: NonNullable<NoticeFrontmatter['disclosure']>
  dates?: NonNullable<NoticeFrontmatter['dates']>
  source?: string
  /** The page's own headline, when the notice below it has no title line. */
  headline?: string
}

export interface PortalSplit {
  /** Indices of the input lines that are the notice. */
  kept: number[]
  omitted: OmittedLine[]
  metadata: PortalMetadata
}

const space = '[ \\t\\u3000]*'
const chromeToken = `(?:分享到?[:：]?|打印(?:本页)?|关闭(?:窗口|本页)?|收藏(?:本页)?|返回顶部|字体[:：]?${space}[【\\[]?大${space}中${space}小[】\\]]?|字号[:：]?${space}[【\\[]?大${space}中${space}小[】\\]]?|大${space}中${space}小|扫一扫在手机(?:上)?打开当前页|扫一扫|微信|微博|QQ空间|浏览次数[:：]?${space}\\d*|阅读次数[:：]?${space}\\d*|访问量[:：]?${space}\\d*|点击(?:数|量|率)?[:：]?${space}\\d*${space}次?)`
/** A line made only of page controls, each bare or in 【】/[] brackets. */
const chromeLine = new RegExp(`^${space}(?:[【\\[]?${space}${chromeToken}${space}[】\\]]?${space}[|｜/]?${space})+$`, 'u')
/** Lines that name the page around the notice: the editor, the neighbouring articles, related links. */
const pageLine = /^[ \t\u3000]*[【[]?(?:责任编辑|编辑|审核|校对|上一篇|下一篇|上一条|下一条|相关链接|相关文章|相关阅读)[】\]]?[ \t\u3000]*(?:[:：]|$)/u
const breadcrumb = /^[ \t\u3000]*(?:(?:当前位置|您的位置|你的位置|所在位置)[:：][^\n]*|首页[ \t\u3000]*(?:>|>>|＞|»|›|→|\/)[^\n]*)$/u

/** Metadata keys of a disclosure block and the 发布时间/来源 line, with where their value goes. */
const metadataKeys: ReadonlyArray<[string, keyof Fields]> = [
  ['信息索引号', 'indexNumber'],
  ['索引号', 'indexNumber'],
  ['发布机构', 'publisher'],
  ['发文机关', 'publisher'],
  ['成文日期', 'written'],
  ['公开方式', 'openness'],
  ['公开形式', 'openness'],
  ['主题分类', 'category'],
  ['发文字号', 'docNumber'],
  ['文号', 'docNumber'],
  ['发布时间', 'published'],
  ['发布日期', 'published'],
  ['来源', 'source'],
  ['信息来源', 'source'],
  ['文章来源', 'source'],
  ['生效日期', 'other'],
  ['有效性', 'other'],
  ['公开范围', 'other'],
  ['公开时限', 'other'],
  ['体裁分类', 'other'],
  ['组配分类', 'other'],
  ['生成日期', 'other'],
  ['所属机构', 'other'],
  ['作者', 'other'],
  ['浏览次数', 'other'],
  ['阅读次数', 'other'],
  ['点击数', 'other'],
  ['名称', 'other'],
  ['标题', 'other']
]

interface Fields {
  indexNumber: string
  publisher: string
  written: string
  openness: string
  category: string
  docNumber: string
  published: string
  source: string
  other: string
}

const keyPattern = new RegExp(
  `(?:^|[ \\t\\u3000]+)(${[...metadataKeys.map(([key]) => key)].sort((a, b) => b.length - a.length).join('|')})${space}[:：]?${space}`,
  'gu'
)
const keyOf = new Map(metadataKeys)

/** The `key：value` pairs of a metadata line, or undefined when it is not one (every part must be a pair). */
function metadataPairs(text: string): Array<[keyof Fields, string]> | undefined {
  const key = recognitionKey(text)
  const found = [...key.matchAll(keyPattern)]
  const first = found[0]
  if (!first || key.slice(0, first.index).trim().length > 0) return undefined
  // A key without a colon is a key only in a block of cells (`信息索引号\t001…`).
  if (!/[:：\t]/u.test(key)) return undefined
  const pairs: Array<[keyof Fields, string]> = []
  found.forEach((match, index) => {
    const start = (match.index ?? 0) + match[0].length
    const end = found[index + 1]?.index ?? text.length
    const field = keyOf.get(match[1] ?? '')
    // A value ends at the next cell: a tab, a wide space or a bracketed control.
    const value = text.slice(start, end).split(/\t|[ \u3000]{2,}|【/u)[0] ?? ''
    if (field) pairs.push([field, value.trim()])
  })
  return pairs
}

const isoDate = (text: string): string | undefined => {
  const match = /(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/u.exec(recognitionKey(text))
  if (!match) return undefined
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export function isChromeLine(text: string): boolean {
  if (text.trim().length === 0) return false
  const key = recognitionKey(text)
  return chromeLine.test(key) || pageLine.test(key) || breadcrumb.test(key)
}

/**
 * Splits the page from the notice. Chrome is recognised anywhere by whole-line shapes; metadata and
 * the page's headline only above the notice's first heading, where a page puts them.
 */
export function splitPortal(texts: readonly string[]): PortalSplit {
  const omitted: OmittedLine[] = []
  const as: Array<OmittedKind | undefined> = texts.map(() => undefined)
  const fields: Partial<Fields> = {}
  const firstHeading = texts.findIndex((text) => {
    const heading = matchHeading(text)
    return heading !== undefined && heading.scheme !== 'shi'
  })
  const headEnd = firstHeading === -1 ? texts.length : firstHeading
  texts.forEach((text, index) => {
    if (isChromeLine(text)) {
      as[index] = 'chrome'
      return
    }
    if (index >= headEnd) return
    const pairs = metadataPairs(text)
    if (!pairs) return
    as[index] = 'metadata'
    for (const [field, value] of pairs) if (value && field !== 'other' && fields[field] === undefined) fields[field] = value
  })
  // Above the last line of the page's furniture, what is not furniture is the page's headline.
  let lastFurniture = -1
  for (let index = 0; index < headEnd; index++) if (as[index] !== undefined) lastFurniture = index
  let headline: string | undefined
  for (let index = 0; index < lastFurniture; index++) {
    const text = texts[index] ?? ''
    if (as[index] !== undefined || text.trim().length === 0) continue
    as[index] = 'metadata'
    headline ??= text.trim()
  }
  const kept: number[] = []
  texts.forEach((text, index) => {
    const kind = as[index]
    if (kind) omitted.push({ line: index + 1, text, as: kind })
    else kept.push(index)
  })
  // Blank lines the page left before the notice's first line are the page's too.
  while (kept.length > 0 && (texts[kept[0] ?? 0] ?? '').trim().length === 0 && omitted.length > 0) {
    const index = kept.shift() ?? 0
    omitted.push({ line: index + 1, text: texts[index] ?? '', as: 'chrome' })
  }
  omitted.sort((a, b) => a.line - b.line)

  const metadata: PortalMetadata = {}
  const disclosure: NonNullable<NoticeFrontmatter['disclosure']> = {}
  if (fields.indexNumber) disclosure.indexNumber = fields.indexNumber
  if (fields.publisher) disclosure.publisher = fields.publisher
  if (fields.openness) disclosure.openness = fields.openness
  if (fields.category) disclosure.category = fields.category
  if (fields.docNumber) disclosure.docNumber = fields.docNumber
  if (Object.keys(disclosure).length > 0) metadata.disclosure = disclosure
  const written = fields.written ? isoDate(fields.written) : undefined
  const published = fields.published ? isoDate(fields.published) : undefined
  if (written || published) metadata.dates = { ...(written ? { written } : {}), ...(published ? { published } : {}) }
  if (fields.source) metadata.source = fields.source
  const hasTitle = kept.some((index) => isTitleLine(texts[index] ?? ''))
  if (headline && !hasTitle) metadata.headline = headline
  return { kept, omitted, metadata }
}
