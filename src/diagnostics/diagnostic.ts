import type { Fix } from '../fix/edit.js'

export type Severity = 'error' | 'warning' | 'info'

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

export function formatDiagnosticsJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(
    diagnostics.map(({ file, line, column, severity, rule, message }) => ({ file, line, column, severity, rule, message })),
    null,
    2
  )
}

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/** Stable order: by file (code points), line, column, severity, rule. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareStrings(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      severityOrder[a.severity] - severityOrder[b.severity] ||
      compareStrings(a.rule, b.rule) ||
      compareStrings(a.message, b.message)
  )
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error')
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const count = (severity: Severity): number => diagnostics.filter((diagnostic) => diagnostic.severity === severity).length
  return `${count('error')} 个错误，${count('warning')} 个警告，${count('info')} 个提示`
}
