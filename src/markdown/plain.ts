/**
 * The fast path of the Markdown stage. Nearly every line of a notice is plain Chinese prose, for
 * which remark's full tokenizer does work that cannot change the result. A body whose every line is
 * provably plain (nothing Markdown or GFM could read as syntax) is split here into the same mdast
 * the real parser builds; anything else goes to the real parser. A property test holds the two equal.
 */
import type { Html, Paragraph, Root } from 'mdast'

// ASCII characters that start or take part in Markdown/GFM syntax, control characters, and
// the substrings that begin GFM autolink literals. `#` is syntax only at the start of a line,
// `!` only before `[`, and `{}` never.
const unsafeCharacter = /[\\`*_[\]<>&~|@\u0000-\u0008\u000b-\u001f\u007f\r\t]/u
const autolinkStart = /www\.|:\/\/|mailto:|xmpp:/iu
const unsafeStart = /^(?:[-+=#\s]|\d{1,9}[.)])/u
const unsafeEnd = /[ \t]$/u
const blank = /^[ \t]*$/u
/** The body marker of notice.md: an HTML comment is a block of its own wherever it stands. */
const markerLine = /^<!-- 正文 -->$/u

export function isPlainLine(line: string): boolean {
  return !unsafeCharacter.test(line) && !autolinkStart.test(line) && !unsafeStart.test(line) && !unsafeEnd.test(line)
}

/** The mdast of a plain body, or undefined when any line needs the real parser. */
export function parsePlainBody(source: string): Root | undefined {
  const lines = source.split('\n')
  const children: Array<Paragraph | Html> = []
  let offset = 0
  let paragraph: { startLine: number; startOffset: number; lines: string[] } | undefined
  const close = (endLine: number, endOffset: number): void => {
    if (!paragraph) return
    const value = paragraph.lines.join('\n')
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
      if (!isPlainLine(line)) return undefined
      if (paragraph) paragraph.lines.push(line)
      else paragraph = { startLine: index + 1, startOffset: offset, lines: [line] }
    }
    offset += line.length + 1
  }
  close(lines.length, offset - 1)
  return { type: 'root', children }
}

function structuredPosition(position: Paragraph['position'] & object): NonNullable<Paragraph['position']> {
  return { start: { ...position.start }, end: { ...position.end } }
}
