/**
 * Writes one line of a notice as a Markdown paragraph that reads back as exactly that line.
 * Chinese notices rarely contain Markdown syntax, so most lines are written unchanged.
 */

const inlineSyntax = /[\\`*_[\]<>&~]/gu
const edgeWhitespace = /^([ \t]*)([\s\S]*?)([ \t]*)$/u

const reference = (char: string): string => `&#${char.codePointAt(0)};`

export function escapeLine(line: string): string {
  const [, leading = '', middle = '', trailing = ''] = edgeWhitespace.exec(line) ?? []
  let body = middle.replace(inlineSyntax, (char) => `\\${char}`)
  body = escapeBlockStart(body)
  return [...leading].map(reference).join('') + body + [...trailing].map(reference).join('')
}

function escapeBlockStart(body: string): string {
  if (/^#{1,6}(?:[ \t]|$)/u.test(body)) return `\\${body}`
  if (/^[-+](?:[ \t]|$)/u.test(body)) return `\\${body}`
  if (/^(?:-[ \t]*){3,}$/u.test(body)) return `\\${body}`
  if (/^(?:=+)[ \t]*$/u.test(body)) return `\\${body}`
  const ordered = /^(\d{1,9})([.)])(?=[ \t]|$)/u.exec(body)
  if (ordered) return `${ordered[1]}\\${body.slice((ordered[1] ?? '').length)}`
  return body
}

const asciiPunctuation = /[!-/:-@[-`{-~]/gu

/** The fallback: every ASCII punctuation escaped and every whitespace at an edge a reference. */
export function escapeLineStrict(line: string): string {
  const [, leading = '', middle = '', trailing = ''] = /^(\s*)([\s\S]*?)(\s*)$/u.exec(line) ?? []
  const body = middle.replace(asciiPunctuation, (char) => `\\${char}`)
  return [...leading].map(reference).join('') + body + [...trailing].map(reference).join('')
}
