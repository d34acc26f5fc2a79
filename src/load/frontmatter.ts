/**
 * Splits a content file into frontmatter and body and parses the YAML with the `yaml` package,
 * which keeps the line and column of every key and value for diagnostics.
 */
import { LineCounter, parseDocument, isMap, isPair, isScalar, type Document, type YAMLError } from 'yaml'
import type { Diagnostic } from '../diagnostics/diagnostic.js'

export interface Frontmatter {
  present: boolean
  data: unknown
  document?: Document
  lineCounter: LineCounter
  /** File line of the YAML text's first line, less one. */
  lineShift: number
  body: string
  /** File line of the body's first line. */
  bodyLine: number
  /** Blank lines a writer puts between the frontmatter and the first block. */
  separatorLines: number
  diagnostics: Diagnostic[]
}

const openingDelimiter = /^---[ \t]*\r?\n/u
const closingDelimiter = /\r?\n---[ \t]*(?:\r?\n|$)/u

export function splitFrontmatter(file: string, text: string): Frontmatter {
  // Each result is written out field by field: V8 builds one far more slowly from a spread followed by more fields.
  if (!openingDelimiter.test(text)) {
    return { present: false, data: {}, lineCounter: new LineCounter(), lineShift: 0, body: text, bodyLine: 1, separatorLines: 0, diagnostics: [] }
  }
  if (!closingDelimiter.test(text.slice(3))) {
    return {
      present: true,
      data: undefined,
      lineCounter: new LineCounter(),
      lineShift: 0,
      body: '',
      bodyLine: 1,
      separatorLines: 0,
      diagnostics: [
        {
          file,
          line: 1,
          column: 1,
          severity: 'error',
          rule: 'frontmatter-syntax',
          message: '文件开头的 --- 没有对应的结束行：请在元数据（frontmatter）之后单独写一行 ---'
        }
      ]
    }
  }
  // The frontmatter is the rest of the opening line and every line up to the first that starts
  // with `---`; the body starts after that delimiter and one line break. The YAML text starts on
  // the file's first line, so its line numbers are the file's.
  const close = text.indexOf('\n---', 3)
  let bodyOffset = close + 4
  if (text[bodyOffset] === '\r') bodyOffset++
  if (text[bodyOffset] === '\n') bodyOffset++
  const { data, document, lineCounter, lineShift, diagnostics } = parseYaml(file, text.slice(3, close), 0)
  return {
    present: true,
    data,
    document,
    lineCounter,
    lineShift,
    body: text.slice(bodyOffset),
    bodyLine: countLines(text, bodyOffset),
    separatorLines: 1,
    diagnostics
  }
}

export type YamlSource = Pick<Frontmatter, 'data' | 'document' | 'lineCounter' | 'lineShift' | 'diagnostics'>

/** Parses YAML keeping positions; `lineShift` is the file line of the YAML's first line, less one. */
export function parseYaml(file: string, source: string, lineShift: number): YamlSource {
  const lineCounter = new LineCounter()
  let document: Document
  try {
    document = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false })
  } catch {
    // `yaml` recurses on nesting; `limits.ts` refuses deep nesting first, this is the net behind it.
    const message = '元数据（YAML）嵌套过深或过于复杂，无法解析：请检查缩进和括号'
    return {
      data: undefined,
      lineCounter,
      lineShift,
      diagnostics: [{ file, line: 1 + lineShift, column: 1, severity: 'error', rule: 'frontmatter-syntax', message }]
    }
  }
  const diagnostics = firstErrorPerLine([...document.errors, ...document.warnings]).map((error) => yamlDiagnostic(file, error, lineCounter, lineShift, source))
  let data: unknown
  if (document.errors.length === 0) {
    try {
      data = document.toJS({ maxAliasCount: 50 }) ?? {}
    } catch {
      diagnostics.push({
        file,
        line: 1 + lineShift,
        column: 1,
        severity: 'error',
        rule: 'frontmatter-syntax',
        message: '元数据（YAML）中的别名过多或循环引用：请直接写出各个值'
      })
    }
  }
  return { data, document, lineCounter, lineShift, diagnostics }
}

/**
 * After a structural error `yaml` reports the following lines again as consequences (a tab-indented
 * key yields three errors on its own line and two on each line after). Keep the first error; after
 * it, only duplicate keys, which are independent mistakes.
 */
function firstErrorPerLine(errors: readonly YAMLError[]): YAMLError[] {
  const sorted = [...errors].sort((a, b) => a.pos[0] - b.pos[0])
  const first = sorted[0]
  if (!first) return []
  return [first, ...sorted.slice(1).filter((error) => error.code === 'DUPLICATE_KEY' && error.pos[0] !== first.pos[0])]
}

function countLines(text: string, offset: number): number {
  let lines = 1
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) lines++
  return lines
}

const yamlMessages: Record<string, string> = {
  DUPLICATE_KEY: '重复的字段名：同一个字段只能写一次，请删除或合并重复的一行',
  TAB_AS_INDENT: 'YAML 不能用 Tab 缩进：请改用空格缩进',
  BAD_INDENT: '缩进不正确：同一层级的字段要对齐，子字段比上级多缩进两个空格',
  MISSING_CHAR: '缺少必要的符号：请检查冒号、引号或括号是否成对',
  MULTILINE_IMPLICIT_KEY: '字段名不能跨行：请检查上一行是否少了引号或冒号',
  BLOCK_AS_IMPLICIT_KEY: '字段写法不正确：请写成“字段名: 值”，冒号后加空格',
  UNEXPECTED_TOKEN: '无法识别的内容：请检查冒号后是否有空格、引号是否成对',
  BAD_SCALAR_START: '值的开头不正确：以 @、` 等符号开头的值请用引号括起来',
  BAD_DQ_ESCAPE: '双引号中的转义不正确：请改用单引号，或去掉反斜杠',
  ALIAS_PROPS: '别名写法不正确',
  BAD_ALIAS: '别名写法不正确',
  BAD_DIRECTIVE: '无法识别的 YAML 指令',
  IMPOSSIBLE: '无法解析的 YAML',
  KEY_OVER_1024_CHARS: '字段名过长',
  MISSING_TARGET: '引用了不存在的锚点',
  MULTIPLE_ANCHORS: '同一个值上有多个锚点',
  MULTIPLE_DOCS: '元数据中只能有一个 YAML 文档：请删除多余的 --- 行',
  MULTIPLE_TAGS: '同一个值上有多个标签',
  TAG_RESOLVE_FAILED: '无法识别的 YAML 标签',
  UNEXPECTED_END: 'YAML 意外结束：请检查引号或括号是否成对'
}

function yamlDiagnostic(file: string, error: YAMLError, lineCounter: LineCounter, lineShift: number, source: string): Diagnostic {
  // `yaml` reports an unclosed quote where the text runs out; the mistake is where the quote opens.
  const quote = error.code === 'MISSING_CHAR' ? /closing (["'])quote/u.exec(error.message)?.[1] : undefined
  const position = lineCounter.linePos((quote !== undefined ? openingQuote(source, quote, error.pos[0]) : undefined) ?? error.pos[0])
  const known = yamlMessages[error.code]
  // `source：…` (a full-width colon, as a Chinese keyboard types it) reads to YAML as text with no
  // colon at all, and the error falls on that line or the next: name the colon, not its consequence.
  const colon = fullWidthColon(source, position.line)
  const problem = colon
    ? `“${colon.key}”后面用了全角冒号“：”，字段名后面要用半角冒号加一个空格，请改为“${colon.key}: ”`
    : (known ?? '无法解析：请检查缩进、冒号和引号')
  return {
    file,
    line: (colon?.line ?? position.line) + lineShift,
    column: colon?.column ?? position.col,
    severity: 'error',
    rule: 'frontmatter-syntax',
    message: `元数据（YAML）格式错误：${problem}`
  }
}

/** A key followed by a full-width colon on the error's line or the line before it (1-based lines of `source`). */
function fullWidthColon(source: string, line: number): { line: number; column: number; key: string } | undefined {
  const lines = source.split('\n')
  for (const candidate of [line - 1, line]) {
    const match = /^(\s*(?:-\s+)?)([A-Za-z_][\w.-]*)\s*：/u.exec(lines[candidate - 1] ?? '')
    if (match) return { line: candidate, column: (match[1]?.length ?? 0) + (match[2]?.length ?? 0) + 1, key: match[2] ?? '' }
  }
  return undefined
}

/** Offset of the last quote before `end` that opens a value (follows `: `, `- ` or a line start). */
function openingQuote(source: string, quote: string, end: number): number | undefined {
  const opener = new RegExp(`(?:^|:[ \\t]+|-[ \\t]+)(${quote})`, 'gmu')
  let found: number | undefined
  for (const match of source.slice(0, end).matchAll(opener)) found = (match.index ?? 0) + match[0].length - 1
  return found
}

export interface Position {
  line: number
  column: number
}

/** Where a key (or its value) at `path` is in the file, falling back to the nearest parent, then to line 1. */
export function locate(frontmatter: YamlSource, path: ReadonlyArray<PropertyKey>, part: 'key' | 'value' = 'key'): Position {
  const fallback = { line: 1, column: 1 }
  const { document, lineCounter } = frontmatter
  if (!document) return fallback
  const shift = frontmatter.lineShift
  for (let depth = path.length; depth >= 0; depth--) {
    const prefix = path.slice(0, depth)
    const parentPath = prefix.slice(0, -1)
    const last = prefix[prefix.length - 1]
    const parent = prefix.length === 0 ? document.contents : document.getIn(parentPath as unknown[], true)
    let range: readonly number[] | null | undefined
    if (prefix.length === 0) range = (document.contents as { range?: number[] } | null)?.range
    else if (isMap(parent)) {
      const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(last))
      const node = part === 'key' || depth < path.length ? pair?.key : pair?.value
      range = (node as { range?: number[] } | undefined)?.range ?? (pair?.key as { range?: number[] } | undefined)?.range
    } else {
      const node = document.getIn(prefix as unknown[], true) as { range?: number[] } | undefined
      range = node?.range
    }
    if (range) {
      const position = lineCounter.linePos(range[0] ?? 0)
      return { line: position.line + shift, column: position.col }
    }
  }
  return fallback
}
