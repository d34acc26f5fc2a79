/**
 * Writes planned parts as Markdown files with stable formatting: frontmatter keys in a fixed order,
 * one paragraph per line of the notice, blank lines of the notice as extra blank lines.
 */
import { stringify } from 'yaml'
import { escapeLine } from '../markdown/escape.js'

export type Escape = (line: string) => string

/** Body text for lines of a notice ('' for a blank line); `marker` puts `<!-- 正文 -->` before line `marker`. */
export function serializeBody(lines: readonly string[], escapeText: (line: string, index: number) => string = escapeLine, marker?: number): string {
  let out = '\n'
  let started = false
  let pendingBlank = 0
  const emit = (block: string): void => {
    if (started) out += '\n\n'
    out += '\n'.repeat(pendingBlank) + block
    pendingBlank = 0
    started = true
  }
  lines.forEach((line, index) => {
    if (index === marker) emitMarker()
    if (line.length === 0) pendingBlank++
    else emit(escapeText(line, index))
  })
  if (marker !== undefined && marker >= lines.length) emitMarker()
  function emitMarker(): void {
    emit('<!-- 正文 -->')
  }
  return `${out}${started ? '\n' : ''}${'\n'.repeat(pendingBlank)}`
}

/** A file without frontmatter starts right at its first block. */
export function serializeFile(frontmatter: Record<string, unknown> | undefined, body: string): string {
  if (!frontmatter) return body.slice(1)
  const yaml =
    frontmatter && Object.keys(frontmatter).length > 0 ? stringify(frontmatter, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' }) : ''
  return `---\n${yaml}---\n${body}`
}
