/**
 * The Markdown side of the loader: a file body becomes blocks, each block one line of the notice.
 * A blank line separates blocks; each further blank line stands for a blank line in the notice.
 */
import type { Root, RootContent, Nodes } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { withoutComments } from './comments.js'
import { resolveReferences } from './references.js'

const parser = unified().use(remarkParse).use(remarkGfm)

export function parseMarkdown(source: string): Root {
  return parser.parse(source)
}

export interface BodyBlock {
  node: RootContent
  /** The block as plain text: what notice.txt prints for it. */
  text: string
  /** 1-based line and column in the body. */
  line: number
  column: number
  endLine: number
  /** Text-index → body column, when escapes make them differ (single-line blocks only). */
  columns?: number[]
  /** Blank lines of the notice that come after this block. */
  blankAfter: number
}

export interface Body {
  blocks: BodyBlock[]
  /** Blank lines of the notice before the first block. */
  blankBefore: number
  /** Index in `blocks` of the `<!-- 正文 -->` marker, removed from blocks. -1 when absent. */
  marker: number
  /** HTML comments: notes for editors, never published. */
  comments: number
}

export const bodyMarker = /^<!--\s*(?:正文|findings)\s*-->$/u
const htmlComment = /^<!--[\s\S]*?-->$/u

/**
 * @param separatorLines how many blank lines the writer puts before the first block (1 after frontmatter).
 */
export function parseBody(source: string, separatorLines: number): Body {
  const root = parseMarkdown(source)
  resolveReferences(root)
  const blocks: BodyBlock[] = []
  let marker = -1
  let comments = 0
  let blankBefore = 0
  let previousEnd: number | undefined
  const lineCount = source.length === 0 ? 0 : countLineBreaks(source) + 1
  let previousWasComment = false
  for (const node of root.children) {
    const start = node.position?.start
    const end = node.position?.end
    if (!start || !end) continue
    const gap = previousEnd === undefined ? start.line - 1 - separatorLines : start.line - previousEnd - 2
    // Blank lines after a comment or the marker are layout, not blank lines of the notice.
    if (!previousWasComment) {
      const previous = blocks[blocks.length - 1]
      if (previous) previous.blankAfter += Math.max(0, gap)
      else blankBefore += Math.max(0, gap)
    }
    previousEnd = end.line
    previousWasComment = false
    if (node.type === 'html' && (htmlComment.test(node.value.trim()) || withoutComments(node.value).trim() === '')) {
      if (bodyMarker.test(node.value.trim())) marker = blocks.length
      else comments++
      previousWasComment = true
      continue
    }
    if (node.type === 'definition') continue
    const slice = source.slice(start.offset ?? 0, end.offset ?? 0)
    const text = blockText(node, slice)
    const block: BodyBlock = { node, text, line: start.line, column: start.column, endLine: end.line, blankAfter: 0 }
    if (slice !== text && start.line === end.line && node.type === 'paragraph') block.columns = alignColumns(slice, text, start.column)
    blocks.push(block)
  }
  const last = blocks[blocks.length - 1]
  if (previousEnd !== undefined && !previousWasComment) {
    // The writer ends the body with one newline; each further line break is a blank line of the notice.
    const trailing = source.slice(offsetOfLineEnd(source, previousEnd))
    const breaks = countLineBreaks(trailing)
    if (last) last.blankAfter += Math.max(0, breaks - 1)
    else blankBefore += Math.max(0, breaks - 1)
  } else if (previousEnd === undefined) {
    blankBefore = Math.max(0, lineCount - 1 - separatorLines)
  }
  return { blocks, blankBefore, marker, comments }
}

function countLineBreaks(text: string): number {
  let count = 0
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++
  return count
}

function offsetOfLineEnd(source: string, line: number): number {
  let offset = 0
  for (let current = 1; current < line; current++) {
    const next = source.indexOf('\n', offset)
    if (next === -1) return source.length
    offset = next + 1
  }
  const end = source.indexOf('\n', offset)
  return end === -1 ? source.length : end
}

function blockText(node: RootContent, slice: string): string {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return plainText(node)
    case 'html':
      return withoutComments(slice)
    default:
      return slice
  }
}

/** Plain text of inline content: what a reader sees, with hard breaks as line breaks. */
export function plainText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value
    case 'html':
      return withoutComments(node.value)
    case 'break':
      return '\n'
    case 'image':
      return node.alt ?? ''
    case 'footnoteReference':
      return `[^${node.identifier}]`
    default:
      if (!('children' in node)) return ''
      // A paragraph of plain prose is one text node: its text, without an array to join.
      if (node.children.length === 1) return plainText(node.children[0] as Nodes)
      return node.children.map((child) => plainText(child as Nodes)).join('')
  }
}

const escapable = /[!-/:-@[-`{-~]/u
const characterReference = /^&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/u

/** Source column of each text character of a one-line paragraph whose source has escapes or references. */
function alignColumns(slice: string, text: string, startColumn: number): number[] {
  const columns: number[] = []
  let source = 0
  for (let index = 0; index < text.length && source < slice.length; index++) {
    columns.push(startColumn + source)
    const char = slice[source] ?? ''
    const next = slice[source + 1] ?? ''
    if (char === '\\' && escapable.test(next)) source += 2
    else {
      const reference = char === '&' ? characterReference.exec(slice.slice(source)) : null
      source += reference ? reference[0].length : 1
    }
  }
  while (columns.length < text.length) columns.push(startColumn + Math.min(source, slice.length))
  return columns
}
