import type { Severity } from '../diagnostics/diagnostic.js'
import type { LoadedNotice } from '../load/notice.js'
import type { SiteConfig } from '../model/schema.js'
import type { DocLine } from '../structure/types.js'

export interface RuleContext {
  site: SiteConfig
}

/** What a rule reports: a place, a message, and the text it is about (for `ignore` entries). */
export interface Report {
  file: string
  line: number
  column: number
  message: string
  text?: string
}

export interface Rule {
  id: string
  severity: Severity
  /** One line in Chinese for the README and `--help`. */
  description: string
  check(notice: LoadedNotice, context: RuleContext): Report[]
}

/** Position of character `offset` of a document line, following escapes and line breaks. */
export function positionIn(line: DocLine, offset: number): { file: string; line: number; column: number } {
  const before = line.text.slice(0, offset)
  const breaks = before.split('\n')
  if (breaks.length > 1) return { file: line.file, line: line.line + breaks.length - 1, column: (breaks[breaks.length - 1]?.length ?? 0) + 1 }
  const column = line.columns?.[offset] ?? line.column + offset
  return { file: line.file, line: line.line, column }
}
