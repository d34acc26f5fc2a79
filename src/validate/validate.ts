/**
 * Runs the rules over loaded notices and applies the site's severities and each finding's
 * `ignore` entries. Diagnostics from loading (syntax, schema, structure) pass through unchanged.
 */
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { LoadedNotice } from '../load/notice.js'
import type { SiteConfig } from '../model/schema.js'
import type { Rule } from './rule.js'
import { rules as allRules } from './rules/index.js'

export function validateNotice(
  notice: LoadedNotice,
  site: SiteConfig,
  rules: readonly Rule[] = allRules,
  { fixes = true }: { fixes?: boolean } = {}
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [...notice.diagnostics]
  const ignores = new Map<string, NonNullable<NonNullable<LoadedNotice['parts'][number]['finding']>['ignore']>>()
  for (const part of notice.parts) if (part.finding?.ignore) ignores.set(part.file.path, part.finding.ignore)
  for (const rule of rules) {
    const level = site.rules[rule.id] ?? rule.severity
    if (level === 'off') continue
    for (const report of rule.check(notice, { site, fixes })) {
      const ignored = ignores.get(report.file)?.some((entry) => entry.rule === rule.id && (entry.text === undefined || entry.text === report.text))
      if (ignored) continue
      const diagnostic: Diagnostic = { file: report.file, line: report.line, column: report.column, severity: level, rule: rule.id, message: report.message }
      if (report.fix) diagnostic.fix = report.fix
      if (report.related) diagnostic.related = report.related
      diagnostics.push(diagnostic)
    }
  }
  return sortDiagnostics(diagnostics)
}
