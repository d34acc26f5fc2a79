/**
 * The fast path of the Markdown stage. Nearly every line of a notice is plain Chinese prose, for
 * which remark's full tokenizer does work that cannot change the result. A body whose every line is
 * provably plain (nothing Markdown or GFM could read as syntax) is split here into the same mdast
 * the real parser builds. A line that can hold only inline syntax (an e-mail address, a link
 * literal, an escape, emphasis) has its paragraph built here when it holds no syntax after all
 * (an `@` that begins no address) or only plain e-mail addresses (email.ts), or else parsed alone
 * by the real parser, since nothing in it can reach past the blank lines around it; anything else
 * sends the whole body to the real parser. Property tests hold the results equal.
 */
import type { Html, Paragraph, Root } from 'mdast'
import { emailParagraph, mayHoldAddress } from './email.js'
import { autolinkStart, syntaxCharacter, syntaxCharacterBesidesAt } from './syntax.js'

const unsafeStart = /^(?:[-+=#\s]|\d{1,9}[.)])/u
const unsafeEnd = /[ \t]$/u
const blank = /^[ \t]*$/u
/** The body marker of notice.md: an HTML comment is a block of its own wherever it stands. */
const markerLine = /^<!-- 正文 -->$/u
/**
 * What can make syntax beyond its own paragraph, or be a block: links and definitions (`[]`), HTML
 * and quotes (`<>`), code (`` ` ``, `~`), tables (`|`), control characters, and a line opening with
 * `*` or `_` (a list item or a thematic break).
 */
const blockCharacter = /[`[\]<>~|\u0000-\u0008\u000b-\u001f\u007f\r\t]|^[*_]/u

/** Parses one paragraph's text alone: the real parser, given by the caller. */
export type ParagraphParser = (text: string) => Root

export function isPlainLine(line: string): boolean {
  return !syntaxCharacter.test(line) && !autolinkStart.test(line) && !unsafeStart.test(line) && !unsafeEnd.test(line)
}

/** A line whose only syntax, if any, is inline: its paragraph can be parsed on its own. */
export function isInlineOnlyLine(line: string): boolean {
  return !blockCharacter.test(line) && !unsafeStart.test(line) && !unsafeEnd.test(line)
}

/**
 * The mdast of a plain body, or undefined when a line needs the whole body parsed by the real
 * parser. With `parseParagraph`, a paragraph with inline syntax other than plain e-mail
 * addresses is parsed on its own; without it, such a paragraph makes the result undefined.
 */
export function parsePlainBody(source: string, parseParagraph?: ParagraphParser): Root | undefined {
  const lines = source.split('\n')
  const children: Array<Paragraph | Html> = []
  let offset = 0
  let paragraph: { startLine: number; startOffset: number; lines: string[]; inline: boolean } | undefined
  let refused = false
  const close = (endLine: number, endOffset: number): void => {
    if (!paragraph) return
    const value = paragraph.lines.join('\n')
    if (paragraph.inline && needsInlineParse(value)) {
      const built = emailParagraph(value, paragraph.startLine, paragraph.startOffset)
      const parsed = built ? [built] : parseParagraph ? parseParagraph(value).children : []
      const only = parsed[0]
      if (parsed.length !== 1 || only?.type !== 'paragraph') refused = true
      else children.push(built ?? shiftPositions(only, paragraph.startLine - 1, paragraph.startOffset))
      paragraph = undefined
      return
    }
    const last = paragraph.lines[paragraph.lines.length - 1] ?? ''
    const position = {
      start: { line: paragraph.startLine, column: 1, offset: paragraph.startOffset },
      end: { line: endLine, column: last.length + 1, offset: endOffset }
    }
    children.push({ type: 'paragraph', children: [{ type: 'text', value, position: structuredPosition(position) }], position })
    paragraph = undefined
  }
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? ''
    if (blank.test(line)) {
      close(index, offset - 1)
    } else if (markerLine.test(line)) {
      close(index, offset - 1)
      children.push({
        type: 'html',
        value: line,
        position: { start: { line: index + 1, column: 1, offset }, end: { line: index + 1, column: line.length + 1, offset: offset + line.length } }
      })
    } else {
      let inline = false
      if (!isPlainLine(line)) {
        if (!isInlineOnlyLine(line)) return undefined
        inline = true
      }
      if (paragraph) {
        paragraph.lines.push(line)
        paragraph.inline ||= inline
      } else paragraph = { startLine: index + 1, startOffset: offset, lines: [line], inline }
    }
    offset += line.length + 1
  }
  close(lines.length, offset - 1)
  return refused ? undefined : { type: 'root', children }
}

/** Whether a paragraph of inline-only lines holds syntax: not when its only candidate is an `@` that begins no address. */
function needsInlineParse(value: string): boolean {
  return syntaxCharacterBesidesAt.test(value) || autolinkStart.test(value) || mayHoldAddress(value)
}

/** Moves a node parsed on its own to where it stands in the body (its lines start at column 1). */
function shiftPositions<T extends { position?: Paragraph['position']; children?: unknown }>(node: T, lines: number, offset: number): T {
  if (node.position) {
    const { start, end } = node.position
    node.position = {
      start: { line: start.line + lines, column: start.column, offset: (start.offset ?? 0) + offset },
      end: { line: end.line + lines, column: end.column, offset: (end.offset ?? 0) + offset }
    }
  }
  if (Array.isArray(node.children)) for (const child of node.children) shiftPositions(child as T, lines, offset)
  return node
}

function structuredPosition(position: Paragraph['position'] & object): NonNullable<Paragraph['position']> {
  return { start: { ...position.start }, end: { ...position.end } }
}
