import path from 'node:path'
import { checkContent, renderContent } from '../../build/pipeline.js'
import { hasErrors } from '../../diagnostics/diagnostic.js'
import { readContent } from '../../load/read.js'
import { readTemplates, resolveTemplatesDir } from '../../render/read-templates.js'
import { createRenderer } from '../../render/templates.js'
import { checkOutputFolder, recoverInterruptedBuild, writeAtomically } from '../../write/atomic.js'
import { exitCodes, type Command } from '../command.js'
import { printDiagnostics } from '../report.js'

export const build: Command = {
  name: 'build',
  summary: '检查内容并生成网站（默认输出到 dist/）',
  help: `用法：notice build [--content 文件夹] [--out 文件夹] [--drafts] [--templates 文件夹]

检查全部通报，没有错误时生成网站：每个通报的网页、纯文本（notice.txt）和数据（notice.json），以及通报列表。
有任何错误时不发布任何内容，原来的输出文件夹保持不变，退出码为 1。

参数：
  --content 文件夹    内容文件夹（默认 content）
  --out 文件夹        输出文件夹（默认 dist）；整个替换，只替换 notice-press 生成的文件夹
  --drafts            同时发布标记为 draft: true 的草稿
  --templates 文件夹  模板文件夹（默认当前目录下的 templates，没有则用自带模板）
  -h, --help          显示本帮助`,
  options: {
    content: { type: 'string' },
    out: { type: 'string' },
    pdf: { type: 'boolean' },
    drafts: { type: 'boolean' },
    templates: { type: 'string' }
  },
  allowPositionals: false,
  async run(values, _positionals, io) {
    const contentDir = String(values.content ?? 'content')
    const outDir = path.resolve(io.cwd, String(values.out ?? 'dist'))
    // A build killed mid-swap leaves the previous output beside --out: put it back before anything else.
    await recoverInterruptedBuild(outDir)
    await checkOutputFolder(outDir)
    const templatesDir = resolveTemplatesDir(values.templates as string | undefined, io.cwd)
    const [source, templates] = await Promise.all([readContent(contentDir, io.cwd), readTemplates(templatesDir)])
    const content = checkContent(source)
    printDiagnostics(io, content.diagnostics, 'text', 'err')
    if (hasErrors(content.diagnostics)) {
      io.err(`构建失败：内容有错误，未发布任何文件，${path.relative(io.cwd, outDir) || outDir} 保持不变。请按上面的提示修改后重试。\n`)
      return exitCodes.contentError
    }
    const files = renderContent(content, createRenderer(templates.sources, templates.assets), { drafts: Boolean(values.drafts) })
    await writeAtomically(outDir, files)
    const published = content.notices.filter((notice) => values.drafts || !notice.meta.draft).length
    io.out(`已生成 ${published} 个通报，共 ${files.length} 个文件，输出到 ${path.relative(io.cwd, outDir) || outDir}/\n`)
    return exitCodes.ok
  }
}
