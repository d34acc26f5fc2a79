export type Severity = 'error' | 'warning' | 'info'

/** A safe change a rule offers for what it reports: a source range, the text a reader saw there, and its replacement. */
export interface Fix {
  file: string
  /** 1-based start line and column of the range in the source file. */
  line: number
  column: number
  /** 1-based end line and column, exclusive. */
  endLine: number
  endColumn: number
  /** The text characters the range stands for (escapes removed): checked before replacing. */
  original: string
  replacement: string
}

/** One problem in the content, pointing into a file the user edits. */
export interface Diagnostic {
  file: string
  line: number
  column: number
  severity: Severity
  rule: string
  message: string
  /** A safe edit `check --fix` may apply; never printed. */
  fix?: Fix
  /** A second place the problem involves (the file that used a duplicated id first); the message names it too. */
  related?: Place
}

/** A place in a content file, 1-based. */
export interface Place {
  file: string
  line: number
  column: number
}

/** `FILE:LINE:COLUMN: severity: message [rule]`, the form editors and CI logs understand. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const { file, line, column, severity, message, rule } = diagnostic
  return `${printable(file)}:${line}:${column}: ${severity}: ${printable(message)} [${rule}]`
}

/**
 * Text from content or file names as a terminal may show it: control characters (an ESC starts a
 * terminal command, a line break would forge a diagnostic line), bidi controls and line separators
 * written as visible escapes `\u{1b}`.
 */
export function printable(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu,
    (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`
  )
}

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/** The order of diagnostics: by file (code points), line, column, severity, rule, message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    severityOrder[a.severity] - severityOrder[b.severity] ||
    compareStrings(a.rule, b.rule) ||
    compareStrings(a.message, b.message)
  )
}

/** Stable order (`compareDiagnostics`). */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics)
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error')
}

export interface DiagnosticCounts {
  error: number
  warning: number
  info: number
  /**
   * Half-width punctuation in Chinese text (the punctuation-width rule): the print page and the PDF
   * set it as it is, off the 28-character grid, so a build says how many there are.
   */
  punctuationWidth?: number
}

export function countDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticCounts {
  const counts: DiagnosticCounts = { error: 0, warning: 0, info: 0 }
  let punctuationWidth = 0
  for (const diagnostic of diagnostics) {
    counts[diagnostic.severity]++
    if (diagnostic.rule === 'punctuation-width') punctuationWidth++
  }
  if (punctuationWidth > 0) counts.punctuationWidth = punctuationWidth
  return counts
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  return summarizeCounts(countDiagnostics(diagnostics))
}

export function summarizeCounts(counts: DiagnosticCounts): string {
  return `${counts.error} 个错误，${counts.warning} 个警告，${counts.info} 个提示`
}
