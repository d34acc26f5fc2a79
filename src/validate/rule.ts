import type { Fix, Place, Severity } from '../diagnostics/diagnostic.js'
import type { LoadedNotice } from '../load/notice.js'
import type { SiteConfig } from '../model/schema.js'
import type { DocLine } from '../structure/types.js'

export interface RuleContext {
  site: SiteConfig
  /**
   * Whether reports carry their fix (default: they do). A run that neither applies fixes nor
   * stores its diagnostics for a later `check --fix` leaves them out: 22,000 of 33,000 reports
   * of the 400-notice bench corpus have one, each with two positions to find.
   */
  fixes?: boolean
}

/** What a rule reports: a place, a message, and the text it is about (for `ignore` entries). */
export interface Report {
  file: string
  line: number
  column: number
  message: string
  text?: string
  /** A mechanical, meaning-preserving edit of the source that `check --fix` may apply. */
  fix?: Fix
  /** A second place the problem involves (`Diagnostic.related`). */
  related?: Place
}

export interface Rule {
  id: string
  severity: Severity
  /** One line in Chinese for the README and `--help`. */
  description: string
  check(notice: LoadedNotice, context: RuleContext): Report[]
}

/**
 * Position of character `offset` of a document line, following escapes and line breaks. Every
 * report asks for one or more, so the line breaks before `offset` are counted in place.
 */
export function positionIn(line: DocLine, offset: number): { file: string; line: number; column: number } {
  const text = line.text
  const end = sliceEnd(text.length, offset)
  let breaks = 0
  let lastBreak = -1
  for (let at = text.indexOf('\n'); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) {
    breaks++
    lastBreak = at
  }
  if (breaks > 0) return { file: line.file, line: line.line + breaks, column: end - lastBreak }
  const column = line.columns?.[offset] ?? line.column + offset
  return { file: line.file, line: line.line, column }
}

/** Where `text.slice(0, offset)` ends, for any number `offset` (negative counts from the end). */
function sliceEnd(length: number, offset: number): number {
  const integer = Number.isNaN(offset) ? 0 : Math.trunc(offset)
  return integer < 0 ? Math.max(length + integer, 0) : Math.min(integer, length)
}

/**
 * A report about `text` at character `offset` of a line, with the fields in the order reports
 * have always had. Built field by field: spreading the position into each report cost more than
 * finding what is reported.
 */
export function reportAt(line: DocLine, offset: number, message: string, text: string, fix?: Fix): Report {
  const position = positionIn(line, offset)
  if (fix) return { file: position.file, line: position.line, column: position.column, message, text, fix }
  return { file: position.file, line: position.line, column: position.column, message, text }
}

/**
 * The source range of text characters [start, end) of a line and what to put there. Ranges follow
 * `columns`, so a character written with an escape (`\\[`) is replaced with its escape.
 */
export function fixIn(line: DocLine, start: number, end: number, replacement: string): Fix {
  const from = positionIn(line, start)
  const to = endPositionIn(line, end)
  return { file: line.file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column, original: line.text.slice(start, end), replacement }
}

/** A report's fix (`fixIn`), or none when the run leaves fixes out (`RuleContext.fixes`). */
export function fixUnlessLeftOut(context: RuleContext, line: DocLine, start: number, end: number, replacement: string): Fix | undefined {
  return context.fixes === false ? undefined : fixIn(line, start, end, replacement)
}

/** Position just after text character `end - 1`. */
function endPositionIn(line: DocLine, end: number): { line: number; column: number } {
  if (end < line.text.length && line.text[end] !== '\n') return positionIn(line, end)
  const nodeStart = line.node?.position?.start
  const nodeEnd = line.node?.position?.end
  if (end >= line.text.length && nodeStart && nodeEnd) return { line: nodeEnd.line + (line.line - nodeStart.line), column: nodeEnd.column }
  const last = positionIn(line, end - 1)
  return { line: last.line, column: last.column + 1 }
}
