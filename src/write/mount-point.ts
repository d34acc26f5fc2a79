/**
 * Whether a folder is a mount point (a disk, a network share or a bind mount of its own). A build
 * stages beside the output and renames into it; a mount point cannot be renamed (EBUSY) and a file
 * cannot be renamed onto another file system (EXDEV), so there the staging folder goes inside.
 */
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/** Paths in /proc/self/mountinfo escape space, tab, newline and backslash as octal. */
function unescapeMountPath(text: string): string {
  return text.replace(/\\([0-7]{3})/gu, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)))
}

/** Mount points listed by Linux (a bind mount of a folder of the same disk shows only here). */
function linuxMountPoints(): Set<string> {
  try {
    const lines = readFileSync('/proc/self/mountinfo', 'utf8').split('\n')
    return new Set(
      lines
        .map((line) => line.split(' ')[4])
        .filter((field): field is string => Boolean(field))
        .map(unescapeMountPath)
    )
  } catch {
    return new Set()
  }
}

export function isMountPoint(folder: string): boolean {
  const info = statSync(folder, { throwIfNoEntry: false })
  if (!info?.isDirectory()) return false
  const parent = path.dirname(folder)
  if (parent === folder) return true
  const parentInfo = statSync(parent, { throwIfNoEntry: false })
  if (parentInfo && parentInfo.dev !== info.dev) return true
  return process.platform === 'linux' && linuxMountPoints().has(folder)
}
