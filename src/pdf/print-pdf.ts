/**
 * Prints print pages to PDF with the system Chromium, driven by playwright-core. One browser for
 * the whole build and a small pool of pages printing at once. playwright-core is imported only
 * here, and only when a PDF is asked for, so a build without --pdf never loads it.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { UsageError } from '../model/errors.js'

import { installHint } from './hint.js'
import { finishPdf, type PdfDetails } from './finish-pdf.js'

/** Arguments for a headless Chromium on a shared build machine. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

export interface PrintJob {
  /** Output path of the PDF, inside the output folder. */
  path: string
  /** The print page, self-contained (inline CSS, local fonts). */
  html: string
  /** The notice's date (ISO), written into the PDF instead of the time of printing. */
  date?: string
}

export interface PrintOptions {
  /** Chromium's path, as the command line resolved it (NOTICE_CHROMIUM or the system's). */
  executablePath: string
  /** Pages printed at once; defaults to the machine's cores, at most 4. */
  concurrency?: number
  onProgress?: (done: number, total: number) => void
}

/** Runs in the print page: the PDF's document information from its <title> and <meta> tags. */
const readDetails = `(() => {
  const meta = (name) => document.querySelector('meta[name="' + name + '"]')?.content || undefined
  const keywords = meta('keywords')
  return { title: document.title, author: meta('author'), subject: meta('description'), keywords: keywords ? keywords.split(',') : [] }
})()`

export async function printPdfs(jobs: readonly PrintJob[], options: PrintOptions): Promise<Array<{ path: string; content: Uint8Array }>> {
  if (jobs.length === 0) return []
  const { executablePath } = options
  if (!existsSync(executablePath)) {
    throw new UsageError(
      `找不到 Chromium（${executablePath}），无法生成 PDF。请先安装 Chromium 和中文字体：${installHint}；或用环境变量 NOTICE_CHROMIUM 指定 Chromium 的路径。不加 --pdf 时构建不需要 Chromium`
    )
  }
  // playwright-core, a CommonJS package, stays outside the bundle and is loaded only for --pdf.
  const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core')
  const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true }).catch((error: unknown) => {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new UsageError(`无法启动 Chromium（${executablePath}）：${detail}。请检查安装：${installHint}`)
  })
  try {
    const context = await browser.newContext()
    // The print page is self-contained: nothing is fetched from the network while printing, so a
    // remote image can neither leak the build machine nor hang the build on a host that never answers.
    await context.route(/^(?!(?:data|file|about|blob):)/iu, (route) => route.abort('blockedbyclient'))
    const results: Array<{ path: string; content: Uint8Array }> = new Array(jobs.length)
    const workers = Math.max(1, Math.min(jobs.length, options.concurrency ?? Math.min(4, availableParallelism())))
    let next = 0
    let done = 0
    options.onProgress?.(0, jobs.length)
    await Promise.all(
      Array.from({ length: workers }, async () => {
        const page = await context.newPage()
        for (let index = next++; index < jobs.length; index = next++) {
          const job = jobs[index]
          if (!job) continue
          await page.setContent(job.html, { waitUntil: 'load' })
          // Evaluated in the page (a string, since Node's types have no DOM).
          await page.evaluate('document.fonts.ready.then(() => true)')
          const details = (await page.evaluate(readDetails)) as Omit<PdfDetails, 'date'>
          const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true })
          results[index] = { path: job.path, content: await finishPdf(new Uint8Array(pdf), { ...details, ...(job.date ? { date: job.date } : {}) }) }
          options.onProgress?.(++done, jobs.length)
        }
        await page.close()
      })
    )
    return results
  } finally {
    await browser.close()
  }
}
