/** Reads a templates folder: `*.eta` by name (`partials/header`), `assets/*` as static files. */
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { UsageError } from '../load/read.js'
import type { TemplateSources } from './templates.js'

/** The templates shipped with notice-press, used when the site has none of its own. */
export const bundledTemplates = fileURLToPath(new URL('../../templates/', import.meta.url))

export function resolveTemplatesDir(flag: string | undefined, cwd = process.cwd()): string {
  if (flag) return path.resolve(cwd, flag)
  const local = path.resolve(cwd, 'templates')
  return existsSync(path.join(local, 'notice.eta')) ? local : bundledTemplates
}

export async function readTemplates(dir: string): Promise<{ sources: TemplateSources; assets: Record<string, string> }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => {
    throw new UsageError(`找不到模板文件夹 ${dir}：请用 --templates 指定，或删除该参数以使用自带模板`)
  })
  const sources: Record<string, string> = {}
  const assets: Record<string, string> = {}
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
  for (const file of files) {
    const relative = path.relative(dir, file).split(path.sep).join('/')
    if (relative.endsWith('.eta')) sources[relative.slice(0, -4)] = await readFile(file, 'utf8')
    else if (relative.startsWith('assets/')) assets[relative] = await readFile(file, 'utf8')
  }
  if (!sources.notice || !sources.layout || !sources.index) throw new UsageError(`模板文件夹 ${dir} 不完整：至少需要 layout.eta、notice.eta 和 index.eta`)
  // A site's own templates made before the print page existed still get the bundled print page.
  if (!sources.print) sources.print = await readFile(path.join(bundledTemplates, 'print.eta'), 'utf8')
  if (!assets['assets/print.css']) assets['assets/print.css'] = await readFile(path.join(bundledTemplates, 'assets', 'print.css'), 'utf8')
  return { sources, assets }
}
