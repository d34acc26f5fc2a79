/**
 * Fixes as values: a source range, the text a reader saw there, and its replacement. Applying
 * them to a file's text is a pure function; only the CLI reads and writes the files.
 */
import type { Fix } from '../diagnostics/diagnostic.js'

export interface AppliedFixes {
  text: string
  applied: Fix[]
  /** Fixes that overlap an earlier one, fall in the frontmatter, or no longer match the source. */
  skipped: Fix[]
}

/**
 * Applies the fixes of one file. A fix is applied only when its range still reads as `original`
 * and starts at or after `firstEditableLine` (the body, never the frontmatter).
 */
export function applyFixes(text: string, fixes: readonly Fix[], firstEditableLine = 1): AppliedFixes {
  const starts = lineStarts(text)
  const located = fixes.map((fix) => ({ fix, start: offsetOf(starts, text, fix.line, fix.column), end: offsetOf(starts, text, fix.endLine, fix.endColumn) }))
  located.sort((a, b) => (a.start ?? -1) - (b.start ?? -1) || (a.end ?? -1) - (b.end ?? -1))
  const applied: Array<{ fix: Fix; start: number; end: number }> = []
  const skipped: Fix[] = []
  let reached = -1
  for (const { fix, start, end } of located) {
    const usable =
      start !== undefined &&
      end !== undefined &&
      start >= reached &&
      end >= start &&
      fix.line >= firstEditableLine &&
      unescapeMarkdown(text.slice(start, end)) === fix.original
    if (!usable || applied.some((other) => other.start === start && other.end === end)) {
      skipped.push(fix)
      continue
    }
    applied.push({ fix, start, end })
    reached = Math.max(reached, end)
  }
  let result = text
  for (const { fix, start, end } of [...applied].reverse()) result = result.slice(0, start) + fix.replacement + result.slice(end)
  return { text: result, applied: applied.map((entry) => entry.fix), skipped }
}

function lineStarts(text: string): number[] {
  const starts = [0]
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') starts.push(index + 1)
  return starts
}

function offsetOf(starts: readonly number[], text: string, line: number, column: number): number | undefined {
  const start = starts[line - 1]
  if (start === undefined || column < 1) return undefined
  const offset = start + column - 1
  const lineEnd = starts[line] === undefined ? text.length : (starts[line] ?? text.length) - 1
  return offset <= lineEnd ? offset : undefined
}

/** The source as a reader sees it: Markdown backslash escapes of ASCII punctuation removed. */
function unescapeMarkdown(source: string): string {
  return source.replace(/\\([!-/:-@[-`{-~])/gu, '$1')
}
