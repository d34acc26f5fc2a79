import path from 'node:path'
import { runCheck } from '../../build/run.js'
import { hasErrors } from '../../diagnostics/diagnostic.js'
import { ArgumentError, exitCodes, type Command } from '../command.js'
import { printDiagnostics } from '../report.js'

export const check: Command = {
  name: 'check',
  summary: '只检查内容，不生成文件',
  help: `用法：notice check [--content 文件夹] [--format text|json]

检查全部通报并列出问题，每行一条：文件:行:列: 级别: 说明 [规则]。
有错误（error）时退出码为 1，只有警告或没有问题时为 0。

参数：
  --content 文件夹   内容文件夹（默认 content）
  --format 格式      text（默认）或 json（标准输出只有一个 JSON 数组）
  --no-cache         不使用缓存，全部重新检查
  --cache 文件夹     缓存位置（默认 .notice-cache，与 build 共用）
  -h, --help         显示本帮助`,
  options: {
    content: { type: 'string' },
    format: { type: 'string' },
    fix: { type: 'boolean' },
    'no-cache': { type: 'boolean' },
    cache: { type: 'string' }
  },
  allowPositionals: false,
  async run(values, _positionals, io) {
    const format = String(values.format ?? 'text')
    if (format !== 'text' && format !== 'json') throw new ArgumentError(`--format 只能是 text 或 json，不能是 ${format}`)
    const summary = await runCheck({
      contentDir: String(values.content ?? 'content'),
      cwd: io.cwd,
      cacheDir: path.resolve(io.cwd, String(values.cache ?? '.notice-cache')),
      useCache: !values['no-cache']
    })
    printDiagnostics(io, summary.diagnostics, format, 'out')
    if (format === 'text' && summary.diagnostics.length === 0) io.out(`检查通过：${summary.notices} 个通报，没有发现问题。\n`)
    return hasErrors(summary.diagnostics) ? exitCodes.contentError : exitCodes.ok
  }
}
