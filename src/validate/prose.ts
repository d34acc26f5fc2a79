/**
 * What the proofreading rules read: the notice's own lines (never frontmatter), each with its
 * role, and the character classes that tell Chinese text from ASCII text.
 */
import type { LoadedNotice } from '../load/notice.js'
import type { DocLine, LineRole } from '../structure/types.js'

export interface ProseLine {
  line: DocLine
  index: number
  role: LineRole
}

const proseOf = new WeakMap<LoadedNotice, readonly ProseLine[]>()

/**
 * Every non-blank line of the notice in reading order. Seven rules read them: they are picked
 * out once per notice (a loaded notice does not change).
 */
export function proseLines(notice: LoadedNotice): readonly ProseLine[] {
  const known = proseOf.get(notice)
  if (known) return known
  const result: ProseLine[] = []
  notice.document.lines.forEach((line, index) => {
    const role = notice.document.roles[index] ?? { kind: 'blank' }
    if (role.kind === 'blank' || line.text.trim().length === 0) return
    if (line.node && line.node.type !== 'paragraph' && line.node.type !== 'heading') return
    result.push({ line, index, role })
  })
  proseOf.set(notice, result)
  return result
}

/** A Han character or a full-width (CJK) punctuation mark or quote. */
export const chinese = /[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—]/u
export const han = /\p{Script=Han}/u

export function isChinese(char: string | undefined): boolean {
  return char !== undefined && chinese.test(char)
}

const noMatches: readonly RegExpExecArray[] = Object.freeze([])

/**
 * Every match of a pattern in a text, with its index. An array, not a generator: the rules call
 * this for every line, and a generator's set-up cost more than the search in a line with no match.
 */
export function matches(pattern: RegExp, text: string): readonly RegExpExecArray[] {
  const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`)
  global.lastIndex = 0
  let match = global.exec(text)
  if (!match) return noMatches
  const found: RegExpExecArray[] = []
  for (; match; match = global.exec(text)) {
    found.push(match)
    if (match[0].length === 0) global.lastIndex++
  }
  return found
}

/** `text`, shortened around an offset for messages. */
export function excerpt(text: string, start: number, end: number, around = 6): string {
  const from = Math.max(0, start - around)
  const to = Math.min(text.length, end + around)
  const piece = text.slice(from, to)
  return `${from > 0 ? '…' : ''}${piece.includes('\n') ? piece.replaceAll('\n', ' ') : piece}${to < text.length ? '…' : ''}`
}
