/**
 * The dev server's build: the same stages as `notice build`, kept in memory per notice so that a
 * change to one notice folder re-loads, re-checks and re-renders only that notice (plus the
 * site-wide pages, which list every notice). Pure: sources in, files and diagnostics out.
 */
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js'
import { processNotice } from '../engine/process.js'
import type { NoticeSource } from '../load/notice.js'
import type { ContentSource } from '../load/read.js'
import { loadSite } from '../load/site.js'
import type { IndexEntry, OutputFile } from '../model/outputs.js'
import type { SiteConfig } from '../model/schema.js'
import { renderSiteFiles } from '../render/site.js'
import type { Renderer } from '../render/templates.js'

interface NoticeState {
  source: NoticeSource
  entry?: IndexEntry
  diagnostics: Diagnostic[]
  files: OutputFile[]
}

export interface DevSnapshot {
  files: ReadonlyMap<string, string | Uint8Array>
  diagnostics: Diagnostic[]
}

export class IncrementalBuild {
  private site: SiteConfig
  private siteDiagnostics: Diagnostic[] = []
  /** Problems the reader found (bad folder names, unreadable files), by notice id; '' for the whole content folder. */
  private readDiagnostics = new Map<string, Diagnostic[]>()
  private readonly notices = new Map<string, NoticeState>()
  private siteFiles: OutputFile[] = []

  constructor(private renderer: Renderer) {
    this.site = loadSite(undefined).site
  }

  /** A full read of the content folder: replaces everything. */
  replaceAll(source: ContentSource): void {
    this.applySite(source.site)
    this.readDiagnostics = new Map([['', source.diagnostics]])
    this.notices.clear()
    for (const notice of source.notices) this.notices.set(notice.id, { source: notice, diagnostics: [], files: [] })
    this.renderAll()
  }

  /** A read of just these notice folders (`readContent` with `only`); a folder that is gone is removed. */
  replaceNotices(ids: ReadonlySet<string>, source: ContentSource): void {
    for (const id of ids) {
      this.readDiagnostics.set(
        id,
        source.diagnostics.filter((diagnostic) => diagnostic.file.split('/').includes(id))
      )
      const notice = source.notices.find((candidate) => candidate.id === id)
      if (notice) {
        const state: NoticeState = { source: notice, diagnostics: [], files: [] }
        this.notices.set(id, state)
        this.renderOne(state)
      } else {
        this.notices.delete(id)
      }
    }
    this.renderSite()
  }

  /** New templates (or a new site.yml): every notice is rendered again from what is already loaded. */
  replaceRenderer(renderer: Renderer): void {
    this.renderer = renderer
    this.renderAll()
  }

  replaceSite(site: ContentSource['site']): void {
    this.applySite(site)
    this.renderAll()
  }

  has(id: string): boolean {
    return this.notices.has(id) || this.readDiagnostics.has(id)
  }

  snapshot(): DevSnapshot {
    const files = new Map<string, string | Uint8Array>()
    for (const state of this.notices.values()) for (const file of state.files) files.set(file.path, file.content)
    for (const file of this.siteFiles) files.set(file.path, file.content)
    const diagnostics = [
      ...this.siteDiagnostics,
      ...[...this.readDiagnostics.values()].flat(),
      ...[...this.notices.values()].flatMap((state) => state.diagnostics)
    ]
    return { files, diagnostics: sortDiagnostics(diagnostics) }
  }

  private applySite(site: ContentSource['site']): void {
    const loaded = loadSite(site)
    this.site = loaded.site
    this.siteDiagnostics = loaded.diagnostics
  }

  private renderAll(): void {
    for (const state of this.notices.values()) this.renderOne(state)
    this.renderSite()
  }

  private renderOne(state: NoticeState): void {
    // A preview shows the notice even while it has errors (the overlay lists them); a notice that
    // cannot be rendered at all keeps its previous pages.
    const result = processNotice(state.source, this.site, this.renderer, { preview: true })
    state.entry = result.entry
    state.diagnostics = result.diagnostics
    if (!result.diagnostics.some((diagnostic) => diagnostic.rule === 'render')) state.files = result.files
  }

  private renderSite(): void {
    const entries = [...this.notices.values()].flatMap((state) => (state.entry ? [state.entry] : []))
    try {
      this.siteFiles = renderSiteFiles(entries, this.site, this.renderer)
    } catch (error) {
      this.siteDiagnostics = [
        ...this.siteDiagnostics,
        {
          file: 'templates',
          line: 1,
          column: 1,
          severity: 'error',
          rule: 'render',
          message: `无法生成通报列表：${error instanceof Error ? error.message : String(error)}`
        }
      ]
    }
  }
}
