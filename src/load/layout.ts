/**
 * The content folder's layout as a pure decision over a list of file paths: which file is
 * site.yml, which folders are notices, which files are their findings and sections, and what
 * is wrong with the rest. The disk reader and the git reader list files their own way and
 * hand the list here, so a folder means the same thing in the working tree and at a revision.
 */
import { idPattern } from '../model/id.js'
import type { Severity } from '../diagnostics/diagnostic.js'
import { decodeText } from '../text/decode.js'
import type { SourceKind } from './notice.js'

export const maxFileBytes = 2 * 1024 * 1024

export interface PlannedFile {
  /** Path inside the content folder, `/`-separated, e.g. `2021-x/findings/01-01.md`. */
  ref: string
  name: string
  kind: SourceKind
}

export interface PlannedNotice {
  id: string
  files: PlannedFile[]
}

/** A problem with a path of the content folder, before it is shown relative to anything. */
export interface LayoutProblem {
  ref: string
  severity: Severity
  rule: string
  message: string
}

export interface ContentPlan {
  site?: string
  notices: PlannedNotice[]
  problems: LayoutProblem[]
}

const partFolders: ReadonlyArray<[string, SourceKind]> = [
  ['findings', 'finding'],
  ['sections', 'section']
]

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Plans the content from every file path in it (`ref`s relative to the content folder) and the
 * top-level folders that exist, even empty ones (git has none; a disk may).
 */
export function planContent(files: readonly string[], extraFolders: readonly string[] = []): ContentPlan {
  const problems: LayoutProblem[] = []
  const plan: ContentPlan = { notices: [], problems }
  const present = new Set(files)
  if (present.has('site.yml')) plan.site = 'site.yml'

  const folders = new Set(extraFolders)
  for (const file of files) {
    const slash = file.indexOf('/')
    if (slash > 0) folders.add(file.slice(0, slash))
  }
  // Files grouped by their folder (`id/findings`), so planning stays linear in the number of files.
  const byFolder = new Map<string, string[]>()
  for (const file of files) {
    const slash = file.lastIndexOf('/')
    if (slash <= 0) continue
    const parent = file.slice(0, slash)
    const list = byFolder.get(parent)
    if (list) list.push(file.slice(slash + 1))
    else byFolder.set(parent, [file.slice(slash + 1)])
  }
  for (const folder of [...folders].filter((name) => !name.startsWith('.')).sort(byCodeUnits)) {
    if (!idPattern.test(folder)) {
      problems.push({
        ref: folder,
        severity: 'error',
        rule: 'schema',
        message: `文件夹名“${folder}”不能作为通报编号：只能用小写字母 a-z、数字和连字符 -，例如 2021-yichuan-cluster`
      })
      continue
    }
    if (!present.has(`${folder}/notice.md`)) {
      problems.push({
        ref: folder,
        severity: 'error',
        rule: 'schema',
        message: `通报文件夹 ${folder} 中没有 notice.md：请用 notice new ${folder} 创建，或删除这个文件夹`
      })
      continue
    }
    const notice: PlannedNotice = { id: folder, files: [{ ref: `${folder}/notice.md`, name: 'notice.md', kind: 'notice' }] }
    for (const [sub, kind] of partFolders) {
      const prefix = `${folder}/${sub}/`
      const names = (byFolder.get(`${folder}/${sub}`) ?? []).filter((name) => !name.startsWith('.') && !name.includes('/')).sort(byCodeUnits)
      for (const name of names) {
        const ref = `${prefix}${name}`
        if (!name.toLowerCase().endsWith('.md')) {
          problems.push({ ref, severity: 'warning', rule: 'file', message: '不是 .md 文件，已忽略：问题和章节文件的扩展名应为 .md' })
          continue
        }
        notice.files.push({ ref, name, kind })
      }
    }
    plan.notices.push(notice)
  }
  return plan
}

export function tooLargeMessage(size: number): string {
  return `文件过大（${(size / 1024 / 1024).toFixed(1)} MB，上限 ${maxFileBytes / 1024 / 1024} MB）：一个问题一个文件，请检查是否误存了其他内容`
}

export type SourceText = { ok: true; text: string } | { ok: false; rule: string; message: string }

/** A content file's bytes as text, or why they cannot be used: the same limits wherever the bytes came from. */
export function sourceText(bytes: Uint8Array): SourceText {
  if (bytes.length > maxFileBytes) return { ok: false, rule: 'file', message: tooLargeMessage(bytes.length) }
  const decoded = decodeText(bytes, { allowLegacy: false })
  if (decoded.ok) return { ok: true, text: decoded.text }
  return {
    ok: false,
    rule: 'file',
    message:
      decoded.reason === 'archive'
        ? '这是 Word/压缩文件（.docx 或 .zip），不是文本：内容文件夹中只能放 Markdown 文件，Word 文档请用 notice import 导入'
        : decoded.reason === 'binary'
          ? '这不是文本文件：内容文件夹中只能放 UTF-8 编码的 Markdown 文件'
          : '文件不是 UTF-8 编码：请在编辑器中以“UTF-8”编码另存这个文件'
  }
}
