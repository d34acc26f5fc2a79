/**
 * Notices named on the command line (`notice check 2021-x content/2021-y`): each argument is a
 * notice id or a path to a notice's folder or one of its files. Read-only: it only looks at
 * which folders exist.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { UsageError } from '../model/errors.js'
import { idPattern } from '../model/id.js'

export interface NoticeSelection {
  /** The ids named, in the order given, without repeats. */
  ids: string[]
  /** Whether a diagnostic is shown: in a named notice, or outside every notice (site.yml, the folder layout). */
  shows(diagnostic: Diagnostic): boolean
}

const shownPath = (cwd: string, absolute: string): string => path.relative(cwd, absolute).split(path.sep).join('/') || '.'

/**
 * A notice folder given as the content folder is the most likely slip (`--content content/2021-x`):
 * read as a content folder, its findings/ would look like a notice of its own. Said plainly instead.
 */
export function refuseNoticeFolderAsContent(contentDir: string, cwd: string, command: string): void {
  const root = path.resolve(cwd, contentDir)
  if (!existsSync(path.join(root, 'notice.md'))) return
  const parent = shownPath(cwd, path.dirname(root))
  const id = path.basename(root)
  const content = parent === 'content' ? '' : ` --content ${parent}`
  throw new UsageError(
    `${contentDir} 是一个通报的文件夹（里面有 notice.md），不是内容文件夹。--content 应指向存放各个通报文件夹的那一层（这里是 ${parent}）；` +
      `只处理这一个通报，请把编号写在命令后面：notice ${command}${content} ${id}`
  )
}

/** The notices the arguments name; a clear error for one that is not in the content folder. */
export function selectNotices(args: readonly string[], contentDir: string, cwd: string): NoticeSelection | undefined {
  if (args.length === 0) return undefined
  const root = path.resolve(cwd, contentDir)
  const ids: string[] = []
  for (const arg of args) {
    const id = noticeIdOf(arg, root, cwd, contentDir)
    if (!ids.includes(id)) ids.push(id)
  }
  const rootShown = shownPath(cwd, root)
  const prefix = rootShown === '.' ? '' : `${rootShown}/`
  const selected = new Set(ids)
  return {
    ids,
    shows(diagnostic) {
      if (!diagnostic.file.startsWith(prefix)) return true
      const rest = diagnostic.file.slice(prefix.length)
      const slash = rest.indexOf('/')
      return slash === -1 || selected.has(rest.slice(0, slash))
    }
  }
}

function noticeIdOf(arg: string, root: string, cwd: string, contentDir: string): string {
  const absolute = path.resolve(cwd, arg)
  const relative = path.relative(root, absolute)
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
  if (inside && existsSync(absolute)) {
    const id = relative.split(path.sep)[0] ?? ''
    if (isNoticeFolder(path.join(root, id))) return id
  }
  if (idPattern.test(arg) && isNoticeFolder(path.join(root, arg))) return arg
  if (existsSync(absolute) && !inside) {
    throw new UsageError(`${arg} 不在内容文件夹 ${contentDir} 之内：请写通报编号（${contentDir} 下的文件夹名），或用 --content 指定它所在的内容文件夹`)
  }
  const known = listNoticeIds(root)
  const hint =
    known.length === 0
      ? `${contentDir} 中还没有通报`
      : `${contentDir} 中的通报有：${known.slice(0, 10).join('、')}${known.length > 10 ? ` 等 ${known.length} 个` : ''}`
  throw new UsageError(`找不到通报“${arg}”：${hint}`)
}

function isNoticeFolder(folder: string): boolean {
  return existsSync(path.join(folder, 'notice.md')) || (existsSync(folder) && statSync(folder).isDirectory() && existsSync(path.join(folder, 'findings')))
}

function listNoticeIds(root: string): string[] {
  try {
    return readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && idPattern.test(entry.name) && isNoticeFolder(path.join(root, entry.name)))
      .map((entry) => entry.name)
      .sort()
  } catch {
    return []
  }
}
