/**
 * Which fixes to apply to which file: diagnostics in, new file texts and a list of changes out.
 * Pure; the CLI reads the files before and writes them after.
 */
import type { Diagnostic, Fix } from '../diagnostics/diagnostic.js'
import { splitFrontmatter } from '../load/frontmatter.js'
import { applyFixes } from './edit.js'

export interface Change {
  rule: string
  fix: Fix
}

export interface FileFixes {
  file: string
  text: string
  changes: Change[]
}

/** Fixes grouped by file, in file order. */
export function fixesByFile(diagnostics: readonly Diagnostic[]): Map<string, Change[]> {
  const byFile = new Map<string, Change[]>()
  for (const diagnostic of diagnostics) {
    if (!diagnostic.fix) continue
    const list = byFile.get(diagnostic.fix.file) ?? []
    list.push({ rule: diagnostic.rule, fix: diagnostic.fix })
    byFile.set(diagnostic.fix.file, list)
  }
  return new Map([...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/** Applies the changes to one file's text; the frontmatter is never touched. */
export function fixFile(file: string, text: string, changes: readonly Change[]): FileFixes {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : ''
  const source = text.slice(bom.length)
  const firstEditableLine = splitFrontmatter(file, source).bodyLine
  const result = applyFixes(
    source,
    changes.map((change) => change.fix),
    firstEditableLine
  )
  const applied = new Set(result.applied)
  return {
    file,
    text: bom + result.text,
    changes: changes.filter((change) => applied.has(change.fix)).sort((a, b) => a.fix.line - b.fix.line || a.fix.column - b.fix.column)
  }
}

/** `FILE:LINE:COLUMN: “原文” → “修改后” [rule]`. */
export function formatChange(change: Change): string {
  const { fix } = change
  return `${fix.file}:${fix.line}:${fix.column}: “${fix.original}” → “${fix.replacement}” [${change.rule}]`
}
