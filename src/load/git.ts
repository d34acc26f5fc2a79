/**
 * Reads the content folder as it was at a git revision, by asking git itself (`rev-parse`,
 * `ls-tree`, `cat-file --batch`): no checkout, no temporary files, and it works in a shallow
 * clone for every revision the clone holds. The files then go through the same layout planner
 * and the same text checks as the working tree (layout.ts), so both sides load alike.
 */
import { spawnSync } from 'node:child_process'
import { realpathSync } from 'node:fs'
import path from 'node:path'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { planContent, sourceText } from './layout.js'
import type { SourceFile } from './notice.js'
import { UsageError } from '../model/errors.js'
import type { ContentSource } from './read.js'

export interface Repository {
  /** Absolute path of the working tree's top folder. */
  root: string
  shallow: boolean
}

export interface Revision {
  /** As the user wrote it, e.g. `HEAD~1`. */
  name: string
  commit: string
  /** The commit's date (YYYY-MM-DD, the committer's) and the first line of its message: how a person knows a version. */
  date?: string
  subject?: string
}

interface GitResult {
  status: number
  stdout: Buffer
  stderr: string
}

function git(args: readonly string[], cwd: string, input?: Buffer | string): GitResult {
  const result = spawnSync('git', ['--literal-pathspecs', '-c', 'core.quotePath=false', ...args], {
    cwd,
    input,
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' }
  })
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new UsageError('找不到 git 命令：notice diff 需要 git，请先安装 git')
    throw new UsageError(`无法运行 git（${result.error.message}）`)
  }
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr.toString('utf8') }
}

/** The repository the working directory is in; a clear error outside one. */
export function openRepository(cwd: string): Repository {
  const top = git(['rev-parse', '--show-toplevel'], cwd)
  const root = top.stdout.toString('utf8').trim()
  if (top.status !== 0 || root === '') {
    throw new UsageError(
      `当前文件夹（${cwd}）不在 git 仓库中：notice diff 比较的是 git 中保存的版本，请在内容所在的仓库中运行（可先用 git init 建立仓库并提交内容）`
    )
  }
  const shallow = git(['rev-parse', '--is-shallow-repository'], cwd).stdout.toString('utf8').trim() === 'true'
  return { root, shallow }
}

/** A revision (commit, branch, tag, `HEAD~1` …) resolved to its commit; a clear error when git does not know it. */
export function resolveRevision(repo: Repository, name: string): Revision {
  if (name === '' || name.startsWith('-')) throw new UsageError(`“${name}”不是有效的版本：请写提交号、分支名、标签或 HEAD~1 这样的版本`)
  const result = git(['rev-parse', '--verify', '--quiet', `${name}^{commit}`], repo.root)
  const commit = result.stdout.toString('utf8').trim()
  if (result.status !== 0 || !/^[0-9a-f]{40,64}$/u.test(commit)) {
    const hint = repo.shallow
      ? '。这是浅克隆（shallow clone），较早的版本可能不在本地：可用 git fetch --deepen=10 取回更多历史'
      : '。可用 git log --oneline 查看已有的版本'
    throw new UsageError(`在 git 仓库中找不到版本“${name}”${hint}`)
  }
  const described = git(['log', '-1', '--format=%cs%x00%s', commit], repo.root)
  const [date = '', subject = ''] = described.status === 0 ? described.stdout.toString('utf8').trim().split('\0') : []
  return { name, commit, ...(/^\d{4}-\d{2}-\d{2}$/u.test(date) ? { date } : {}), ...(subject ? { subject } : {}) }
}

/** The content folder's path inside the repository (`content`, or '' when the repository is the content folder). */
export function contentPathInRepository(repo: Repository, contentDir: string, cwd: string): string {
  const absolute = path.resolve(realCwd(cwd), contentDir)
  const relative = path.relative(repo.root, absolute)
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new UsageError(`内容文件夹 ${contentDir} 不在 git 仓库 ${repo.root} 之内：请在内容所在的仓库中运行`)
  }
  return relative.split(path.sep).join('/')
}

function realCwd(cwd: string): string {
  try {
    return realpathSync(cwd)
  } catch {
    return cwd
  }
}

interface TreeEntry {
  mode: string
  type: string
  object: string
  ref: string
}

/**
 * The content folder at a revision, as the same `ContentSource` the disk reader gives.
 * Diagnostics name files `REV:path/in/repository`, which `git show` understands.
 */
export function readContentAt(repo: Repository, revision: Revision, contentPath: string, displayFolder: string): ContentSource {
  const prefix = contentPath === '' ? '' : `${contentPath}/`
  const listed = git(['ls-tree', '-r', '-z', '--full-tree', revision.commit, ...(contentPath === '' ? [] : ['--', contentPath])], repo.root)
  if (listed.status !== 0) throw new UsageError(`无法读取版本“${revision.name}”的文件列表：${listed.stderr.trim()}`)
  const entries: TreeEntry[] = []
  for (const record of listed.stdout.toString('utf8').split('\0')) {
    const tab = record.indexOf('\t')
    if (tab === -1) continue
    const [mode = '', type = '', object = ''] = record.slice(0, tab).split(' ')
    const full = record.slice(tab + 1)
    if (!full.startsWith(prefix)) continue
    entries.push({ mode, type, object, ref: full.slice(prefix.length) })
  }
  if (entries.length === 0) {
    throw new UsageError(`版本“${revision.name}”中没有内容文件夹 ${displayFolder}（${contentPath || '仓库根目录'}）：请检查版本和 --content`)
  }

  const display = (ref: string): string => `${revision.name}:${prefix}${ref}`
  const diagnostics: Diagnostic[] = []
  const problem = (ref: string, rule: string, message: string, severity: Diagnostic['severity'] = 'error'): void => {
    diagnostics.push({ file: display(ref), line: 1, column: 1, severity, rule, message })
  }
  const byRef = new Map(entries.filter((entry) => entry.type === 'blob').map((entry) => [entry.ref, entry]))
  const plan = planContent([...byRef.keys()])
  for (const found of plan.problems) problem(found.ref, found.rule, found.message, found.severity)

  const wanted = [...(plan.site ? [plan.site] : []), ...plan.notices.flatMap((notice) => notice.files.map((file) => file.ref))]
  const blobs = readBlobs(
    repo,
    wanted.flatMap((ref) => {
      const entry = byRef.get(ref)
      if (!entry) return []
      if (entry.mode === '120000') {
        problem(ref, 'file', '这个文件是符号链接：为安全起见不会读取，请把文件本身放进内容文件夹')
        return []
      }
      return [entry.object]
    })
  )
  const textOf = (ref: string): string | undefined => {
    const entry = byRef.get(ref)
    const bytes = entry ? blobs.get(entry.object) : undefined
    if (!bytes) return undefined
    const decoded = sourceText(bytes)
    if (decoded.ok) return decoded.text
    problem(ref, decoded.rule, decoded.message)
    return undefined
  }

  const source: ContentSource = { notices: [], diagnostics }
  if (plan.site) {
    const text = textOf(plan.site)
    if (text !== undefined) source.site = { path: display(plan.site), text }
  }
  for (const notice of plan.notices) {
    const files: SourceFile[] = []
    for (const file of notice.files) {
      const text = textOf(file.ref)
      if (text !== undefined) files.push({ path: display(file.ref), ref: file.ref, name: file.name, kind: file.kind, text })
    }
    source.notices.push({ id: notice.id, files })
  }
  return source
}

/** Blob contents by object id, all in one `git cat-file --batch`. */
function readBlobs(repo: Repository, objects: readonly string[]): Map<string, Buffer> {
  const unique = [...new Set(objects)]
  const blobs = new Map<string, Buffer>()
  if (unique.length === 0) return blobs
  const result = git(['cat-file', '--batch'], repo.root, `${unique.join('\n')}\n`)
  if (result.status !== 0) throw new UsageError(`git 读取文件内容失败：${result.stderr.trim()}`)
  const out = result.stdout
  let offset = 0
  while (offset < out.length) {
    const newline = out.indexOf(0x0a, offset)
    if (newline === -1) break
    const header = out.subarray(offset, newline).toString('utf8').split(' ')
    const [object = '', type = '', sizeText = ''] = header
    offset = newline + 1
    if (type === 'missing' || sizeText === '') continue
    const size = Number(sizeText)
    blobs.set(object, out.subarray(offset, offset + size))
    offset += size + 1
  }
  return blobs
}
