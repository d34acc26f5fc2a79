/**
 * The part of loading that touches the disk: lists the content folder, lets the shared layout
 * planner (layout.ts) say what each file is, and reads each file as UTF-8, reporting files it
 * cannot use. Listing is separate from reading so a build can skip reading notices its cache
 * already knows. Everything after is pure. (git.ts reads a revision the same way, through git.)
 */
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs'
import path from 'node:path'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { UsageError } from '../model/errors.js'
import { maxFileBytes, planContent, sourceText, tooLargeMessage } from './layout.js'
import type { NoticeSource, SourceFile, SourceKind } from './notice.js'

export { maxFileBytes }

export interface ListedFile {
  absolute: string
  /** Path shown in diagnostics, relative to the working directory. */
  path: string
  /** Path inside the content folder. */
  ref: string
  name: string
  kind: SourceKind
  /** Size and mtime when the listing took them (the cache's keys need them; a build without a cache does not). */
  size: number | undefined
  mtimeMs: number | undefined
  /**
   * The rest of the tuple git's index keys a file by: an edit of the same length with its mtime
   * set back still changes the ctime, and a file replaced by another has another inode.
   */
  ctimeMs?: number
  ino?: number
}

export interface NoticeListing {
  id: string
  files: ListedFile[]
}

export interface ContentListing {
  root: string
  site?: ListedFile
  notices: NoticeListing[]
  diagnostics: Diagnostic[]
}

export interface ContentSource {
  site?: { path: string; text: string }
  notices: NoticeSource[]
  diagnostics: Diagnostic[]
}

function fileProblem(file: string, message: string, rule = 'file'): Diagnostic {
  return { file, line: 1, column: 1, severity: 'error', rule, message }
}

export interface ListOptions {
  /**
   * Stat every file for its size and mtime (the cache's keys). Without, plain files are known
   * from the folder listing alone, and reading takes the size: one system call less per file.
   */
  stats?: boolean
}

export function listContent(contentDir: string, cwd: string, options: ListOptions = {}): ContentListing {
  const withStats = options.stats ?? true
  const root = path.resolve(cwd, contentDir)
  if (!statOrUndefined(root)?.isDirectory()) throw new UsageError(`找不到内容文件夹 ${contentDir}：请用 --content 指定存放通报的文件夹`)
  const realRoot = realpathSync(root)
  const display = (absolute: string): string => path.relative(cwd, absolute).split(path.sep).join('/') || '.'
  // Refs are names read from the folder (never `.` or `..`), so joining strings gives what path.join would.
  const shownRoot = display(root)
  const absoluteOf = (ref: string): string => root + path.sep + (path.sep === '/' ? ref : ref.split('/').join(path.sep))
  const shownOf = (ref: string): string => (shownRoot === '.' ? ref : `${shownRoot}/${ref}`)
  const diagnostics: Diagnostic[] = []

  // List what the layout needs to see (top-level files and folders, each folder's notice.md,
  // findings/ and sections/), then let the shared planner decide what it all is.
  const files: string[] = []
  const folders: string[] = []
  const links = new Set<string>()
  /** Without stats: files the folder listing already showed to be plain files. */
  const plainFiles = new Set<string>()
  /** Each notice.md was stat-ed to find the notice: by its ref. */
  const noticeStats = new Map<string, Stats>()
  let entries: Dirent[]
  try {
    entries = readdirSync(root, { withFileTypes: true })
  } catch (error) {
    throw new UsageError(`无法读取内容文件夹 ${contentDir}（${(error as NodeJS.ErrnoException).code ?? '未知原因'}）：请检查它的权限`)
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const absolute = path.join(root, entry.name)
    const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && statOrUndefined(absolute)?.isDirectory())
    if (isDirectory && entry.name === 'site.yml') {
      diagnostics.push(fileProblem(display(absolute), 'site.yml 应是一个文件，这里却是一个文件夹：请改名或移走它'))
      continue
    }
    if (!isDirectory) {
      files.push(entry.name)
      if (entry.isSymbolicLink()) links.add(entry.name)
      continue
    }
    if (entry.isSymbolicLink() && !isInside(realRoot, realpathOrUndefined(absolute))) {
      diagnostics.push(fileProblem(display(absolute), '这个文件夹是指向内容文件夹之外的链接：为安全起见不会读取'))
      continue
    }
    folders.push(entry.name)
    const noticeInfo = statOrUndefined(path.join(absolute, 'notice.md'))
    if (noticeInfo) {
      files.push(`${entry.name}/notice.md`)
      noticeStats.set(`${entry.name}/notice.md`, noticeInfo)
    }
    for (const sub of ['findings', 'sections']) {
      let children: Dirent[]
      try {
        children = readdirSync(path.join(absolute, sub), { withFileTypes: true })
      } catch (error) {
        const problem = folderProblem(error as NodeJS.ErrnoException, path.join(absolute, sub), sub)
        if (problem) diagnostics.push(fileProblem(display(path.join(absolute, sub)), problem))
        continue
      }
      for (const child of children) {
        const ref = `${entry.name}/${sub}/${child.name}`
        files.push(ref)
        if (child.isSymbolicLink()) links.add(ref)
        else if (!withStats && child.isFile()) plainFiles.add(ref)
      }
    }
  }
  const plan = planContent(files, folders)
  for (const found of plan.problems) {
    diagnostics.push({ file: display(absoluteOf(found.ref)), line: 1, column: 1, severity: found.severity, rule: found.rule, message: found.message })
  }

  const listFile = (ref: string, name: string, kind: SourceKind): ListedFile | undefined => {
    const absolute = absoluteOf(ref)
    if (links.has(ref)) {
      const target = realpathOrUndefined(absolute)
      if (target === undefined) {
        diagnostics.push(fileProblem(display(absolute), '这个链接指向的文件不存在：请把文件本身复制进来，或删除这个链接'))
        return undefined
      }
      if (!isInside(realRoot, target)) {
        diagnostics.push(fileProblem(display(absolute), '这个文件是指向内容文件夹之外的链接：为安全起见不会读取，请把文件本身复制进来'))
        return undefined
      }
    }
    if (!withStats && plainFiles.has(ref)) return { absolute, path: shownOf(ref), ref, name, kind, size: undefined, mtimeMs: undefined }
    const info = (kind === 'notice' ? noticeStats.get(ref) : undefined) ?? statOrUndefined(absolute)
    if (!info) return undefined
    // Reading a folder fails, and reading a named pipe or device would wait forever: only plain files are read.
    if (!info.isFile()) {
      const message = info.isDirectory()
        ? '这里应是一个文件，却是一个文件夹：请改名或移走这个文件夹'
        : '这不是普通文件（可能是管道或设备）：内容文件夹中只能放 Markdown 文件'
      diagnostics.push(fileProblem(display(absolute), message))
      return undefined
    }
    return { absolute, path: shownOf(ref), ref, name, kind, size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino }
  }

  const listing: ContentListing = { root, notices: [], diagnostics }
  if (plan.site) {
    const site = listFile(plan.site, 'site.yml', 'notice')
    if (site) listing.site = site
  }
  for (const notice of plan.notices) {
    const listed = notice.files.map((file) => listFile(file.ref, file.name, file.kind)).filter((file): file is ListedFile => file !== undefined)
    // Without its notice.md (reported above) a notice would only gather errors that follow from that one.
    if (listed.some((file) => file.kind === 'notice')) listing.notices.push({ id: notice.id, files: listed })
  }
  return listing
}

/**
 * Where files are read: a content file is a few kilobytes, and its bytes are only decoded into a
 * string, so one buffer serves every read of this thread. A listing without stats leaves the size
 * unknown; a read that does not fill the buffer ends the file, so no `fstat` is needed to size it.
 */
const scratch = Buffer.allocUnsafe(64 * 1024)

/** Reads a listed file as UTF-8 text, or says why it cannot be used. */
export function readListedFile(file: ListedFile): { text?: string; diagnostic?: Diagnostic } {
  let descriptor: number | undefined
  try {
    descriptor = openSync(file.absolute, 'r')
    if (file.size !== undefined && file.size > maxFileBytes) return { diagnostic: fileProblem(file.path, tooLargeMessage(file.size)) }
    // One byte more than the size: a file that grew since it was listed is read whole, not cut short.
    let bytes = file.size === undefined || file.size < scratch.length ? scratch : Buffer.allocUnsafe(file.size + 1)
    let read = 0
    for (;;) {
      if (read === bytes.length) {
        if (bytes.length > maxFileBytes) return { diagnostic: fileProblem(file.path, tooLargeMessage(fstatSync(descriptor).size)) }
        const larger = Buffer.allocUnsafe(bytes.length * 2)
        bytes.copy(larger)
        bytes = larger
      }
      const count = readSync(descriptor, bytes, read, bytes.length - read, read)
      if (count === 0) break
      read += count
      // A short read of a regular file is its end: no further call to confirm it.
      if (read < bytes.length) break
    }
    const decoded = sourceText(bytes.subarray(0, read))
    return decoded.ok ? { text: decoded.text } : { diagnostic: fileProblem(file.path, decoded.message, decoded.rule) }
  } catch {
    return { diagnostic: fileProblem(file.path, '无法读取这个文件：请检查文件权限，或它是否正被其他程序占用') }
  } finally {
    if (descriptor !== undefined) closeSync(descriptor)
  }
}

/** Reads a notice's files; `source` is undefined when its notice.md cannot be read (the diagnostic says why). */
export function readNotice(listing: NoticeListing): { source?: NoticeSource; diagnostics: Diagnostic[] } {
  const files: SourceFile[] = []
  const diagnostics: Diagnostic[] = []
  for (const file of listing.files) {
    const { text, diagnostic } = readListedFile(file)
    if (diagnostic) diagnostics.push(diagnostic)
    if (text !== undefined)
      files.push({ path: file.path, ref: file.ref, name: file.name, kind: file.kind, text, ...(file.mtimeMs !== undefined ? { mtimeMs: file.mtimeMs } : {}) })
  }
  if (!files.some((file) => file.kind === 'notice')) return { diagnostics }
  return { source: { id: listing.id, files }, diagnostics }
}

export interface ReadOptions {
  /** Read only these notice folders (the dev server re-reads just what changed); site.yml is always read. */
  only?: ReadonlySet<string>
}

/** Lists and reads a whole content folder. */
export async function readContent(contentDir: string, cwd: string, options: ReadOptions = {}): Promise<ContentSource> {
  const listing = listContent(contentDir, cwd)
  const source: ContentSource = { notices: [], diagnostics: [...listing.diagnostics] }
  if (listing.site) {
    const { text, diagnostic } = readListedFile(listing.site)
    if (diagnostic) source.diagnostics.push(diagnostic)
    if (text !== undefined) source.site = { path: listing.site.path, text }
  }
  for (const notice of listing.notices) {
    if (options.only && !options.only.has(notice.id)) continue
    const { source: noticeSource, diagnostics } = readNotice(notice)
    source.diagnostics.push(...diagnostics)
    if (noticeSource) source.notices.push(noticeSource)
  }
  return source
}

/**
 * Why a notice's findings/ or sections/ folder cannot be listed, or undefined when it is simply
 * absent. Any other failure is an error: a folder that cannot be read would publish the notice
 * without its findings, and "0 findings, check passed" is the worst answer to give.
 */
function folderProblem(error: NodeJS.ErrnoException, absolute: string, sub: string): string | undefined {
  switch (error.code) {
    case 'ENOENT':
      // A link that points nowhere is not an absent folder: the findings it meant are missing.
      return lstatSync(absolute, { throwIfNoEntry: false })?.isSymbolicLink()
        ? `${sub} 是一个指向不存在位置的链接：请把文件夹本身复制进来，或删除这个链接`
        : undefined
    case 'ENOTDIR':
      return `${sub} 应是一个文件夹，这里却是一个文件：请改名或移走它`
    case 'EACCES':
    case 'EPERM':
      return `没有权限读取文件夹 ${sub}：请检查它的权限（例如 chmod u+rx），否则这个通报会缺少其中的内容`
    case 'ELOOP':
      return `${sub} 是一个循环的链接，无法读取：请把文件夹本身复制进来，或删除这个链接`
    default:
      return `无法读取文件夹 ${sub}（${error.code ?? '未知原因'}）：请检查磁盘和权限，否则这个通报会缺少其中的内容`
  }
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false })
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
