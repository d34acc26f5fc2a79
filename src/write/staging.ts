/**
 * A build's output in the making. What the build writes goes into a staging folder beside the
 * output; what it keeps from the last build stays where it is. On commit, a journal naming the
 * output's files to remove is written into the staging folder in one rename, and from then on the
 * build is decided: the staged files are renamed into the output and the stale ones removed. A
 * build killed before the journal leaves the previous output untouched (its staging folder is
 * removed by the next build); one killed after it is finished by the next build (see atomic.ts).
 * So an edit to one notice costs renames of its own files, not a copy of the whole site.
 */
import { randomBytes } from 'node:crypto'
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { checkOutputFolder, markerText, outputMarker, outputTarget, recoverInterruptedBuild } from './atomic.js'
import { isMountPoint } from './mount-point.js'
import { assertSafeOutputPath } from './safe-path.js'
import { applyJournal, commitJournal, listFiles, type Journal } from './journal.js'

export interface WrittenFile {
  path: string
  size: number
  mtimeMs: number
  /**
   * Change time and inode in the output, taken once the build is committed (moving a file into the
   * output changes its ctime): with size and mtime, git's index tuple. An edit that keeps the size
   * and puts the mtime back still changes the ctime; a file saved by rename has another inode.
   */
  ctimeMs?: number
  ino?: number
}

/**
 * Writes one output file into a staging folder (made folders are remembered in `madeFolders`),
 * returning the size and mtime the cache keeps to tell later whether the file is still as written.
 * Workers write with it too, beside the main thread.
 */
export function writeStagedFile(folder: string, file: string, content: string | Uint8Array, madeFolders: Set<string>): WrittenFile {
  assertSafeOutputPath(file)
  const destination = path.join(folder, file)
  const parent = path.dirname(destination)
  if (!madeFolders.has(parent)) {
    mkdirSync(parent, { recursive: true })
    madeFolders.add(parent)
  }
  // Size and mtime from the open file: no second lookup of the path.
  const descriptor = openSync(destination, 'w')
  try {
    writeFileSync(descriptor, content)
    const info = fstatSync(descriptor)
    return { path: file, size: info.size, mtimeMs: info.mtimeMs }
  } finally {
    closeSync(descriptor)
  }
}

export class Staging {
  readonly target: string
  readonly folder: string
  private readonly madeFolders = new Set<string>()
  /** Every file the new output holds: written into the staging folder, or kept from the current output. */
  private readonly produced = new Set<string>([outputMarker])
  private kept = 0
  private finished = false
  /** What this build wrote: their ctime and inode are read in the output after the commit. */
  private readonly written: WrittenFile[] = []

  /** The output's files when the build began: what a merge may remove (never a file added since). */
  private readonly existing: string[] | undefined

  /** The output is a mount point: staged inside it, merged file by file (it cannot be renamed). */
  private readonly inside: boolean

  private constructor(target: string, existing: string[] | undefined, inside: boolean) {
    this.target = target
    this.existing = existing
    this.inside = inside
    const name = `${process.pid}-${randomBytes(4).toString('hex')}`
    this.folder = inside ? path.join(target, `.notice-press-tmp-${name}`) : `${target}.tmp-${name}`
    mkdirSync(path.dirname(target), { recursive: true })
    mkdirSync(this.folder)
  }

  static async open(outDir: string, shown = outDir): Promise<Staging> {
    const target = await outputTarget(outDir, shown)
    // A build killed after deciding is finished, one killed before is cleared, before anything else.
    await recoverInterruptedBuild(target)
    const inside = isMountPoint(target)
    const existing = await checkOutputFolder(target, shown, inside)
    return new Staging(target, existing, inside)
  }

  write(file: string, content: string | Uint8Array): WrittenFile {
    const written = writeStagedFile(this.folder, file, content, this.madeFolders)
    this.produced.add(file)
    this.written.push(written)
    return written
  }

  /** Records files a worker wrote into the staging folder. */
  adopt(files: readonly WrittenFile[]): void {
    for (const file of files) {
      this.produced.add(file.path)
      this.written.push(file)
    }
  }

  /** Whether the current output still holds this file as the last build wrote it. */
  canKeep(file: string, expected: WrittenFile): boolean {
    try {
      const info = statSync(path.join(this.target, file))
      return info.size === expected.size && info.mtimeMs === expected.mtimeMs && info.ctimeMs === expected.ctimeMs && info.ino === expected.ino
    } catch {
      return false
    }
  }

  /** Keeps a file of the current output as it is in the new output. */
  keep(file: string): void {
    assertSafeOutputPath(file)
    this.produced.add(file)
    this.kept++
  }

  commit(): void {
    writeFileSync(path.join(this.folder, outputMarker), markerText(this.produced))
    if (!existsSync(this.target)) {
      // No output yet: the staging folder becomes it in one rename.
      renameSync(this.folder, this.target)
    } else {
      // Renaming files one by one into a folder costs more than removing it: a build that kept
      // nothing replaces the output whole.
      const journal: Journal =
        this.kept === 0 && !this.inside
          ? { mode: 'replace' }
          : { mode: 'merge', remove: (this.existing ?? listFiles(this.target)).filter((file) => !this.produced.has(file)) }
      commitJournal(this.folder, journal)
      applyJournal(this.folder, this.target, journal)
    }
    this.finished = true
    for (const file of this.written) {
      const info = statSync(path.join(this.target, file.path), { throwIfNoEntry: false })
      // Not found (removed meanwhile): left without, so the next build writes it again.
      if (info) {
        file.ctimeMs = info.ctimeMs
        file.ino = info.ino
      }
    }
  }

  abort(): void {
    if (this.finished) return
    this.finished = true
    rmSync(this.folder, { recursive: true, force: true })
  }
}
