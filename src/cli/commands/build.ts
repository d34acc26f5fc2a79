import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { runBuild } from '../../engine/run.js'
import { hasErrors } from '../../diagnostics/diagnostic.js'
import { readTemplates, resolveTemplatesDir } from '../../render/read-templates.js'
import { contentOptions, contentRunOptions, exitCodes, type Command } from '../command.js'
import { diagnosticPrinter } from '../report.js'
import { refuseNoticeFolderAsContent, selectNotices } from '../select.js'
import { UsageError } from '../../model/errors.js'
import { chromiumPath } from '../../pdf/chromium.js'
import { installHint } from '../../pdf/hint.js'

export const build: Command = {
  name: 'build',
  help: `用法：notice build [通报编号…] [--content 文件夹] [--out 文件夹] [--pdf] [--docx] [--drafts] [--templates 文件夹] [--no-cache]

检查全部通报，没有错误时生成网站：每个通报的网页、打印版（print.html，GB/T 9704-2012 A4）、CMS 片段（fragment.html）、
纯文本（notice.txt）和数据（notice.json），
以及通报列表、整改进度统计（stats.html，数字另有 stats.csv 和 stats.json）、站内搜索（search.html 和索引 search/，
site.yml 中写 search: false 时不生成）、Atom 订阅（feed.xml）和站点地图（sitemap.xml）。
有任何错误时不发布任何内容，原来的输出文件夹保持不变，退出码为 1。
未改动的通报直接沿用上次的结果（缓存在 .notice-cache/），内容较多时使用多个 CPU 核心。
写了通报编号时仍然生成整个网站，但结果只报告这些通报（它们的文件位置和问题）。

参数：
  --content 文件夹    内容文件夹（默认 content）
  --out 文件夹        输出文件夹（默认 dist）；整个替换，只替换 notice-press 生成的文件夹
  --pdf               同时用 Chromium 把打印版印成 PDF（notice.pdf）；需要 ${installHint}，
                      可用环境变量 NOTICE_CHROMIUM 指定 Chromium 的路径；PDF 全部生成后才发布
  --docx              同时生成 Word 文件（notice.docx，GB/T 9704 版式，可在 Word/WPS 中修改和签发）
  --drafts            同时发布标记为 draft: true 的草稿
  --templates 文件夹  模板文件夹（默认当前目录下的 templates，没有则用自带模板）
  --no-cache          不使用缓存，全部重新生成
  --cache 文件夹      缓存位置（默认 .notice-cache）
  -h, --help          显示本帮助`,
  options: {
    ...contentOptions,
    out: { type: 'string' },
    pdf: { type: 'boolean' },
    docx: { type: 'boolean' },
    drafts: { type: 'boolean' },
    templates: { type: 'string' }
  },
  allowPositionals: true,
  async run(values, positionals, io) {
    const options = contentRunOptions(values, io)
    refuseNoticeFolderAsContent(options.contentDir, io.cwd, 'build')
    const selection = selectNotices(positionals, options.contentDir, io.cwd)
    const outDir = path.resolve(io.cwd, String(values.out ?? 'dist'))
    // A build without --pdf keeps the PDFs of unchanged notices; the others go, and it says so.
    const earlierPdfs = values.pdf ? [] : pdfsIn(outDir)
    const chromium = chromiumPath(process.env)
    if (values.pdf && !existsSync(chromium)) {
      throw new UsageError(
        `找不到 Chromium（${chromium}），无法生成 PDF。请先安装 Chromium 和中文字体：${installHint}；或用环境变量 NOTICE_CHROMIUM 指定 Chromium 的路径。不加 --pdf 时构建不需要 Chromium`
      )
    }
    const templates = await readTemplates(resolveTemplatesDir(values.templates as string | undefined, io.cwd))
    const summary = await runBuild({
      ...options,
      outDir,
      templates,
      drafts: Boolean(values.drafts),
      ...(values.pdf ? { pdf: { chromium } } : {}),
      docx: Boolean(values.docx),
      ...(io.errIsTTY ? { onPdfProgress: (done: number, total: number) => io.err(`\r正在生成 PDF：${done}/${total}${done === total ? '\n' : ''}`) } : {})
    })
    const shown = path.relative(io.cwd, outDir) || outDir
    if (hasErrors(summary.diagnostics)) {
      // A build keeps only its errors; the summary line counts the warnings it did not keep, as check would list them.
      const printer = diagnosticPrinter(io, 'text', 'err')
      printer.print(summary.diagnostics)
      printer.end(summary.counts)
      io.err(`构建失败：内容有错误，未发布任何文件，${shown} 保持不变。请按上面的提示修改后重试。\n`)
      return exitCodes.contentError
    }
    const reused = summary.reused > 0 ? `（其中 ${summary.reused} 个未改动，沿用上次结果）` : ''
    // Warnings do not stop a build; listing hundreds of them on every build would bury its result.
    const warnings = summary.counts.warning + summary.counts.info
    const advice = warnings > 0 ? `另有 ${warnings} 条校对提示，运行 notice check 查看。` : ''
    io.out(`已生成 ${summary.published} 个通报${reused}，共 ${summary.files} 个文件，输出到 ${shown}/。${advice}\n`)
    if (summary.drafts.length > 0) {
      io.out(`草稿未发布：通报 ${summary.drafts.join('、')}（notice.md 中 draft: true）；加 --drafts 可一并发布，页面上会标出“草稿”。\n`)
    }
    // Said once, apart from the other advice: a printed bulletin with half-width marks is off its grid.
    const halfWidth = summary.counts.punctuationWidth ?? 0
    if (halfWidth > 0) {
      io.out(
        `注意：打印版${values.pdf ? '和 PDF ' : ''}里有 ${halfWidth} 处中文里的半角标点（, : ; ( ) 等），会照原样印出、打乱每行 28 字的版面；运行 notice check --fix 可一次改为全角标点。\n`
      )
    }
    if (summary.pdfs.kept.length > 0) {
      io.out(`沿用上次生成的 ${summary.pdfs.kept.length} 个 PDF（这些通报在生成 PDF 之后没有改动），页面上照常有 PDF 链接。\n`)
    }
    const removed = earlierPdfs.filter((file) => !existsSync(file))
    const idOf = (file: string): string => path.basename(path.dirname(file))
    const changed = new Set(summary.pdfs.changed)
    const outdated = removed
      .map(idOf)
      .filter((id) => changed.has(id))
      .sort()
    if (outdated.length > 0) {
      io.out(
        `注意：通报 ${outdated.join('、')} 在上次生成 PDF 之后有改动，旧的 PDF 与现在的内容不符，已删除，页面上也不再有 PDF 链接；运行 notice build --pdf 可重新生成。\n`
      )
    }
    const otherwise = removed.length - outdated.length
    if (otherwise > 0) {
      io.out(
        `注意：本次没有加 --pdf，上次生成的 ${otherwise} 个 PDF（notice.pdf）和页面上的 PDF 链接已不在 ${shown}/ 中（无法确认它们仍与内容相符，例如加了 --no-cache，或通报已删除）；需要 PDF 时请运行 notice build --pdf。\n`
      )
    }
    for (const id of selection?.ids ?? []) {
      const page = path.join(outDir, id, 'index.html')
      io.out(
        existsSync(page)
          ? `通报 ${id}：${shownPath(io.cwd, page)}（打印版 ${shownPath(io.cwd, path.join(outDir, id, 'print.html'))}）；校对提示请运行 notice check ${id} 查看。\n`
          : `通报 ${id} 没有发布（标记为草稿 draft: true；加 --drafts 可一并发布）。\n`
      )
    }
    return exitCodes.ok
  }
}

const shownPath = (cwd: string, absolute: string): string => path.relative(cwd, absolute).split(path.sep).join('/') || absolute

/** The notice.pdf files a previous build left in the output folder. */
function pdfsIn(outDir: string): string[] {
  try {
    return readdirSync(outDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(outDir, entry.name, 'notice.pdf'))
      .filter((file) => existsSync(file))
  } catch {
    return []
  }
}
