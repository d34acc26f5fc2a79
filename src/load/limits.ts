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

const markup = new Set(['*', '_', '`', '[', '<', '~'])

/** The first place where `text` passes a bound, or undefined. Linear in the text; never throws. */
export function findLimitBreach(text: string): LimitBreach | undefined {
  let markupCount = 0
  let brackets = 0
  let line = 1
  let lineStart = 0
  for (let index = 0; index <= text.length; index++) {
    const char = text[index]
    if (char === undefined || char === '\n') {
      const breach = lineBreach(text.slice(lineStart, index), line)
      if (breach) return breach
      line++
      lineStart = index + 1
      continue
    }
    if (markup.has(char) && ++markupCount > contentLimits.markupChars) {
      return {
        line,
        column: index - lineStart + 1,
        message: `文件中的 Markdown 符号（* _ \` [ < ~）超过 ${contentLimits.markupChars} 个：这不像通报正文，请检查是否误粘贴了代码或乱码`
      }
    }
    if (char === '[' || char === '{') {
      if (++brackets > contentLimits.bracketDepth) {
        return { line, column: index - lineStart + 1, message: `括号嵌套超过 ${contentLimits.bracketDepth} 层：请检查是否有未配对的 [ 或 {` }
      }
    } else if ((char === ']' || char === '}') && brackets > 0) brackets--
  }
  return undefined
}

function lineBreach(text: string, line: number): LimitBreach | undefined {
  if (text.length > contentLimits.lineChars) {
    return {
      line,
      column: contentLimits.lineChars + 1,
      message: `这一行有 ${text.length} 个字符，超过上限 ${contentLimits.lineChars}：请分段（段与段之间空一行），或检查是否误粘贴了其他内容`
    }
  }
  let columns = 0
  let markers = 0
  let index = 0
  while (index < text.length) {
    const char = text[index]
    if (char === ' ') columns++
    else if (char === '\t') columns += 4
    else if (char === '>') markers++
    else if ((char === '-' || char === '*' || char === '+') && /[ \t]/u.test(text[index + 1] ?? '')) markers++
    else {
      const ordered = /^\d{1,9}[.)](?=[ \t])/u.exec(text.slice(index, index + 11))
      if (!ordered) break
      markers++
      index += ordered[0].length
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
