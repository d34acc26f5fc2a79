/**
 * A whole content folder through the per-notice unit in memory: source texts → loaded notices →
 * diagnostics → output files. For tests and benchmarks that want every notice at once; the CLI
 * runs the same unit notice by notice (run.ts). Nothing here reads or writes the disk.
 */
import { compareStrings, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { LoadedNotice } from '../load/notice.js'
import type { ContentSource } from '../load/read.js'
import { loadSite } from '../load/site.js'
import type { OutputFile } from '../model/outputs.js'
import type { SiteConfig } from '../model/schema.js'
import { indexEntry, renderNotice, renderSiteFiles } from '../render/site.js'
import type { Renderer } from '../render/templates.js'
import { processNotice } from './process.js'

export interface CheckedContent {
  site: SiteConfig
  notices: LoadedNotice[]
  diagnostics: Diagnostic[]
}

export function checkContent(source: ContentSource): CheckedContent {
  const { site, diagnostics: siteDiagnostics } = loadSite(source.site)
  const diagnostics: Diagnostic[] = [...source.diagnostics, ...siteDiagnostics]
  const notices = source.notices.map((noticeSource) => {
    const result = processNotice(noticeSource, site, undefined)
    diagnostics.push(...result.diagnostics)
    return result.notice
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
  files.push(
    ...renderSiteFiles(
      published.map((notice) => indexEntry(notice.record)),
      content.site,
      renderer,
      { pdf: options.pdf ?? false }
    )
  )
  return files.sort((a, b) => compareStrings(a.path, b.path))
}
