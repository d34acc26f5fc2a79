/**
 * One file written whole or not at all: the new content goes into a temporary file beside it,
 * which then takes the file's name (keeping the old file's permissions). A reader or an editor
 * never sees half a file.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { UsageError } from '../model/errors.js'

/** The file changed on disk since it was read: writing would lose that change. */
export class ChangedOnDisk extends Error {}

/**
 * `expected`: the text the new content was made from. The file is read again just before it is
 * replaced, and left alone when it no longer holds that text (an editor saved it meanwhile).
 */
export async function writeFileAtomically(file: string, content: string, expected?: string): Promise<void> {
  const target = path.resolve(file)
  const info = await stat(target).catch(() => undefined)
  if (info?.isDirectory()) throw new UsageError(`${file} 是一个文件夹：这里需要一个文件名，例如 revision.html`)
  await mkdir(path.dirname(target), { recursive: true })
  const staging = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`)
  try {
    await writeFile(staging, content, info ? { mode: info.mode } : {})
    if (expected !== undefined && (await readFile(target, 'utf8').catch(() => undefined)) !== expected) throw new ChangedOnDisk(file)
    await rename(staging, target)
  } finally {
    await rm(staging, { force: true })
  }
}
