/** Output paths come from notice ids and templates: one that would leave the output folder is a bug, refused before any write. */
import path from 'node:path'

export function assertSafeOutputPath(file: string): void {
  const normalised = path.posix.normalize(file)
  if (
    file.length === 0 ||
    normalised !== file ||
    normalised.startsWith('../') ||
    normalised === '..' ||
    path.posix.isAbsolute(normalised) ||
    file.includes('\\') ||
    file.includes('\0')
  ) {
    throw new Error(`refusing to write outside the output folder: ${JSON.stringify(file)}`)
  }
}
