/**
 * The only part of loading that touches the disk: finds site.yml and the notice folders,
 * reads each file as UTF-8, and reports files it cannot use. Everything after is pure.
 */
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { idPattern } from '../model/schema.js'
import { decodeText } from '../text/decode.js'
import type { NoticeSource, SourceFile, SourceKind } from './notice.js'

export const maxFileBytes = 2 * 1024 * 1024

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
  const ref = (absolute: string): string => path.relative(root, absolute).split(path.sep).join('/')
  const diagnostics: Diagnostic[] = []
  const problem = (absolute: string, message: string, rule = 'schema'): void => {
    diagnostics.push({ file: display(absolute), line: 1, column: 1, severity: 'error', rule, message })
  }

  const readSource = async (absolute: string): Promise<string | undefined> => {
    const info = await lstat(absolute)
    if (info.isSymbolicLink()) {
      const target = await realpath(absolute).catch(() => undefined)
      if (!target) {
        problem(absolute, '这个链接指向的文件不存在：请把文件本身复制进来，或删除这个链接', 'file')
        return undefined
      }
      if (!isInside(realRoot, target)) {
        problem(absolute, '这个文件是指向内容文件夹之外的链接：为安全起见不会读取，请把文件本身复制进来', 'file')
        return undefined
      }
    }
    const target = await stat(absolute)
    // Reading a folder fails, and reading a named pipe or device would wait forever: only plain files are read.
    if (!target.isFile()) {
      problem(absolute, target.isDirectory() ? '这里应是一个文件，却是一个文件夹：请改名或移走这个文件夹' : '这不是普通文件（可能是管道或设备）：内容文件夹中只能放 Markdown 文件', 'file')
      return undefined
    }
    const size = target.size
    if (size > maxFileBytes) {
      problem(absolute, `文件过大（${(size / 1024 / 1024).toFixed(1)} MB，上限 ${maxFileBytes / 1024 / 1024} MB）：一个问题一个文件，请检查是否误存了其他内容`, 'file')
      return undefined
    }
    const bytes = await readFile(absolute).catch(() => undefined)
    if (!bytes) {
      problem(absolute, '无法读取这个文件：请检查文件权限，或它是否正被其他程序占用', 'file')
      return undefined
    }
    const decoded = decodeText(bytes, { allowLegacy: false })
    if (!decoded.ok) {
      problem(
        absolute,
        decoded.reason === 'binary' ? '这不是文本文件：内容文件夹中只能放 UTF-8 编码的 Markdown 文件' : '文件不是 UTF-8 编码：请在编辑器中以“UTF-8”编码另存这个文件',
        'file'
      )
      return undefined
    }
    return decoded.text
  }

  const source: ContentSource = { notices: [], diagnostics }
  const sitePath = path.join(root, 'site.yml')
  if (await exists(sitePath)) {
    const text = await readSource(sitePath)
    if (text !== undefined) source.site = { path: display(sitePath), text }
  }

  const entries = (await readdir(root, { withFileTypes: true })).filter((entry) => !entry.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const absolute = path.join(root, entry.name)
    const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(absolute).catch(() => undefined))?.isDirectory())
    if (!isDirectory || absolute === sitePath) continue
    if (!idPattern.test(entry.name)) {
      problem(absolute, `文件夹名“${entry.name}”不能作为通报编号：只能用小写字母 a-z、数字和连字符 -，例如 2021-yichuan-cluster`)
      continue
    }
    if (entry.isSymbolicLink() && !isInside(realRoot, await realpath(absolute))) {
      problem(absolute, '这个文件夹是指向内容文件夹之外的链接：为安全起见不会读取', 'file')
      continue
    }
    const files: SourceFile[] = []
    const noticePath = path.join(absolute, 'notice.md')
    if (await exists(noticePath)) {
      const text = await readSource(noticePath)
      // Its problem is reported; loading the rest without it would only add errors that follow from it.
      if (text === undefined) continue
      files.push({ path: display(noticePath), ref: ref(noticePath), name: 'notice.md', kind: 'notice', text })
    } else {
      problem(absolute, `通报文件夹 ${entry.name} 中没有 notice.md：请用 notice new ${entry.name} 创建，或删除这个文件夹`)
      continue
    }
    for (const [folder, kind] of [['findings', 'finding'], ['sections', 'section']] as Array<[string, SourceKind]>) {
      const folderPath = path.join(absolute, folder)
      const folderInfo = await stat(folderPath).catch(() => undefined)
      if (!folderInfo) continue
      if (!folderInfo.isDirectory()) {
        problem(folderPath, `${folder} 应是一个文件夹，这里却是一个文件：请改名或移走它`, 'file')
        continue
      }
      const names = (await readdir(folderPath)).filter((name) => !name.startsWith('.')).sort()
      for (const name of names) {
        const filePath = path.join(folderPath, name)
        if (!name.toLowerCase().endsWith('.md')) {
          diagnostics.push({ file: display(filePath), line: 1, column: 1, severity: 'warning', rule: 'file', message: '不是 .md 文件，已忽略：问题和章节文件的扩展名应为 .md' })
          continue
        }
        const text = await readSource(filePath)
        if (text !== undefined) files.push({ path: display(filePath), ref: ref(filePath), name, kind, text })
      }
    }
    source.notices.push({ id: entry.name, files })
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
