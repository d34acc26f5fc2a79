import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { runCheck, type RunOptions } from '../../engine/run.js'
import { hasErrors, printable, type Diagnostic } from '../../diagnostics/diagnostic.js'
import { fixesByFile, fixFile, formatChange, type Change } from '../../fix/plan.js'
import { recoverInterruptedBuild } from '../../write/atomic.js'
import { ChangedOnDisk, writeFileAtomically } from '../../write/file.js'
import { ArgumentError, contentOptions, contentRunOptions, exitCodes, type Command, type Io } from '../command.js'
import { diagnosticPrinter, printDiagnostics } from '../report.js'

export const check: Command = {
  name: 'check',
  help: `用法：notice check [--content 文件夹] [--format text|json] [--fix]

检查全部通报并列出问题，每行一条：文件:行:列: 级别: 说明 [规则]。
有错误（error）时退出码为 1，只有警告或没有问题时为 0。

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
  allowPositionals: false,
  async run(values, _positionals, io) {
    const format = String(values.format ?? 'text')
    if (format !== 'text' && format !== 'json') throw new ArgumentError(`--format 只能是 text 或 json，不能是 ${format}`)
    // A build killed in its commit window is finished (or undone) now, not only by the next build.
    await recoverInterruptedBuild(path.resolve(io.cwd, String(values.out ?? 'dist')))
    const options: RunOptions = { ...contentRunOptions(values, io), fixes: Boolean(values.fix) }
    if (values.fix) {
      let summary = await runCheck(options)
      const changed = await applySafeFixes(summary.diagnostics, io, format === 'json' ? io.err : io.out)
      if (changed > 0) summary = await runCheck(options)
      printDiagnostics(io, summary.diagnostics, format, 'out')
      return finish(summary.diagnostics.length, hasErrors(summary.diagnostics), summary.notices)
    }
    // Printed as the check goes, in their final order: a site's thousands of warnings are never held at once.
    const printer = diagnosticPrinter(io, format, 'out')
    const summary = await runCheck({ ...options, onDiagnostics: (diagnostics: readonly Diagnostic[]) => printer.print(diagnostics) })
    printer.end(summary.counts)
    const { error, warning, info } = summary.counts
    return finish(error + warning + info, error > 0, summary.notices)

    function finish(found: number, failed: boolean, notices: number): number {
      if (format === 'text' && found === 0) io.out(`检查通过：${notices} 个通报，没有发现问题。\n`)
      return failed ? exitCodes.contentError : exitCodes.ok
    }
  }
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
