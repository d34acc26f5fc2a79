import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { runCheck, type RunOptions } from '../../engine/run.js'
import { countDiagnostics, printable, type Diagnostic, type DiagnosticCounts } from '../../diagnostics/diagnostic.js'
import { fixesByFile, fixFile, formatChange, type Change } from '../../fix/plan.js'
import { recoverInterruptedBuild } from '../../write/atomic.js'
import { ChangedOnDisk, writeFileAtomically } from '../../write/file.js'
import { ArgumentError, contentOptions, contentRunOptions, exitCodes, type Command, type Io } from '../command.js'
import { diagnosticPrinter, printDiagnostics } from '../report.js'
import { refuseNoticeFolderAsContent, selectNotices } from '../select.js'

export const check: Command = {
  name: 'check',
  help: `用法：notice check [通报编号…] [--content 文件夹] [--format text|json] [--fix]

检查通报并列出问题，每行一条：文件:行:列: 级别: 说明 [规则]。
不写编号时检查全部通报；写了编号（或通报文件夹、其中文件的路径）时只列出这些通报的问题，
--fix 也只改写这些通报的文件。有错误（error）时退出码为 1，只有警告或没有问题时为 0。

参数：
  --content 文件夹   内容文件夹（默认 content）
  --format 格式      text（默认）或 json（标准输出只有一个 JSON 数组）
  --fix              自动修改可以安全修改的问题（半角标点、截止目前、发文字号），
                     直接改写 Markdown 文件（不改元数据），逐条列出修改，再报告其余问题
  --out 文件夹        输出文件夹（默认 dist）：上一次构建在提交时被中断的，先按提交记录把它完成
  --no-cache         不使用缓存，全部重新检查
  --cache 文件夹     缓存位置（默认 .notice-cache，与 build 共用）
  -h, --help         显示本帮助`,
  options: {
    ...contentOptions,
    format: { type: 'string' },
    fix: { type: 'boolean' },
    out: { type: 'string' }
  },
  allowPositionals: true,
  async run(values, positionals, io) {
    const format = String(values.format ?? 'text')
    if (format !== 'text' && format !== 'json') throw new ArgumentError(`--format 只能是 text 或 json，不能是 ${format}`)
    // A build killed in its commit window is finished (or undone) now, not only by the next build.
    await recoverInterruptedBuild(path.resolve(io.cwd, String(values.out ?? 'dist')))
    const options: RunOptions = { ...contentRunOptions(values, io), fixes: Boolean(values.fix) }
    refuseNoticeFolderAsContent(options.contentDir, io.cwd, 'check')
    const selection = selectNotices(positionals, options.contentDir, io.cwd)
    const shown = (diagnostics: readonly Diagnostic[]): readonly Diagnostic[] =>
      selection ? diagnostics.filter((diagnostic) => selection.shows(diagnostic)) : diagnostics
    if (values.fix) {
      let summary = await runCheck(options)
      const changed = await applySafeFixes(shown(summary.diagnostics), io, format === 'json' ? io.err : io.out)
      if (changed > 0) summary = await runCheck(options)
      const diagnostics = shown(summary.diagnostics)
      printDiagnostics(io, diagnostics, format, 'out')
      return finish(countDiagnostics(diagnostics), summary.counts, summary.notices)
    }
    // Printed as the check goes, in their final order: a site's thousands of warnings are never held at once.
    const printer = diagnosticPrinter(io, format, 'out')
    const counts: DiagnosticCounts = { error: 0, warning: 0, info: 0 }
    const summary = await runCheck({
      ...options,
      onDiagnostics: (diagnostics: readonly Diagnostic[]) => {
        const printed = shown(diagnostics)
        for (const diagnostic of printed) counts[diagnostic.severity]++
        printer.print(printed)
      }
    })
    printer.end(counts)
    return finish(counts, summary.counts, summary.notices)

    function finish(found: DiagnosticCounts, all: DiagnosticCounts, notices: number): number {
      if (format === 'text') {
        const total = found.error + found.warning + found.info
        if (total === 0) io.out(selection ? `检查通过：通报 ${selection.ids.join('、')} 没有发现问题。\n` : `检查通过：${notices} 个通报，没有发现问题。\n`)
        if (selection) io.out(otherNotices(all, found))
      }
      return found.error > 0 ? exitCodes.contentError : exitCodes.ok
    }
  }
}

/** With notices named, what the rest of the content holds: errors there still stop a build. */
function otherNotices(all: DiagnosticCounts, shown: DiagnosticCounts): string {
  const errors = all.error - shown.error
  const others = all.warning + all.info - shown.warning - shown.info
  if (errors === 0 && others === 0) return ''
  const parts = [errors > 0 ? `${errors} 个错误（会使 notice build 失败）` : '', others > 0 ? `${others} 条提示` : ''].filter(Boolean)
  return `其他通报另有 ${parts.join('、')}，未列出；运行 notice check 查看全部。\n`
}

/** Applies the fixes the rules offered, file by file, and reports each change. */
async function applySafeFixes(diagnostics: Parameters<typeof fixesByFile>[0], io: Io, write: (text: string) => void): Promise<number> {
  const applied: Change[] = []
  let files = 0
  for (const [file, changes] of fixesByFile(diagnostics)) {
    const absolute = path.resolve(io.cwd, file)
    const before = await readFile(absolute, 'utf8')
    const result = fixFile(file, before, changes)
    if (result.changes.length === 0) continue
    try {
      await writeFileAtomically(absolute, result.text, before)
    } catch (error) {
      if (!(error instanceof ChangedOnDisk)) throw error
      write(`${printable(file)}：修改期间这个文件被其他程序改动过，没有自动修改它（以免丢失那次改动）。请保存后重新运行 notice check --fix\n`)
      continue
    }
    applied.push(...result.changes)
    files++
  }
  for (const change of applied) write(`${formatChange(change)}\n`)
  write(applied.length === 0 ? '没有可以自动修改的内容。\n' : `已自动修改 ${applied.length} 处（${files} 个文件）。\n`)
  return applied.length
}
