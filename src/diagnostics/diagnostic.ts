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
}

/** `FILE:LINE:COLUMN: severity: message [rule]`, the form editors and CI logs understand. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const { file, line, column, severity, message, rule } = diagnostic
  return `${file}:${line}:${column}: ${severity}: ${message} [${rule}]`
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
}

export function countDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticCounts {
  const counts: DiagnosticCounts = { error: 0, warning: 0, info: 0 }
  for (const diagnostic of diagnostics) counts[diagnostic.severity]++
  return counts
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  return summarizeCounts(countDiagnostics(diagnostics))
}

export function summarizeCounts(counts: DiagnosticCounts): string {
  return `${counts.error} 个错误，${counts.warning} 个警告，${counts.info} 个提示`
}
