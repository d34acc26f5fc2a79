/**
 * The only part of loading that touches the disk: finds site.yml and the notice folders, reads
 * each file as UTF-8, and reports files it cannot use. Listing is separate from reading so a
 * build can skip reading notices its cache already knows. Everything after is pure.
 */
import { closeSync, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs'
import path from 'node:path'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { idPattern } from '../model/schema.js'
import { decodeText } from '../text/decode.js'
import type { NoticeSource, SourceFile, SourceKind } from './notice.js'

export const maxFileBytes = 2 * 1024 * 1024

export class UsageError extends Error {}

export interface ListedFile {
  absolute: string
  /** Path shown in diagnostics, relative to the working directory. */
  path: string
  /** Path inside the content folder. */
  ref: string
  name: string
  kind: SourceKind
  size: number
  mtimeMs: number
}

export interface NoticeListing {
  id: string
  files: ListedFile[]
}

export interface ContentListing {
  root: string
  realRoot: string
  site?: ListedFile
  notices: NoticeListing[]
  diagnostics: Diagnostic[]
}

export interface ContentSource {
  site?: { path: string; text: string }
  notices: NoticeSource[]
  diagnostics: Diagnostic[]
}

const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)

function fileProblem(file: string, message: string, rule = 'file', severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { file, line: 1, column: 1, severity, rule, message }
}

export function listContent(contentDir: string, cwd = process.cwd()): ContentListing {
  const root = path.resolve(cwd, contentDir)
  const rootStat = statOrUndefined(root)
  if (!rootStat?.isDirectory()) throw new UsageError(`找不到内容文件夹 ${contentDir}：请用 --content 指定存放通报的文件夹`)
  const realRoot = realpathSync(root)
  const display = (absolute: string): string => path.relative(cwd, absolute).split(path.sep).join('/') || '.'
  const ref = (absolute: string): string => path.relative(root, absolute).split(path.sep).join('/')
  const diagnostics: Diagnostic[] = []

  const listFile = (absolute: string, name: string, kind: SourceKind, entry?: Dirent): ListedFile | undefined => {
    if (entry?.isSymbolicLink() && !isInside(realRoot, realpathOrUndefined(absolute))) {
      diagnostics.push(fileProblem(display(absolute), '这个文件是指向内容文件夹之外的链接：为安全起见不会读取，请把文件本身复制进来'))
      return undefined
    }
    const info = statOrUndefined(absolute)
    if (!info?.isFile()) return undefined
    return { absolute, path: display(absolute), ref: ref(absolute), name, kind, size: info.size, mtimeMs: info.mtimeMs }
  }

  const listing: ContentListing = { root, realRoot, notices: [], diagnostics }
  const site = listFile(path.join(root, 'site.yml'), 'site.yml', 'notice')
  if (site) listing.site = site

  const entries = readdirSync(root, { withFileTypes: true }).filter((entry) => !entry.name.startsWith('.')).sort(byName)
  for (const entry of entries) {
    const absolute = path.join(root, entry.name)
    const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && statOrUndefined(absolute)?.isDirectory())
    if (!isDirectory) continue
    if (!idPattern.test(entry.name)) {
      diagnostics.push(fileProblem(display(absolute), `文件夹名“${entry.name}”不能作为通报编号：只能用小写字母 a-z、数字和连字符 -，例如 2021-yichuan-cluster`, 'schema'))
      continue
    }
    if (entry.isSymbolicLink() && !isInside(realRoot, realpathOrUndefined(absolute))) {
      diagnostics.push(fileProblem(display(absolute), '这个文件夹是指向内容文件夹之外的链接：为安全起见不会读取'))
      continue
    }
    const notice = listFile(path.join(absolute, 'notice.md'), 'notice.md', 'notice')
    if (!notice) {
      diagnostics.push(fileProblem(display(absolute), `通报文件夹 ${entry.name} 中没有 notice.md：请用 notice new ${entry.name} 创建，或删除这个文件夹`, 'schema'))
      continue
    }
    const files: ListedFile[] = [notice]
    for (const [folder, kind] of [['findings', 'finding'], ['sections', 'section']] as Array<[string, SourceKind]>) {
      const folderPath = path.join(absolute, folder)
      let children: Dirent[]
      try {
        children = readdirSync(folderPath, { withFileTypes: true })
      } catch {
        continue
      }
      for (const child of children.filter((candidate) => !candidate.name.startsWith('.')).sort(byName)) {
        const filePath = path.join(folderPath, child.name)
        if (!child.name.toLowerCase().endsWith('.md')) {
          diagnostics.push(fileProblem(display(filePath), '不是 .md 文件，已忽略：问题和章节文件的扩展名应为 .md', 'file', 'warning'))
          continue
        }
        const listed = listFile(filePath, child.name, kind, child)
        if (listed) files.push(listed)
      }
    }
    listing.notices.push({ id: entry.name, files })
  }
  return listing
}

/** Reads a listed file as UTF-8 text, or says why it cannot be used. */
export function readListedFile(file: ListedFile): { text?: string; diagnostic?: Diagnostic } {
  let descriptor: number | undefined
  try {
    descriptor = openSync(file.absolute, 'r')
    const size = fstatSync(descriptor).size
    if (size > maxFileBytes) {
      return { diagnostic: fileProblem(file.path, `文件过大（${(size / 1024 / 1024).toFixed(1)} MB，上限 ${maxFileBytes / 1024 / 1024} MB）：一个问题一个文件，请检查是否误存了其他内容`) }
    }
    const bytes = Buffer.allocUnsafe(size)
    let read = 0
    while (read < size) {
      const count = readSync(descriptor, bytes, read, size - read, read)
      if (count === 0) break
      read += count
    }
    const decoded = decodeText(bytes.subarray(0, read), { allowLegacy: false })
    if (!decoded.ok) {
      return {
        diagnostic: fileProblem(
          file.path,
          decoded.reason === 'binary' ? '这不是文本文件：内容文件夹中只能放 UTF-8 编码的 Markdown 文件' : '文件不是 UTF-8 编码：请在编辑器中以“UTF-8”编码另存这个文件'
        )
      }
    }
    return { text: decoded.text }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? ''
    return { diagnostic: fileProblem(file.path, `无法读取这个文件（${code}）：请检查文件权限`) }
  } finally {
    if (descriptor !== undefined) closeSync(descriptor)
  }
}

export function readNotice(listing: NoticeListing): { source: NoticeSource; diagnostics: Diagnostic[] } {
  const files: SourceFile[] = []
  const diagnostics: Diagnostic[] = []
  for (const file of listing.files) {
    const { text, diagnostic } = readListedFile(file)
    if (diagnostic) diagnostics.push(diagnostic)
    if (text !== undefined) files.push({ path: file.path, ref: file.ref, name: file.name, kind: file.kind, text })
  }
  return { source: { id: listing.id, files }, diagnostics }
}

/** Lists and reads a whole content folder. */
export async function readContent(contentDir: string, cwd = process.cwd()): Promise<ContentSource> {
  const listing = listContent(contentDir, cwd)
  const source: ContentSource = { notices: [], diagnostics: [...listing.diagnostics] }
  if (listing.site) {
    const { text, diagnostic } = readListedFile(listing.site)
    if (diagnostic) source.diagnostics.push(diagnostic)
    if (text !== undefined) source.site = { path: listing.site.path, text }
  }
  for (const notice of listing.notices) {
    const { source: noticeSource, diagnostics } = readNotice(notice)
    source.diagnostics.push(...diagnostics)
    source.notices.push(noticeSource)
  }
  return source
}

function statOrUndefined(file: string): import('node:fs').Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: true })
  } catch {
    return undefined
  }
}

function realpathOrUndefined(file: string): string | undefined {
  try {
    return realpathSync(file)
  } catch {
    return undefined
  }
}

function isInside(root: string, target: string | undefined): boolean {
  if (target === undefined) return false
  const relative = path.relative(root, target)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}
