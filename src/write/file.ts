/**
 * Replaces one file at once: the new text goes into a temporary file beside it, which then takes
 * the file's name. A reader (or an editor) never sees half a file.
 */
import { randomBytes } from 'node:crypto'
import { rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

export async function replaceFileAtomically(file: string, text: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`)
  const mode = (await stat(file)).mode
  try {
    await writeFile(temporary, text, { mode })
    await rename(temporary, file)
  } finally {
    await rm(temporary, { force: true })
  }
}
