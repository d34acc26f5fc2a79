/**
 * The build and check as the CLI runs them: list the content, reuse what the cache knows,
 * process the rest (in worker threads when there is enough of it), and stream outputs into
 * the staging folder, so memory grows with the largest notice, not with the site.
 */
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { countDiagnostics, sortDiagnostics, type Diagnostic, type DiagnosticCounts } from '../diagnostics/diagnostic.js'
import { OrderedDiagnostics } from '../diagnostics/ordered.js'
import type { NoticeSource } from '../load/notice.js'
import { listContent, readListedFile, readNotice, UsageError, type NoticeListing } from '../load/read.js'
import { loadSite } from '../load/site.js'
import { renderSiteFiles, type IndexEntry, type OutputFile } from '../render/site.js'
import { createRenderer, type TemplateSources } from '../render/templates.js'
import { checkPlaces } from '../write/places.js'
import { Staging, type WrittenFile } from '../write/staging.js'
import {
  currentProgram,
  emptyCache,
  hash,
  readCache,
  readCachedDiagnostics,
  writeCache,
  writeCachedDiagnostics,
  type CachedNotice,
  type CacheData
} from './cache.js'
import { chromiumPath } from '../pdf/chromium.js'
import { installHint } from '../pdf/hint.js'
import { IoThread } from './io-thread.js'
import { NoticePool } from './pool.js'
import { completeNotice, inputsHash, type NoticeJob, type NoticeOutcome } from './complete.js'
import { growthThreshold, letYoungGenerationGrow } from './young-generation.js'
import { searchKey, writeSearchIndex } from './search.js'

export interface RunOptions {
  contentDir: string
  cwd: string
  /** Where the cache lives; undefined runs without one. */
  cacheDir?: string
  /** Use the cache (false: build cold, neither reading nor writing it). */
  useCache: boolean
  /** Worker threads; undefined decides from the machine and the amount of work. */
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
  /** The build prints PDFs: pages link to them. */
  pdf: boolean
  /** Called as PDFs are printed (a progress line on a terminal). */
  onPdfProgress?: (done: number, total: number) => void
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
}

/**
 * Below this many notices to process, a worker costs more than it saves: it loads the program and
 * warms its JIT on its own (measured on two cores: 400 notices 7% slower with one, 2,000 notices 28% faster).
 */
const workerThreshold = 1000
/** From this many notices to read on the main thread, an I/O thread reads and writes beside it. */
const ioThreshold = 16

export async function runCheck(options: RunOptions): Promise<RunSummary> {
  return run(options, undefined)
}

export async function runBuild(options: BuildOptions): Promise<RunSummary> {
  return run(options, options)
}

async function run(options: RunOptions, build: BuildOptions | undefined): Promise<RunSummary> {
  if (build?.pdf && !existsSync(chromiumPath())) {
    throw new UsageError(`找不到 Chromium（${chromiumPath()}），无法生成 PDF。请先安装 Chromium 和中文字体：${installHint}；或用环境变量 NOTICE_CHROMIUM 指定 Chromium 的路径。不加 --pdf 时构建不需要 Chromium`)
  }
  const cacheDir = options.useCache ? options.cacheDir : undefined
  // Without a cache every notice listed will be processed: the listing may grow it already.
  letYoungGenerationGrow(cacheDir === undefined)
  // Without a cache nothing is keyed by the files' stats: the listing need not take them.
  const listing = listContent(options.contentDir, options.cwd, { stats: cacheDir !== undefined })
  const shownPlace = (place: string): string => path.relative(options.cwd, place) || '.'
  checkPlaces({
    content: listing.root,
    ...(build ? { out: build.outDir } : {}),
    ...(cacheDir ? { cache: cacheDir } : {}),
    shown: { content: shownPlace(listing.root), ...(build ? { out: shownPlace(build.outDir) } : {}), ...(cacheDir ? { cache: shownPlace(cacheDir) } : {}) }
  })
  /** Problems outside any notice's own files: the folder layout, site.yml. */
  const outside: Diagnostic[] = [...listing.diagnostics]
  const diagnostics: Diagnostic[] = []
  const siteRead = listing.site ? readListedFile(listing.site) : {}
  if (siteRead.diagnostic) outside.push(siteRead.diagnostic)
  const siteText = siteRead.text
  const { site, diagnostics: siteDiagnostics } = loadSite(siteText === undefined || !listing.site ? undefined : { path: listing.site.path, text: siteText })
  outside.push(...siteDiagnostics)

  // Without a cache, the program is not hashed either: nothing is keyed by it.
  const program = cacheDir ? currentProgram() : ''
  const previous: CacheData = cacheDir ? readCache(cacheDir).cache : emptyCache(program)
  const next: CacheData = emptyCache(program)
  const displayRoot = path.relative(options.cwd, listing.root)
  const templatesKey = build ? hash(JSON.stringify(build.templates), String(build.pdf)) : ''
  const staging = build ? await Staging.open(build.outDir, shownPlace(build.outDir)) : undefined
  const renderer = build ? createRenderer(build.templates.sources, build.templates.assets) : undefined

  // Path, size, mtime, ctime and inode of every input (git's index tuple), as one hash: when it matches, the files are not even read.
  const statsOf = (notice: NoticeListing): string =>
    hash(...notice.files.map((file) => `${file.ref}\0${file.size}\0${file.mtimeMs}\0${file.ctimeMs}\0${file.ino}`))
  const statsKeys = new Map(cacheDir ? listing.notices.map((notice) => [notice.id, statsOf(notice)]) : [])
  const keyBase = cacheDir ? hash(program, siteText ?? '', displayRoot) : ''
  // A notice's validation key decides whether it is read, and again whether it is reused: computed once.
  const validationKeys = new Map<string, string>()
  const validationKeyOf = (inputs: string): string => {
    let key = validationKeys.get(inputs)
    if (key === undefined) validationKeys.set(inputs, (key = hash(keyBase, inputs)))
    return key
  }
  // The notices to process, whose files will be read: changed since the cache saw them, or changed
  // in what they depend on (site.yml, the program).
  const toRead = listing.notices.filter((notice) => {
    const cached = previous.notices[notice.id]
    return !cached || cached.stats !== statsKeys.get(notice.id) || cached.validation.key !== validationKeyOf(cached.inputs)
  })
  const forced = process.env.NOTICE_WORKERS === undefined ? undefined : Number(process.env.NOTICE_WORKERS)
  // The main thread processes notices too, between the workers' answers: on two cores one worker
  // beside it uses both (two workers and a busy main thread would share two cores three ways).
  const workers = options.workers ?? forced ?? (toRead.length >= workerThreshold ? Math.min(3, Math.max(0, availableParallelism() - 1)) : 0)
  const pool = workers > 0 ? new NoticePool(workers, { site, ...(build ? { templates: build.templates } : {}) }) : undefined
  const forcedIo = process.env.NOTICE_IO === undefined ? undefined : process.env.NOTICE_IO === '1'
  const io = !pool && toRead.length > 0 && (forcedIo ?? toRead.length >= ioThreshold) ? new IoThread(toRead, staging?.folder) : undefined
  const writeOutputs = io ? (files: readonly OutputFile[]) => io.write(files) : undefined

  const entries: IndexEntry[] = []
  /** Print pages of notices rendered in this build, printed to PDF once everything else succeeded. */
  const printJobs: Array<{ path: string; html: string; date?: string; cacheEntry: CachedNotice }> = []
  let published = 0
  let files = 0
  let reused = 0
  let failed = false

  const counts: DiagnosticCounts = { error: 0, warning: 0, info: 0 }
  const drafts: string[] = []
  const add = (found: DiagnosticCounts): void => {
    counts.error += found.error
    counts.warning += found.warning
    counts.info += found.info
    if (found.punctuationWidth) counts.punctuationWidth = (counts.punctuationWidth ?? 0) + found.punctuationWidth
    if (found.error > 0) failed = true
  }
  /** A build keeps the errors only (it counts the rest). */
  const kept = (found: readonly Diagnostic[]): readonly Diagnostic[] => (build ? found.filter((diagnostic) => diagnostic.severity === 'error') : found)
  const ordered = options.onDiagnostics ? new OrderedDiagnostics(listing.notices.map((notice) => notice.id), kept(outside), options.onDiagnostics) : undefined
  /** A notice's diagnostics, all in its own files. */
  const keep = (notice: NoticeListing, found: readonly Diagnostic[]): void => {
    if (ordered) ordered.add(notice.id, kept(found))
    else for (const diagnostic of kept(found)) diagnostics.push(diagnostic)
  }
  const finish = (
    notice: NoticeListing,
    result: { diagnostics: readonly Diagnostic[]; counts: DiagnosticCounts; draft: boolean; entry: IndexEntry },
    outputs: WrittenFile[] | undefined,
    entry: CachedNotice
  ): void => {
    keep(notice, result.diagnostics)
    add(result.counts)
    const publish = !result.draft || Boolean(build?.drafts)
    if (build && !publish) drafts.push(notice.id)
    if (outputs && publish) {
      entries.push(result.entry)
      published++
      files += outputs.length
    }
    next.notices[notice.id] = entry
  }

  /** A notice processed on the main thread; with workers, the event loop turns after it so their answers are taken. */
  const inline = async (job: NoticeJob): Promise<NoticeOutcome> => {
    const outcome = completeNotice(job, site, renderer, writeOutputs)
    if (pool) await new Promise((resolve) => setImmediate(resolve))
    return outcome
  }

  letYoungGenerationGrow(toRead.length >= growthThreshold)
  try {
    const tasks = listing.notices.map((notice) => async (): Promise<void> => {
      const stats = statsKeys.get(notice.id) ?? ''
      const cached = previous.notices[notice.id]
      // Taken in the order the I/O thread reads them: the tasks run one at a time without workers.
      const preread = io?.reads(notice.id) ? io.take(notice.id) : undefined
      let source: NoticeSource | undefined
      let inputs: string | undefined
      if (cached && cached.stats === stats) inputs = cached.inputs
      else if (cached && !pool) {
        // Touched but perhaps unchanged (a checkout, a save without edits): compare the content hash.
        const read = preread ?? readNotice(notice)
        if (read.source && read.diagnostics.length === 0) {
          source = read.source
          inputs = inputsHash(source)
        }
      }
      if (inputs !== undefined && cached) {
        const validationKey = validationKeyOf(inputs)
        const renderKey = hash(validationKey, templatesKey)
        if (cached.validation.key === validationKey && cached.validation.counts) {
          const publish = !cached.validation.draft || Boolean(build?.drafts)
          const outputs = build && publish ? keepOutputs(staging, cached, renderKey) : []
          // A build needs the stored diagnostics only when they hold errors; a check shows them all.
          const needed = !build || cached.validation.counts.error > 0
          const stored = needed && cacheDir ? readCachedDiagnostics(cacheDir, notice.id, validationKey) : []
          if (outputs && stored) {
            if (!build || publish) reused++
            const entry: CachedNotice = { stats, inputs, validation: cached.validation, ...(cached.render ? { render: cached.render } : {}) }
            finish(notice, { ...cached.validation, diagnostics: stored }, build && publish ? outputs : undefined, entry)
            return
          }
        }
      }
      const job: NoticeJob = {
        listing: notice,
        ...(source && inputs !== undefined ? { source, inputs } : preread ? { read: preread } : {}),
        keyBase,
        templatesKey,
        ...(staging ? { stagingFolder: staging.folder } : {}),
        ...(cacheDir ? { cacheDir } : {}),
        drafts: Boolean(build?.drafts),
        allDiagnostics: !build,
        // Fixes are for `check --fix`, now or from the cache.
        fixes: Boolean(options.fixes) || cacheDir !== undefined,
        pdf: Boolean(build?.pdf)
      }
      const outcome = pool?.hasRoom() ? await pool.run(job) : await inline(job)
      // Files that could not be read are reported with the notice's other diagnostics.
      const readDiagnostics = outcome.readDiagnostics
      add(countDiagnostics(readDiagnostics))
      if (outcome.skipped || !outcome.entry) return keep(notice, readDiagnostics)
      const validation = { key: outcome.validationKey, counts: outcome.counts, entry: outcome.entry, draft: outcome.draft }
      const outputs = outcome.outputs
      if (outputs) staging?.adopt(outputs)
      const render = outputs ? { key: outcome.renderKey, outputs } : cached?.render
      const entry: CachedNotice = { stats, inputs: outcome.inputs, validation, ...(render ? { render } : {}) }
      if (outcome.printHtml !== undefined) {
        printJobs.push({ path: `${notice.id}/notice.pdf`, html: outcome.printHtml, ...(outcome.entry.date ? { date: outcome.entry.date } : {}), cacheEntry: entry })
      }
      const found = readDiagnostics.length > 0 ? [...readDiagnostics, ...outcome.diagnostics] : outcome.diagnostics
      finish(notice, { diagnostics: found, counts: outcome.counts, draft: outcome.draft, entry: outcome.entry }, outputs, entry)
      // A notice with a file that could not be read is never cached, so the problem is reported every time.
      if (outcome.readDiagnostics.length > 0) delete next.notices[notice.id]
    })
    await runLimited(tasks, Math.max(1, workers * 4 + 1))
    // Every output handed to the I/O thread is written (and its size and mtime known) before anything uses them.
    io?.flush()

    // The listing and site.yml report problems outside any notice.
    add(countDiagnostics(outside))
    if (ordered) ordered.end()
    else for (const diagnostic of kept(outside)) diagnostics.push(diagnostic)
    if (staging && build && !failed && printJobs.length > 0) {
      const { printPdfs } = await import('../pdf/print-pdf.js')
      const pdfs = await printPdfs(printJobs, build.onPdfProgress ? { onProgress: build.onPdfProgress } : {})
      pdfs.forEach((pdf, index) => {
        const written = staging.write(pdf.path, pdf.content)
        printJobs[index]?.cacheEntry.render?.outputs.push(written)
        files++
      })
    }
    if (staging && renderer && build && !failed) {
      for (const file of renderSiteFiles(entries, site, renderer, { pdf: build.pdf })) {
        staging.write(file.path, file.content)
        files++
      }
      if (site.search) {
        const published = entries.map((entry) => ({ id: entry.id, validationKey: next.notices[entry.id]?.validation.key ?? '' }))
        const search = await writeSearchIndex(staging, published.map((notice) => notice.id), searchKey(published), previous.search)
        next.search = search
        files += search.outputs.length
      }
      staging.commit()
    }
  } finally {
    staging?.abort()
    await pool?.close()
    await io?.close()
    letYoungGenerationGrow(false)
  }
  if (failed) {
    if (previous.search) next.search = previous.search
    // Outputs of a failed build were never published: keep what the cache knew of the published ones.
    for (const [id, entry] of Object.entries(next.notices)) {
      const previousRender = previous.notices[id]?.render
      if (previousRender) entry.render = previousRender
      else delete entry.render
    }
  }
  if (cacheDir) writeCache(cacheDir, next)
  return { diagnostics: sortDiagnostics(diagnostics), counts, notices: listing.notices.length, published: failed ? 0 : published, files: failed ? 0 : files, reused, drafts: drafts.sort() }
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

