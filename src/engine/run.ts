/**
 * The build and check as the CLI runs them, in three stages:
 * - plan: list the content, read site.yml and the cache, and key every notice;
 * - process: reuse what the cache knows, run the per-notice unit on the rest (in worker threads
 *   when there is enough of it) and stream outputs into the staging folder, so memory grows with
 *   the largest notice, not with the site;
 * - publish: once no notice has errors, print PDFs, render the site-wide pages and commit.
 */
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { countDiagnostics, sortDiagnostics, type Diagnostic, type DiagnosticCounts } from '../diagnostics/diagnostic.js'
import { OrderedDiagnostics } from '../diagnostics/ordered.js'
import type { NoticeSource } from '../load/notice.js'
import { listContent, readListedFile, readNotice, type ContentListing, type NoticeListing } from '../load/read.js'
import { loadSite } from '../load/site.js'
import type { DocxModel } from '../render/docx/model.js'
import type { IndexEntry } from '../model/outputs.js'
import type { SiteConfig } from '../model/schema.js'
import { renderSiteFiles } from '../render/site.js'
import { createRenderer, type Renderer, type TemplateSources } from '../render/templates.js'
import { checkPlaces } from '../write/places.js'
import { Staging, type WrittenFile } from '../write/staging.js'
import { currentProgram, emptyCache, hash, readCache, readCachedDiagnostics, writeCache, type CachedNotice, type CacheData } from './cache.js'
import { completeNotice, inputsHash, type NoticeJob, type NoticeOutcome } from './complete.js'
import { NoticePool } from './pool.js'

export interface RunOptions {
  contentDir: string
  cwd: string
  /** Where the cache lives; undefined runs without one. */
  cacheDir?: string
  /** Use the cache (false: build cold, neither reading nor writing it). */
  useCache: boolean
  /** Worker threads; undefined decides from the amount of work. */
  workers?: number
  /** Diagnostics carry their fixes even without a cache (`check --fix`); with one they always do. */
  fixes?: boolean
  /**
   * Receives the diagnostics as the run goes, in the order of `sortDiagnostics`, instead of the
   * summary's list: a check prints them as they come and holds none.
   */
  onDiagnostics?: (diagnostics: readonly Diagnostic[]) => void
}

export interface BuildOptions extends RunOptions {
  outDir: string
  templates: { sources: TemplateSources; assets: Record<string, string> }
  drafts: boolean
  /** The build prints PDFs with this Chromium: pages link to them. */
  pdf?: { chromium: string }
  /** Called as PDFs are printed (a progress line on a terminal). */
  onPdfProgress?: (done: number, total: number) => void
  /** The build writes each notice's Word file: pages link to it. */
  docx?: boolean
}

export interface RunSummary {
  /** Every diagnostic for a check; for a build, the errors only (warnings are counted, not kept: a site may have thousands). Empty when `onDiagnostics` took them. */
  diagnostics: Diagnostic[]
  counts: DiagnosticCounts
  notices: number
  published: number
  files: number
  /** Notices taken from the cache without loading them (for a build, of those published). */
  reused: number
  /** Drafts a build left unpublished (without --drafts), by id. */
  drafts: string[]
  /**
   * A build without --pdf: notices whose PDF from an earlier `build --pdf` is still theirs and kept
   * (with the pages' links), and notices whose PDF was dropped because the notice changed since.
   */
  pdfs: { kept: string[]; changed: string[] }
}

/**
 * Below this many notices to process, a worker costs more than it saves: it loads the program and
 * warms its JIT on its own, and this work gains little from a second core (bench/README.md).
 */
const workerThreshold = 1000

export async function runCheck(options: RunOptions): Promise<RunSummary> {
  return run(options, undefined)
}

export async function runBuild(options: BuildOptions): Promise<RunSummary> {
  return run(options, options)
}

async function run(options: RunOptions, build: BuildOptions | undefined): Promise<RunSummary> {
  const plan = planRun(options, build)
  const staging = build ? await Staging.open(build.outDir, path.relative(options.cwd, build.outDir) || '.') : undefined
  const renderer = build ? createRenderer(build.templates.sources, build.templates.assets) : undefined
  const results = new Results(plan, options, build)
  try {
    await processNotices(plan, options, build, { staging, renderer, results })
    results.end()
    if (staging && renderer && build && !results.failed) await publish(plan, build, staging, renderer, results)
  } finally {
    staging?.abort()
  }
  if (results.failed) {
    // Outputs of a failed build were never published: keep what the cache knew of the published ones.
    for (const [id, entry] of Object.entries(plan.next.notices)) {
      const previousRender = plan.previous.notices[id]?.render
      if (previousRender) entry.render = previousRender
      else delete entry.render
      const previousPdf = plan.previous.notices[id]?.pdf
      if (previousPdf) entry.pdf = previousPdf
      else delete entry.pdf
    }
  }
  if (plan.cacheDir) writeCache(plan.cacheDir, plan.next)
  return results.summary(plan.listing.notices.length)
}

// ---------------------------------------------------------------------------------------------
// Plan

interface Plan {
  listing: ContentListing
  site: SiteConfig
  /** Problems outside any notice's own files: the folder layout, site.yml. */
  outside: Diagnostic[]
  cacheDir?: string
  previous: CacheData
  /** The cache this run leaves, filled as notices finish. */
  next: CacheData
  /** Parts of the cache keys that are the same for every notice of the run. */
  keyBase: string
  templatesKey: string
  /** The templates key of pages that link their PDF (a notice keeping an earlier PDF is rendered with it). */
  templatesKeyWithPdf: string
  /** What a print page is made from besides the notice: with its validation key, the key of a printed PDF. */
  printKey: string
  /** Path, size, mtime, ctime and inode of every input of a notice (git's index tuple), as one hash: when it matches, the files are not even read. */
  statsKeys: Map<string, string>
  validationKey(inputs: string): string
  /** Notices whose files will be read: changed since the cache saw them, or in what they depend on (site.yml, the program). */
  toRead: number
}

function planRun(options: RunOptions, build: BuildOptions | undefined): Plan {
  const cacheDir = options.useCache ? options.cacheDir : undefined
  // Without a cache nothing is keyed by the files' stats: the listing need not take them.
  const listing = listContent(options.contentDir, options.cwd, { stats: cacheDir !== undefined })
  const shownPlace = (place: string): string => path.relative(options.cwd, place) || '.'
  checkPlaces({
    content: listing.root,
    ...(build ? { out: build.outDir } : {}),
    ...(cacheDir ? { cache: cacheDir } : {}),
    shown: { content: shownPlace(listing.root), ...(build ? { out: shownPlace(build.outDir) } : {}), ...(cacheDir ? { cache: shownPlace(cacheDir) } : {}) }
  })
  const outside: Diagnostic[] = [...listing.diagnostics]
  const siteRead = listing.site ? readListedFile(listing.site) : {}
  if (siteRead.diagnostic) outside.push(siteRead.diagnostic)
  const siteText = siteRead.text
  const { site, diagnostics: siteDiagnostics } = loadSite(siteText === undefined || !listing.site ? undefined : { path: listing.site.path, text: siteText })
  outside.push(...siteDiagnostics)

  // Without a cache, the program is not hashed either: nothing is keyed by it.
  const program = cacheDir ? currentProgram() : ''
  const previous: CacheData = cacheDir ? readCache(cacheDir).cache : emptyCache(program)
  const statsKeys = new Map(
    cacheDir
      ? listing.notices.map((notice) => [
          notice.id,
          hash(...notice.files.map((file) => `${file.ref}\0${file.size}\0${file.mtimeMs}\0${file.ctimeMs}\0${file.ino}`))
        ])
      : []
  )
  const keyBase = cacheDir ? hash(program, siteText ?? '', path.relative(options.cwd, listing.root)) : ''
  // A notice's validation key decides whether it is read, and again whether it is reused: computed once.
  const validationKeys = new Map<string, string>()
  const validationKey = (inputs: string): string => {
    let key = validationKeys.get(inputs)
    if (key === undefined) {
      key = hash(keyBase, inputs)
      validationKeys.set(inputs, key)
    }
    return key
  }
  const toRead = listing.notices.filter((notice) => {
    const cached = previous.notices[notice.id]
    return !cached || cached.stats !== statsKeys.get(notice.id) || cached.validation.key !== validationKey(cached.inputs)
  }).length
  return {
    listing,
    site,
    outside,
    ...(cacheDir ? { cacheDir } : {}),
    previous,
    next: emptyCache(program),
    keyBase,
    templatesKey: build ? templatesKeyOf(build, Boolean(build.pdf)) : '',
    templatesKeyWithPdf: build ? templatesKeyOf(build, true) : '',
    printKey: build ? hash(JSON.stringify(build.templates)) : '',
    statsKeys,
    validationKey,
    toRead
  }
}

/** What the rendered outputs depend on besides the notice: the templates, and whether pages link a PDF and a Word file. */
function templatesKeyOf(build: BuildOptions, pdf: boolean): string {
  return hash(JSON.stringify(build.templates), String(pdf), String(Boolean(build.docx)))
}

const pdfPathOf = (id: string): string => `${id}/notice.pdf`

// ---------------------------------------------------------------------------------------------
// Process

/** What the run gathers from its notices: diagnostics (kept, or handed on in order), counts, index entries, PDFs to print. */
class Results {
  readonly counts: DiagnosticCounts = { error: 0, warning: 0, info: 0 }
  readonly entries: IndexEntry[] = []
  /** Print pages of notices rendered in this build, printed to PDF once everything else succeeded. */
  readonly printJobs: Array<{ path: string; html: string; date?: string; cacheEntry: CachedNotice; pdfKey: string }> = []
  /** Word files of notices rendered in this build, packed once everything else succeeded. */
  readonly docxJobs: Array<{ path: string; model: DocxModel; cacheEntry: CachedNotice }> = []
  failed = false
  published = 0
  files = 0
  reused = 0
  /** Drafts a build left unpublished. */
  readonly drafts: string[] = []
  /** A build without --pdf: notices that kept their earlier PDF, and those whose PDF went because they changed. */
  readonly keptPdfs: string[] = []
  readonly changedPdfs: string[] = []
  private readonly diagnostics: Diagnostic[] = []
  private readonly ordered: OrderedDiagnostics | undefined

  constructor(
    private readonly plan: Plan,
    options: RunOptions,
    private readonly build: BuildOptions | undefined
  ) {
    this.ordered = options.onDiagnostics
      ? new OrderedDiagnostics(
          plan.listing.notices.map((notice) => notice.id),
          this.kept(plan.outside),
          options.onDiagnostics
        )
      : undefined
  }

  add(found: DiagnosticCounts): void {
    this.counts.error += found.error
    this.counts.warning += found.warning
    this.counts.info += found.info
    if (found.punctuationWidth) this.counts.punctuationWidth = (this.counts.punctuationWidth ?? 0) + found.punctuationWidth
    if (found.error > 0) this.failed = true
  }

  /** A notice's diagnostics, all in its own files. */
  keep(notice: NoticeListing, found: readonly Diagnostic[]): void {
    if (this.ordered) this.ordered.add(notice.id, this.kept(found))
    else for (const diagnostic of this.kept(found)) this.diagnostics.push(diagnostic)
  }

  /** A notice done: its diagnostics and counts, its index entry and outputs when published, its cache entry. */
  finish(
    notice: NoticeListing,
    result: { diagnostics: readonly Diagnostic[]; counts: DiagnosticCounts; draft: boolean; entry: IndexEntry },
    outputs: WrittenFile[] | undefined,
    entry: CachedNotice
  ): void {
    this.keep(notice, result.diagnostics)
    this.add(result.counts)
    const publish = !result.draft || Boolean(this.build?.drafts)
    if (this.build && !publish) this.drafts.push(notice.id)
    if (outputs && publish) {
      this.entries.push(result.entry)
      this.published++
      this.files += outputs.length
    }
    this.plan.next.notices[notice.id] = entry
  }

  /** Every notice done: the problems outside them go in too. */
  end(): void {
    this.add(countDiagnostics(this.plan.outside))
    if (this.ordered) this.ordered.end()
    else for (const diagnostic of this.kept(this.plan.outside)) this.diagnostics.push(diagnostic)
  }

  summary(notices: number): RunSummary {
    const published = this.failed ? 0 : this.published
    return {
      diagnostics: sortDiagnostics(this.diagnostics),
      counts: this.counts,
      notices,
      published,
      files: this.failed ? 0 : this.files,
      reused: this.reused,
      drafts: [...this.drafts].sort(),
      pdfs: { kept: [...this.keptPdfs].sort(), changed: [...this.changedPdfs].sort() }
    }
  }

  /** A build keeps the errors only (it counts the rest). */
  private kept(found: readonly Diagnostic[]): readonly Diagnostic[] {
    return this.build ? found.filter((diagnostic) => diagnostic.severity === 'error') : found
  }
}

interface ProcessContext {
  staging: Staging | undefined
  renderer: Renderer | undefined
  results: Results
}

async function processNotices(plan: Plan, options: RunOptions, build: BuildOptions | undefined, { staging, renderer, results }: ProcessContext): Promise<void> {
  const { site, cacheDir, previous } = plan
  // The main thread processes notices too, between the workers' answers: on two cores one worker
  // beside it uses both (two workers and a busy main thread would share two cores three ways).
  const workers = options.workers ?? (plan.toRead >= workerThreshold ? Math.min(3, Math.max(0, availableParallelism() - 1)) : 0)
  const pool = workers > 0 ? new NoticePool(workers, { site, ...(build ? { templates: build.templates } : {}) }) : undefined

  /** A notice processed on the main thread; with workers, the event loop turns after it so their answers are taken. */
  const inline = async (job: NoticeJob): Promise<NoticeOutcome> => {
    const outcome = completeNotice(job, site, renderer)
    if (pool) await new Promise((resolve) => setImmediate(resolve))
    return outcome
  }

  const tasks = plan.listing.notices.map((notice) => async (): Promise<void> => {
    const stats = plan.statsKeys.get(notice.id) ?? ''
    const cached = previous.notices[notice.id]
    // A build without --pdf keeps the PDF an earlier build printed, while what it was printed from is unchanged.
    const pdfPath = pdfPathOf(notice.id)
    const earlierPdf = build && !build.pdf && staging && cached?.pdf && staging.canKeep(pdfPath, cached.pdf.file) ? cached.pdf : undefined
    const hadPdf = earlierPdf !== undefined
    let source: NoticeSource | undefined
    let inputs: string | undefined
    if (cached && cached.stats === stats) inputs = cached.inputs
    else if (cached && (!pool || hadPdf)) {
      // Touched but perhaps unchanged (a checkout, a save without edits): compare the content hash.
      const read = readNotice(notice)
      if (read.source && read.diagnostics.length === 0) {
        source = read.source
        inputs = inputsHash(source)
      }
    }
    const keptPdf = earlierPdf && inputs !== undefined && earlierPdf.key === hash(plan.validationKey(inputs), plan.printKey) ? earlierPdf : undefined
    if (earlierPdf && !keptPdf) results.changedPdfs.push(notice.id)
    if (inputs !== undefined && cached && reuse(notice, cached, stats, inputs, keptPdf)) return
    const job: NoticeJob = {
      listing: notice,
      ...(source && inputs !== undefined ? { source, inputs } : {}),
      keyBase: plan.keyBase,
      templatesKey: plan.templatesKey,
      ...(staging ? { stagingFolder: staging.folder } : {}),
      ...(cacheDir ? { cacheDir } : {}),
      drafts: Boolean(build?.drafts),
      allDiagnostics: !build,
      // Fixes are for `check --fix`, now or from the cache.
      fixes: Boolean(options.fixes) || cacheDir !== undefined,
      pdf: Boolean(build?.pdf) || keptPdf !== undefined,
      printPdf: Boolean(build?.pdf),
      docx: Boolean(build?.docx)
    }
    const outcome = pool?.hasRoom() ? await pool.run(job) : await inline(job)
    // Files that could not be read are reported with the notice's other diagnostics.
    const readDiagnostics = outcome.readDiagnostics
    results.add(countDiagnostics(readDiagnostics))
    if (outcome.skipped || !outcome.entry) return results.keep(notice, readDiagnostics)
    const validation = { key: outcome.validationKey, counts: outcome.counts, entry: outcome.entry, draft: outcome.draft }
    const outputs = outcome.outputs
    if (outputs) staging?.adopt(outputs)
    // The pages link the kept PDF: it is one of this notice's outputs again.
    if (outputs && keptPdf && staging) {
      staging.keep(pdfPath)
      outputs.push(keptPdf.file)
      results.keptPdfs.push(notice.id)
    }
    const render = outputs ? { key: outcome.renderKey, outputs } : cached?.render
    const entry: CachedNotice = { stats, inputs: outcome.inputs, validation, ...(render ? { render } : {}), ...(keptPdf ? { pdf: keptPdf } : {}) }
    if (outcome.printHtml !== undefined) {
      const pdfKey = hash(outcome.validationKey, plan.printKey)
      results.printJobs.push({ path: pdfPath, html: outcome.printHtml, ...(outcome.entry.date ? { date: outcome.entry.date } : {}), cacheEntry: entry, pdfKey })
    }
    if (outcome.docx) results.docxJobs.push({ path: `${notice.id}/notice.docx`, model: outcome.docx, cacheEntry: entry })
    const found = readDiagnostics.length > 0 ? [...readDiagnostics, ...outcome.diagnostics] : outcome.diagnostics
    results.finish(notice, { diagnostics: found, counts: outcome.counts, draft: outcome.draft, entry: outcome.entry }, outputs, entry)
    // A notice with a file that could not be read is never cached, so the problem is reported every time.
    if (outcome.readDiagnostics.length > 0) delete plan.next.notices[notice.id]
  })

  /** Takes a notice whole from the cache when its inputs and what they depend on are unchanged; false when it must be processed. */
  function reuse(notice: NoticeListing, cached: CachedNotice, stats: string, inputs: string, keptPdf: CachedNotice['pdf']): boolean {
    const withPdf = keptPdf !== undefined
    const validationKey = plan.validationKey(inputs)
    if (cached.validation.key !== validationKey || !cached.validation.counts) return false
    const publish = !cached.validation.draft || Boolean(build?.drafts)
    const outputs = build && publish ? keepOutputs(staging, cached, hash(validationKey, withPdf ? plan.templatesKeyWithPdf : plan.templatesKey)) : []
    // A build needs the stored diagnostics only when they hold errors; a check shows them all.
    const needed = !build || cached.validation.counts.error > 0
    const stored = needed && cacheDir ? readCachedDiagnostics(cacheDir, notice.id, validationKey) : []
    if (!outputs || !stored) return false
    if (!build || publish) results.reused++
    if (withPdf && outputs.some((output) => output.path === pdfPathOf(notice.id))) results.keptPdfs.push(notice.id)
    const entry: CachedNotice = {
      stats,
      inputs,
      validation: cached.validation,
      ...(cached.render ? { render: cached.render } : {}),
      ...(cached.pdf ? { pdf: cached.pdf } : {})
    }
    results.finish(notice, { ...cached.validation, diagnostics: stored }, build && publish ? outputs : undefined, entry)
    return true
  }

  try {
    await runLimited(tasks, Math.max(1, workers * 4 + 1))
  } finally {
    await pool?.close()
  }
}

/** Keeps last build's outputs of an unchanged notice; undefined when any is missing or changed. */
function keepOutputs(staging: Staging | undefined, cached: CachedNotice, renderKey: string): WrittenFile[] | undefined {
  if (!staging) return []
  if (!cached.render || cached.render.key !== renderKey) return undefined
  // Every output is checked before any is kept: a notice is reused whole or recomputed whole.
  if (!cached.render.outputs.every((output) => staging.canKeep(output.path, output))) return undefined
  for (const output of cached.render.outputs) staging.keep(output.path)
  return cached.render.outputs
}

async function runLimited(tasks: ReadonlyArray<() => Promise<void>>, limit: number): Promise<void> {
  let next = 0
  const lanes = Array.from({ length: Math.min(limit, tasks.length) }, async () => {
    while (next < tasks.length) {
      const task = tasks[next++]
      if (task) await task()
    }
  })
  await Promise.all(lanes)
}

// ---------------------------------------------------------------------------------------------
// Publish

/** Every notice passed: PDFs, then the site-wide pages, then the staging folder becomes the output. */
async function publish(plan: Plan, build: BuildOptions, staging: Staging, renderer: Renderer, results: Results): Promise<void> {
  const { site } = plan
  if (build.pdf && results.printJobs.length > 0) {
    const { printPdfs } = await import('../pdf/print-pdf.js')
    const jobs = results.printJobs
    const pdfs = await printPdfs(jobs, { executablePath: build.pdf.chromium, ...(build.onPdfProgress ? { onProgress: build.onPdfProgress } : {}) })
    pdfs.forEach((pdf, index) => {
      const written = staging.write(pdf.path, pdf.content)
      const job = jobs[index]
      job?.cacheEntry.render?.outputs.push(written)
      if (job) job.cacheEntry.pdf = { key: job.pdfKey, file: written }
      results.files++
    })
  }
  if (results.docxJobs.length > 0) {
    const { packDocx } = await import('../render/docx/pack.js')
    for (const job of results.docxJobs) {
      const written = staging.write(job.path, await packDocx(job.model))
      job.cacheEntry.render?.outputs.push(written)
      results.files++
    }
  }
  for (const file of renderSiteFiles(results.entries, site, renderer, { pdf: build.pdf ? true : new Set(results.keptPdfs), docx: Boolean(build.docx) })) {
    staging.write(file.path, file.content)
    results.files++
  }
  staging.commit()
}
