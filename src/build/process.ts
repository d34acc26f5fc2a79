/**
 * The work for one notice, pure and self-contained so it can run in a worker thread:
 * load, validate and (for a build) render. What it returns is all the build keeps of it.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { loadNotice, type NoticeSource } from '../load/notice.js'
import type { SiteConfig } from '../model/schema.js'
import { defaultStatusPhrases } from '../model/vocabulary.js'
import { indexEntry, renderDocxModel, renderNotice, type IndexEntry, type OutputFile } from '../render/site.js'
import type { DocxModel } from '../render/docx/model.js'
import type { Renderer } from '../render/templates.js'
import { validateNotice } from '../validate/validate.js'

export interface NoticeResult {
  id: string
  diagnostics: Diagnostic[]
  entry: IndexEntry
  draft: boolean
  /** Rendered outputs; empty for a check, or when the notice has errors. */
  files: OutputFile[]
  /** What its Word file holds (`--docx`), packed once the build succeeded. */
  docx?: DocxModel
}

/** One merged table per site: the parser sorts a table's phrases once and keys that by the table itself. */
const phrasesOfSite = new WeakMap<SiteConfig, NonNullable<SiteConfig['statusPhrases']>>()
function statusPhrasesOf(site: SiteConfig): NonNullable<SiteConfig['statusPhrases']> {
  let phrases = phrasesOfSite.get(site)
  if (!phrases) phrasesOfSite.set(site, (phrases = { ...defaultStatusPhrases, ...site.statusPhrases }))
  return phrases
}

export function processNotice(source: NoticeSource, site: SiteConfig, renderer: Renderer | undefined, options: { pdf?: boolean; docx?: boolean; fixes?: boolean } = {}): NoticeResult {
  const notice = loadNotice(source, { statusPhrases: statusPhrasesOf(site) })
  const diagnostics = validateNotice(notice, site, undefined, { fixes: options.fixes ?? true })
  const failed = diagnostics.some((diagnostic) => diagnostic.severity === 'error')
  const render = renderer !== undefined && !failed
  return {
    id: source.id,
    diagnostics,
    entry: indexEntry(notice.record),
    draft: Boolean(notice.meta.draft),
    files: render ? renderNotice(notice, site, renderer, options) : [],
    ...(render && options.docx ? { docx: renderDocxModel(notice) } : {})
  }
}
