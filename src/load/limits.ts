/**
 * Bounds on what the loader will parse. The Markdown and YAML parsers are quadratic on some
 * inputs (runs of `*`, `_`, `[`, backticks) and recurse on nesting (`> > >`, deep lists, `[[[`),
 * so a file past these bounds is refused with a message before it reaches them. Real notices
 * stay far below every bound: the seed's longest line is about 530 characters, it has no markup
 * characters and nothing nested.
 */
export const contentLimits = {
  /** Characters in one line. */
  lineChars: 10_000,
  /** Container markers (`>`, `-`, `*`, `+`, `1.`) opening one line. */
  lineNesting: 32,
  /** Columns of indentation opening one line (a tab counts 4). */
  indentColumns: 128,
  /** Open brackets `[` `{` not yet closed, anywhere in the file. */
  bracketDepth: 32,
  /** Markdown markup characters (`*` `_` backtick `[` `<` `~`) in one file. */
  markupChars: 1_000,
  /** Depth of the parsed Markdown tree. */
  treeDepth: 100
} as const

export interface LimitBreach {
  /** 1-based line and column of the place that passed the bound. */
  line: number
  column: number
  message: string
}

/*
 * Every file the loader reads passes through here, so the scan works on char codes: most
 * characters of a notice are Chinese (above 0x7E) and one comparison passes them; an ASCII
 * character is classified by one read of a table.
 */
const newline = 0x0a
const tab = 0x09
const space = 0x20
const asterisk = 0x2a
const greaterThan = 0x3e
const hyphen = 0x2d
const plus = 0x2b
const period = 0x2e
const closeParen = 0x29

/** ASCII characters the scan counts: `* _ \` [ < ~` are markup; `[ {` open and `] }` close brackets. */
const isMarkup = 1
const opens = 2
const closes = 4
const lineEnd = 8
const asciiKinds = new Uint8Array(0x80)
for (const char of '*_`<~') asciiKinds[char.charCodeAt(0)] = isMarkup
asciiKinds[0x5b] = isMarkup | opens // [
asciiKinds[0x7b] = opens // {
asciiKinds[0x5d] = closes // ]
asciiKinds[0x7d] = closes // }
asciiKinds[newline] = lineEnd

/** The first place where `text` passes a bound, or undefined. Linear in the text; never throws. */
export function findLimitBreach(text: string): LimitBreach | undefined {
  let markupCount = 0
  let brackets = 0
  let line = 1
  let lineStart = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code >= 0x80) continue
    const kind = asciiKinds[code] ?? 0
    if (kind === 0) continue
    if (kind === lineEnd) {
      const breach = lineBreach(text, lineStart, index, line)
      if (breach) return breach
      line++
      lineStart = index + 1
      continue
    }
    if ((kind & isMarkup) !== 0 && ++markupCount > contentLimits.markupChars) {
      return {
        line,
        column: index - lineStart + 1,
        message: `文件中的 Markdown 符号（* _ \` [ < ~）超过 ${contentLimits.markupChars} 个：这不像通报正文，请检查是否误粘贴了代码或乱码`
      }
    }
    if ((kind & opens) !== 0) {
      if (++brackets > contentLimits.bracketDepth) {
        return { line, column: index - lineStart + 1, message: `括号嵌套超过 ${contentLimits.bracketDepth} 层：请检查是否有未配对的 [ 或 {` }
      }
    } else if (kind === closes && brackets > 0) brackets--
  }
  // The last line, with or without a line break before the end.
  return lineBreach(text, lineStart, text.length, line)
}

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39
}

/** The bounds of one line, text[start, end). */
function lineBreach(text: string, start: number, end: number, line: number): LimitBreach | undefined {
  const length = end - start
  if (length > contentLimits.lineChars) {
    return {
      line,
      column: contentLimits.lineChars + 1,
      message: `这一行有 ${length} 个字符，超过上限 ${contentLimits.lineChars}：请分段（段与段之间空一行），或检查是否误粘贴了其他内容`
    }
  }
  let columns = 0
  let markers = 0
  let index = start
  // Reading past `end` meets the line break or NaN, which are neither markers nor blanks.
  while (index < end) {
    const code = text.charCodeAt(index)
    const next = text.charCodeAt(index + 1)
    if (code === space) columns++
    else if (code === tab) columns += 4
    else if (code === greaterThan) markers++
    else if ((code === hyphen || code === asterisk || code === plus) && (next === space || next === tab)) markers++
    else {
      // `1.` or `1)` and a blank: one to nine digits.
      let digits = 0
      while (digits <= 9 && isAsciiDigit(text.charCodeAt(index + digits))) digits++
      const mark = text.charCodeAt(index + digits)
      const after = text.charCodeAt(index + digits + 1)
      if (digits === 0 || digits > 9 || (mark !== period && mark !== closeParen) || (after !== space && after !== tab)) break
      markers++
      index += digits + 1
      continue
    }
    index++
  }
  if (columns > contentLimits.indentColumns) {
    return { line, column: 1, message: `行首缩进超过 ${contentLimits.indentColumns} 格：通报正文不需要缩进，请删除行首的空格或 Tab` }
  }
  if (markers > contentLimits.lineNesting) {
    return { line, column: 1, message: `行首的引用或列表符号（> - * + 1.）嵌套超过 ${contentLimits.lineNesting} 层：请删除多余的符号` }
  }
  return undefined
}

/** Depth of a tree of `children`, counted without recursion so a deep tree cannot overflow the stack. */
export function treeDepth(root: { children?: unknown[] }): number {
  let deepest = 0
  const stack: Array<[{ children?: unknown[] }, number]> = [[root, 0]]
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next
    if (depth > deepest) deepest = depth
    for (const child of node.children ?? []) if (child && typeof child === 'object') stack.push([child as { children?: unknown[] }, depth + 1])
  }
  return deepest
}
