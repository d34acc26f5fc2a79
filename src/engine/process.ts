/**
 * The work for one notice, the same for build, check, dev and the tests: load it with the site's
 * settings, validate it and (given a renderer) render it. Pure and self-contained, so it runs in
 * a worker thread as well as inline.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { loadNotice, type LoadedNotice, type NoticeSource } from '../load/notice.js'
import type { IndexEntry, OutputFile } from '../model/outputs.js'
import type { SiteConfig } from '../model/schema.js'
import { indexEntry, renderNotice } from '../render/site.js'
import type { Renderer } from '../render/templates.js'
import { validateNotice } from '../validate/validate.js'

export interface NoticeResult {
  notice: LoadedNotice
  diagnostics: Diagnostic[]
  entry: IndexEntry
  draft: boolean
  /** Rendered outputs; empty without a renderer, or when the notice has errors (unless previewed). */
  files: OutputFile[]
}

export interface ProcessOptions {
  /** Pages link to notice.pdf (a build with --pdf). */
  pdf?: boolean
  /** Diagnostics carry their fixes (for `check --fix`, and whenever they are cached). */
  fixes?: boolean
  /**
   * Render even a notice with errors, and report a failure to render as a diagnostic instead of
   * throwing: the dev server shows the page with its problems listed over it.
   */
  preview?: boolean
}

/** `site` as `loadSite` resolved it: its status phrases are the whole table. */
export function processNotice(source: NoticeSource, site: SiteConfig, renderer: Renderer | undefined, options: ProcessOptions = {}): NoticeResult {
  const notice = loadNotice(source, { statusPhrases: site.statusPhrases })
  const diagnostics = validateNotice(notice, site, undefined, { fixes: options.fixes ?? true })
  const failed = diagnostics.some((diagnostic) => diagnostic.severity === 'error')
  const result: NoticeResult = { notice, diagnostics, entry: indexEntry(notice.record), draft: Boolean(notice.meta.draft), files: [] }
  if (!renderer || (failed && !options.preview)) return result
  if (!options.preview) {
    result.files = renderNotice(notice, site, renderer, { pdf: options.pdf ?? false })
    return result
  }
  try {
    result.files = renderNotice(notice, site, renderer, { pdf: options.pdf ?? false })
  } catch (error) {
    const message = `无法生成页面：${error instanceof Error ? error.message : String(error)}`
    diagnostics.push({ file: source.files[0]?.path ?? source.id, line: 1, column: 1, severity: 'error', rule: 'render', message })
  }
  return result
}
