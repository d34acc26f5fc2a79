/**
 * The part of loading that touches the disk: lists the content folder, lets the shared layout
 * planner (layout.ts) say what each file is, reads each file as UTF-8, and reports files it
 * cannot use. Everything after is pure. (git.ts reads a revision the same way, through git.)
 */
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { maxFileBytes, planContent, sourceText, tooLargeMessage } from './layout.js'
import type { NoticeSource, SourceFile } from './notice.js'

export { maxFileBytes }

export interface ContentSource {
  site?: { path: string; text: string }
  notices: NoticeSource[]
  diagnostics: Diagnostic[]
}

export class UsageError extends Error {}

export async function readContent(contentDir: string, cwd = process.cwd()): Promise<ContentSource> {
  const root = path.resolve(cwd, contentDir)
  const rootStat = await stat(root).catch(() => undefined)
  if (!rootStat?.isDirectory()) throw new UsageError(`找不到内容文件夹 ${contentDir}：请用 --content 指定存放通报的文件夹`)
  const realRoot = await realpath(root)
  const display = (absolute: string): string => path.relative(cwd, absolute).split(path.sep).join('/') || '.'
  const absoluteOf = (ref: string): string => path.join(root, ...ref.split('/'))
  const diagnostics: Diagnostic[] = []
  const problem = (absolute: string, message: string, rule = 'schema'): void => {
    diagnostics.push({ file: display(absolute), line: 1, column: 1, severity: 'error', rule, message })
  }

  const readSource = async (absolute: string): Promise<string | undefined> => {
    const info = await lstat(absolute)
    if (info.isSymbolicLink()) {
      const target = await realpath(absolute).catch(() => undefined)
      if (!target || !isInside(realRoot, target)) {
        problem(absolute, '这个文件是指向内容文件夹之外的链接：为安全起见不会读取，请把文件本身复制进来', 'file')
        return undefined
      }
    }
    const size = (await stat(absolute)).size
    if (size > maxFileBytes) {
      problem(absolute, tooLargeMessage(size), 'file')
      return undefined
    }
    const decoded = sourceText(await readFile(absolute))
    if (!decoded.ok) {
      problem(absolute, decoded.message, decoded.rule)
      return undefined
    }
    return decoded.text
  }

  // List what the layout needs to see (top-level files and folders, each folder's notice.md,
  // findings/ and sections/), then let the shared planner decide what it all is.
  const files: string[] = []
  const folders: string[] = []
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue
    const absolute = path.join(root, entry.name)
    const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(absolute).catch(() => undefined))?.isDirectory())
    if (!isDirectory) {
      files.push(entry.name)
      continue
    }
    if (entry.isSymbolicLink() && !isInside(realRoot, await realpath(absolute))) {
      problem(absolute, '这个文件夹是指向内容文件夹之外的链接：为安全起见不会读取', 'file')
      continue
    }
    folders.push(entry.name)
    if (await exists(path.join(absolute, 'notice.md'))) files.push(`${entry.name}/notice.md`)
    for (const sub of ['findings', 'sections']) {
      const names = await readdir(path.join(absolute, sub)).catch(() => [] as string[])
      for (const name of names) files.push(`${entry.name}/${sub}/${name}`)
    }
  }
  const plan = planContent(files, folders)
  for (const found of plan.problems) {
    diagnostics.push({ file: display(absoluteOf(found.ref)), line: 1, column: 1, severity: found.severity, rule: found.rule, message: found.message })
  }

  const source: ContentSource = { notices: [], diagnostics }
  if (plan.site) {
    const sitePath = absoluteOf(plan.site)
    const text = await readSource(sitePath)
    if (text !== undefined) source.site = { path: display(sitePath), text }
  }
  for (const notice of plan.notices) {
    const read: SourceFile[] = []
    for (const file of notice.files) {
      const absolute = absoluteOf(file.ref)
      const text = await readSource(absolute)
      if (text !== undefined) read.push({ path: display(absolute), ref: file.ref, name: file.name, kind: file.kind, text })
    }
    source.notices.push({ id: notice.id, files: read })
  }
  return source
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined)) !== undefined
}
