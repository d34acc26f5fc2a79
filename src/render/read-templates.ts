/** Reads a templates folder: `*.eta` by name (`partials/header`), `assets/*` as static files. */
import { existsSync, readdirSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { UsageError } from '../model/errors.js'
import type { TemplateSources } from './templates.js'

/** The templates shipped with notice-press, used when the site has none of its own. */
export const bundledTemplates = fileURLToPath(new URL('../../templates/', import.meta.url))

export function resolveTemplatesDir(flag: string | undefined, cwd: string): string {
  if (flag) return path.resolve(cwd, flag)
  const local = path.resolve(cwd, 'templates')
  // A site's own templates/ may hold only the files it changed (any .eta, or assets/): see readTemplates.
  const customised =
    existsSync(local) && (existsSync(path.join(local, 'assets')) || readdirSync(local, { recursive: true }).some((name) => String(name).endsWith('.eta')))
  return customised ? local : bundledTemplates
}

/**
 * A site's templates over the bundled ones: a county team keeps only the files it changed (say
 * `partials/header.eta` and `assets/site.css`) and every other template comes with notice-press.
 */
export async function readTemplates(dir: string): Promise<{ sources: TemplateSources; assets: Record<string, string> }> {
  const own = await readTemplateFolder(dir)
  const bundled = path.resolve(dir) === path.resolve(bundledTemplates) ? { sources: {}, assets: {} } : await readTemplateFolder(bundledTemplates)
  const sources = { ...bundled.sources, ...own.sources }
  if (!sources.notice || !sources.layout || !sources.index) throw new UsageError(`模板文件夹 ${dir} 不完整：至少需要 layout.eta、notice.eta 和 index.eta`)
  return { sources, assets: { ...bundled.assets, ...own.assets } }
}

async function readTemplateFolder(dir: string): Promise<{ sources: TemplateSources; assets: Record<string, string> }> {
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
  return { sources, assets }
}
