import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { UsageError } from '../../model/errors.js'
import { bundledTemplates } from '../../render/read-templates.js'
import { ArgumentError, checkNoticeIdArgument, exitCodes, type Command } from '../command.js'

/** The scaffold's files live beside the templates, so a site can edit them like any other template. */
const scaffoldDir = path.join(bundledTemplates, 'scaffold')
const scaffoldFiles = ['notice.md', 'sections/01.md', 'findings/01-01.md'] as const

export const newCommand: Command = {
  name: 'new',
  help: `用法：notice new 编号 [--content 文件夹]

在内容文件夹中新建 编号/ 文件夹：notice.md（每个字段都有中文注释）、sections/01.md（一个章节）
和 findings/01-01.md（一个问题）。生成的示例可以直接通过 notice check，请按注释改成真实内容。
编号只能用小写字母 a-z、数字和连字符 -，例如 2024-county-office；已存在的文件夹不会被覆盖。

参数：
  --content 文件夹   内容文件夹（默认 content，不存在时自动创建）
  -h, --help         显示本帮助`,
  options: {
    content: { type: 'string' }
  },
  allowPositionals: true,
  async run(values, positionals, io) {
    const [id, ...extra] = positionals
    if (!id) throw new ArgumentError('缺少通报编号，例如 notice new 2024-county-office')
    if (extra.length > 0) throw new ArgumentError(`多余的参数 ${extra.join(' ')}`)
    checkNoticeIdArgument(id)
    const contentDir = path.resolve(io.cwd, String(values.content ?? 'content'))
    const target = path.join(contentDir, id)
    if (await stat(target).catch(() => undefined))
      throw new UsageError(`${path.relative(io.cwd, target) || target} 已存在：为避免覆盖，请换一个编号或先删除这个文件夹`)
    const today = new Date().toISOString().slice(0, 10)
    for (const file of scaffoldFiles) {
      const text = (await readFile(path.join(scaffoldDir, file), 'utf8')).replaceAll('{{id}}', id).replaceAll('{{today}}', today)
      await mkdir(path.dirname(path.join(target, file)), { recursive: true })
      await writeFile(path.join(target, file), text, { flag: 'wx' })
    }
    const shown = path.relative(io.cwd, target) || target
    io.out(
      `已新建 ${shown}/：\n${scaffoldFiles.map((file) => `  ${shown}/${file}`).join('\n')}\n请按文件中的注释修改，然后运行 notice check 检查、notice dev 预览。\n`
    )
    return exitCodes.ok
  }
}
