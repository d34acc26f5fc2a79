/**
 * E-mail addresses in prose, for the fast path: nearly every notice gives one in its closing
 * (电子邮箱：…@….com), which GFM turns into a `mailto:` link. Only the plainest form is built here,
 * the form whose reading cannot depend on anything around it: a Chinese (non-ASCII) character, a
 * space, plain punctuation or the line's edge on both sides, letters and digits at both ends of the
 * local part and of each domain label. Anything else is left to the real parser; a property test holds the two equal.
 */
import type { Link, Paragraph, PhrasingContent, Text } from 'mdast'
import { autolinkStart, syntaxCharacterBesidesAt } from './syntax.js'

const isAlphanumeric = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
const isLocalPart = (code: number): boolean => isAlphanumeric(code) || code === 46 || code === 43 || code === 45
const isLabel = (code: number): boolean => isAlphanumeric(code) || code === 45
/** A space, plain punctuation, anything outside ASCII, or no character at all: nothing GFM could read as part of an address. */
const isBoundary = (code: number): boolean => Number.isNaN(code) || code > 127 || ' :,;()!?'.includes(String.fromCharCode(code))

/** End of the domain that starts at `from`, or -1 unless it is two or more clean labels. */
function domainEnd(text: string, from: number): number {
  let labels = 0
  let index = from
  for (;;) {
    const start = index
    while (isLabel(text.charCodeAt(index))) index++
    if (index === start || !isAlphanumeric(text.charCodeAt(start)) || !isAlphanumeric(text.charCodeAt(index - 1))) return -1
    labels++
    if (text.charCodeAt(index) !== 46 || !isAlphanumeric(text.charCodeAt(index + 1))) break
    index++
  }
  // GFM takes no address whose last label ends in a digit.
  const last = text.charCodeAt(index - 1)
  return labels >= 2 && !(last >= 48 && last <= 57) ? index : -1
}

/**
 * Whether GFM could read an e-mail address anywhere in the text. Both of its readers (micromark's
 * tokenizer and the mdast transform's pattern, `@[\w-]+(?:\.[\w-]+)+`) need an `@` whose domain
 * (letters, digits, `-`, `_` and dots) holds a dot followed by a letter, digit, `-` or `_`. Without
 * one, as in `ycxcyjjqgwh@126` at the end of a line, every `@` is plain text.
 */
export function mayHoldAddress(text: string): boolean {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    for (let index = at + 1; index < text.length; index++) {
      const code = text.charCodeAt(index)
      if (code === 46) {
        if (isDomainCharacter(text.charCodeAt(index + 1))) return true
        continue
      }
      if (!isDomainCharacter(code)) break
    }
  }
  return false
}

/** `[\w-]`: a letter, a digit, `-` or `_`. */
const isDomainCharacter = (code: number): boolean => isLabel(code) || code === 95

/**
 * A one-line paragraph at `line`/`offset` whose only syntax is plain e-mail addresses, as remark
 * with GFM reads it; undefined when it is anything else.
 */
export function emailParagraph(text: string, line: number, offset: number): Paragraph | undefined {
  // Line-level syntax was refused by the caller; any other syntax but `@` goes to the real parser.
  if (text.includes('\n') || syntaxCharacterBesidesAt.test(text) || autolinkStart.test(text)) return undefined
  const point = (index: number): { line: number; column: number; offset: number } => ({ line, column: index + 1, offset: offset + index })
  const textNode = (from: number, to: number): Text => ({ type: 'text', value: text.slice(from, to), position: { start: point(from), end: point(to) } })
  const children: PhrasingContent[] = []
  let cursor = 0
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at
    while (start > 0 && isLocalPart(text.charCodeAt(start - 1))) start--
    const end = domainEnd(text, at + 1)
    const clean = start < at && start >= cursor && isBoundary(text.charCodeAt(start - 1)) && isAlphanumeric(text.charCodeAt(start)) && isAlphanumeric(text.charCodeAt(at - 1))
    if (!clean || end === -1 || !isBoundary(text.charCodeAt(end))) return undefined
    if (start > cursor) children.push(textNode(cursor, start))
    const address = text.slice(start, end)
    const link: Link = { type: 'link', title: null, url: `mailto:${address}`, children: [textNode(start, end)], position: { start: point(start), end: point(end) } }
    children.push(link)
    cursor = end
    at = end - 1
  }
  if (children.length === 0) return undefined
  if (cursor < text.length) children.push(textNode(cursor, text.length))
  return { type: 'paragraph', children, position: { start: point(0), end: point(text.length) } }
}
