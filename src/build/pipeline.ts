/**
 * The build as pure stages: source texts → loaded notices → diagnostics → output files.
 * The CLI reads the disk before and writes after; nothing here does either.
 */
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js'
import { loadNotice, type LoadedNotice } from '../load/notice.js'
import type { ContentSource } from '../load/read.js'
import { loadSite } from '../load/site.js'
import type { SiteConfig } from '../model/schema.js'
import { defaultStatusPhrases } from '../model/vocabulary.js'
import { indexEntry, renderNotice, renderSiteFiles, type OutputFile } from '../render/site.js'
import type { Renderer } from '../render/templates.js'
import { validateNotice } from '../validate/validate.js'

export interface CheckedContent {
  site: SiteConfig
  notices: LoadedNotice[]
  diagnostics: Diagnostic[]
}

export function checkContent(source: ContentSource): CheckedContent {
  const { site, diagnostics: siteDiagnostics } = loadSite(source.site)
  const statusPhrases = { ...defaultStatusPhrases, ...site.statusPhrases }
  const diagnostics: Diagnostic[] = [...source.diagnostics, ...siteDiagnostics]
  const notices = source.notices.map((noticeSource) => {
    const notice = loadNotice(noticeSource, { statusPhrases })
    diagnostics.push(...validateNotice(notice, site))
    return notice
  })
  return { site, notices, diagnostics: sortDiagnostics(diagnostics) }
}

export interface RenderOptions {
  drafts: boolean
  /** This build also prints notice.pdf for every notice: pages link to it only then. */
  pdf?: boolean
}

export function renderContent(content: CheckedContent, renderer: Renderer, options: RenderOptions): OutputFile[] {
  const published = content.notices.filter((notice) => options.drafts || !notice.meta.draft)
  const files = published.flatMap((notice) => renderNotice(notice, content.site, renderer, { pdf: options.pdf ?? false }))
  files.push(...renderSiteFiles(published.map((notice) => indexEntry(notice.record)), content.site, renderer, { pdf: options.pdf ?? false }))
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
