/**
 * The rules of the output folder that make a build atomic (staging.ts writes it): outputs never
 * leave it, a folder notice-press did not make is never replaced, and what a killed build left
 * beside it is removed or finished by the next one.
 */
import { readdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { UsageError } from '../model/errors.js'
import { applyJournal, readJournal } from './journal.js'

/** Marks a folder as notice-press output, so a build never replaces a folder it did not make. */
export const outputMarker = '.notice-press'

export async function checkOutputFolder(outDir: string): Promise<void> {
  const info = await stat(outDir).catch(() => undefined)
  if (!info) return
  if (!info.isDirectory()) throw new UsageError(`输出位置 ${outDir} 是一个文件而不是文件夹：请换一个 --out`)
  const entries = await readdir(outDir)
  if (entries.length > 0 && !entries.includes(outputMarker)) {
    throw new UsageError(`输出文件夹 ${outDir} 已存在，且不是 notice-press 生成的：为避免覆盖其中的文件，请换一个 --out，或先把它清空`)
  }
}

/**
 * Clears what a killed build left beside the output. A staging folder `<out>.tmp-<pid>-<hex>` with
 * a commit journal belongs to a build that had decided: the journal is carried out, and the output
 * becomes what that build made. One without a journal is removed. A previous output moved aside,
 * `<out>.old-<pid>-<hex>`, is removed once the output is in place, or put back when it is not.
 * Folders of a build still running (its pid alive) are left alone. Returns the names it handled.
 */
export async function recoverInterruptedBuild(outDir: string): Promise<string[]> {
  const target = path.resolve(outDir)
  const parent = path.dirname(target)
  const base = path.basename(target)
  const names = await readdir(parent).catch(() => [] as string[])
  const leftover = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\\.(tmp|old)-(\\d+)-[0-9a-f]{8}$`, 'u')
  const dead = names
    .map((name) => ({ name, match: leftover.exec(name) }))
    .filter(({ match }) => match && !isRunning(Number(match[2])))
    // Staging folders first: finishing a replacement removes the old output beside it.
    .sort((a, b) => (a.match?.[1] === b.match?.[1] ? (a.name < b.name ? -1 : 1) : a.match?.[1] === 'tmp' ? -1 : 1))
  const handled: string[] = []
  for (const { name, match } of dead) {
    const folder = path.join(parent, name)
    if (!(await stat(folder).catch(() => undefined))) continue
    if (match?.[1] === 'tmp') {
      const journal = readJournal(folder)
      // A merge needs the output it was decided against; without it the changed files alone are no output.
      const applicable = journal && (journal.mode === 'replace' || (await stat(target).catch(() => undefined))?.isDirectory())
      if (journal && applicable) applyJournal(folder, target, journal)
      else await rm(folder, { recursive: true, force: true })
    } else if ((await stat(target).catch(() => undefined)) === undefined) await rename(folder, target)
    else await rm(folder, { recursive: true, force: true })
    handled.push(name)
  }
  return handled
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
