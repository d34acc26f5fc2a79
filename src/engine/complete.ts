/**
 * Everything a build does for one notice that its cache could not spare: read its files (unless
 * already read), process it, write its outputs into the staging folder and store its diagnostics.
 * One function for the inline path and the worker threads, so both do exactly the same; in a
 * worker, reading and writing then happen beside the processing instead of on the main thread.
 */
import { countDiagnostics, type Diagnostic, type DiagnosticCounts } from '../diagnostics/diagnostic.js'
import type { NoticeSource } from '../load/notice.js'
import { readNotice, type NoticeListing } from '../load/read.js'
import type { SiteConfig } from '../model/schema.js'
import type { IndexEntry } from '../model/outputs.js'
import type { DocxModel } from '../render/docx/model.js'
import type { Renderer } from '../render/templates.js'
import { writeStagedFile, type WrittenFile } from '../write/staging.js'
import { hash, writeCachedDiagnostics } from './cache.js'
import { processNotice } from './process.js'

export interface NoticeJob {
  listing: NoticeListing
  /** Set when the main thread already read the files and hashed them (to compare with the cache). */
  source?: NoticeSource
  inputs?: string
  /** Parts of the cache keys that are the same for every notice of the build. */
  keyBase: string
  templatesKey: string
  /** Write outputs here (a build); undefined for a check. */
  stagingFolder?: string
  cacheDir?: string
  drafts: boolean
  /** Pages link notice.pdf (printed by this build, or kept from an earlier one). */
  pdf: boolean
  /** This build prints the PDF (`--pdf`): the outcome carries the print page. */
  printPdf?: boolean
  /** Make the notice's Word file (`--docx`). */
  docx?: boolean
  /** Return every diagnostic (a check), or only the errors (a build counts the rest). */
  allDiagnostics: boolean
  /** Diagnostics carry their fixes (for `check --fix`, and whenever they are stored in the cache). */
  fixes: boolean
}

export interface NoticeOutcome {
  /** Problems reading the files; the notice is then never cached. */
  readDiagnostics: Diagnostic[]
  /** notice.md could not be read: nothing else was done. */
  skipped: boolean
  inputs: string
  validationKey: string
  renderKey: string
  /** Every diagnostic, or only the errors when the job asked for them alone. */
  diagnostics: Diagnostic[]
  counts: DiagnosticCounts
  entry?: IndexEntry
  draft: boolean
  outputs?: WrittenFile[]
  /** The print page, for the PDF printer (`--pdf` only). */
  printHtml?: string
  /** What the Word file holds, for packing it (`--docx` only). */
  docx?: DocxModel
}

export function inputsHash(source: NoticeSource): string {
  return hash(...source.files.flatMap((file) => [file.ref, file.text]))
}

export function completeNotice(job: NoticeJob, site: SiteConfig, renderer: Renderer | undefined): NoticeOutcome {
  let source = job.source
  let readDiagnostics: Diagnostic[] = []
  if (!source) {
    const read = readNotice(job.listing)
    readDiagnostics = read.diagnostics
    source = read.source
  }
  const empty = { diagnostics: [], counts: { error: 0, warning: 0, info: 0 }, draft: false }
  if (!source) return { readDiagnostics, skipped: true, inputs: '', validationKey: '', renderKey: '', ...empty }
  // Keys serve only the cache: a build without one does not hash its inputs.
  const inputs = job.inputs ?? (job.cacheDir ? inputsHash(source) : '')
  const validationKey = job.cacheDir ? hash(job.keyBase, inputs) : ''
  const renderKey = job.cacheDir ? hash(validationKey, job.templatesKey) : ''
  const result = processNotice(source, site, renderer, { pdf: job.pdf, docx: Boolean(job.docx), fixes: job.fixes })
  if (job.cacheDir && readDiagnostics.length === 0) writeCachedDiagnostics(job.cacheDir, job.listing.id, validationKey, result.diagnostics)
  const outcome: NoticeOutcome = {
    readDiagnostics,
    skipped: false,
    inputs,
    validationKey,
    renderKey,
    diagnostics: job.allDiagnostics ? result.diagnostics : result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'),
    counts: countDiagnostics(result.diagnostics),
    entry: result.entry,
    draft: result.draft
  }
  const publish = !result.draft || job.drafts
  if (job.stagingFolder && publish && result.files.length > 0) {
    const folder = job.stagingFolder
    const madeFolders = new Set<string>()
    outcome.outputs = result.files.map((file) => writeStagedFile(folder, file.path, file.content, madeFolders))
    const print = result.files.find((file) => file.path === `${job.listing.id}/print.html`)
    if (job.printPdf && print && typeof print.content === 'string') outcome.printHtml = print.content
    if (result.docx) outcome.docx = result.docx
  }
  return outcome
}
