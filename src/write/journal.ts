/**
 * The commit journal of a build: written into the staging folder in one rename, it is the moment
 * a build is decided. A build that rewrote everything replaces the output with the staging folder
 * (two renames, the old output then removed); one that kept files of the output merges into it
 * (staged files renamed in, files the build no longer makes removed). Finishing a journal again
 * after a kill completes the same work: a file already moved is no longer staged, a removed file
 * stays removed, and each step of the replacement can be seen on disk to be done or not.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { assertSafeOutputPath } from './safe-path.js'

export type Journal =
  | { mode: 'replace' }
  | {
      mode: 'merge'
      /** Output files, relative with `/`, that the new output does not hold. */
      remove: string[]
    }

const journalName = '.notice-press-commit'

export function commitJournal(stagingFolder: string, journal: Journal): void {
  const temporary = path.join(stagingFolder, `${journalName}.tmp`)
  writeFileSync(temporary, JSON.stringify(journal))
  renameSync(temporary, path.join(stagingFolder, journalName))
}

/** The journal of a staging folder; undefined when the build never got that far (or it is unreadable). */
export function readJournal(stagingFolder: string): Journal | undefined {
  try {
    const data = JSON.parse(readFileSync(path.join(stagingFolder, journalName), 'utf8')) as { mode?: unknown; remove?: unknown }
    if (data.mode === 'replace') return { mode: 'replace' }
    if (data.mode !== 'merge' || !Array.isArray(data.remove) || !data.remove.every((file) => typeof file === 'string')) return undefined
    return { mode: 'merge', remove: data.remove as string[] }
  } catch {
    return undefined
  }
}

/** The previous output while a replacement is under way: the staging folder's name with `.old-`. */
export function retiredFolder(stagingFolder: string): string {
  return stagingFolder.replace(/\.tmp-(?=\d+-[0-9a-f]{8}$)/u, '.old-')
}

/** Carries out a decided build; `target` is the output folder. */
export function applyJournal(stagingFolder: string, target: string, journal: Journal): void {
  if (journal.mode === 'replace') replaceOutput(stagingFolder, target)
  else mergeIntoOutput(stagingFolder, target, journal.remove)
}

function replaceOutput(stagingFolder: string, target: string): void {
  const retired = retiredFolder(stagingFolder)
  if (existsSync(stagingFolder)) {
    if (existsSync(target)) renameSync(target, retired)
    renameSync(stagingFolder, target)
  }
  rmSync(path.join(target, journalName), { force: true })
  rmSync(retired, { recursive: true, force: true })
}

function mergeIntoOutput(stagingFolder: string, target: string, remove: readonly string[]): void {
  const made = new Set<string>()
  for (const file of listFiles(stagingFolder)) {
    if (file.startsWith(journalName)) continue
    const destination = path.join(target, file)
    makeFolder(target, path.dirname(file), made)
    try {
      renameSync(path.join(stagingFolder, file), destination)
    } catch {
      // A folder stands where the file goes (an output of another shape): the new output wins.
      rmSync(destination, { recursive: true, force: true })
      renameSync(path.join(stagingFolder, file), destination)
    }
  }
  const emptied = new Set<string>()
  for (const file of remove) {
    assertSafeOutputPath(file)
    rmSync(path.join(target, file), { force: true })
    for (let folder = path.posix.dirname(file); folder !== '.'; folder = path.posix.dirname(folder)) emptied.add(folder)
  }
  // Deepest first, so a folder emptied of folders goes too; a folder still holding files stays.
  for (const folder of [...emptied].sort((a, b) => b.split('/').length - a.split('/').length)) {
    try {
      rmdirSync(path.join(target, folder))
    } catch {
      // Not empty: it holds files of the new output.
    }
  }
  rmSync(stagingFolder, { recursive: true, force: true })
}

/** Makes `relative` (a folder under `root`), replacing a file that stands in its way. */
function makeFolder(root: string, relative: string, made: Set<string>): void {
  if (relative === '.' || made.has(relative)) return
  const absolute = path.join(root, relative)
  try {
    mkdirSync(absolute, { recursive: true })
  } catch {
    const parts = relative.split(path.sep)
    for (let depth = 1; depth <= parts.length; depth++) {
      const prefix = path.join(root, ...parts.slice(0, depth))
      const info = lstatSync(prefix, { throwIfNoEntry: false })
      if (info && !info.isDirectory()) rmSync(prefix, { force: true })
    }
    mkdirSync(absolute, { recursive: true })
  }
  made.add(relative)
}

/** Every file (anything but a folder) under `root`, relative with `/`; throws when `root` cannot be read. */
export function listFiles(root: string): string[] {
  const files: string[] = []
  const walk = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(path.join(folder, entry.name), relative)
      else files.push(relative)
    }
  }
  walk(root, '')
  return files
}
