/**
 * What kind of Word file `notice import` was given, and the conversion of a legacy .doc/.wps to
 * .docx by LibreOffice when it is installed (the only way this program reads those formats).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export type WordKind = 'docx' | 'legacy' | undefined

/** A zip (a .docx) or an OLE compound file (.doc, .wps) by its first bytes; the name decides for a zip only. */
export function wordKind(bytes: Uint8Array, name: string): WordKind {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05)
  const isCompound = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0
  const extension = path.extname(name).toLowerCase()
  if (isCompound || extension === '.doc' || extension === '.wps') return 'legacy'
  if (isZip || extension === '.docx') return 'docx'
  return undefined
}

/** LibreOffice's command: NOTICE_SOFFICE, else `soffice` on the PATH. */
export function sofficePath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.NOTICE_SOFFICE) return existsSync(env.NOTICE_SOFFICE) ? env.NOTICE_SOFFICE : undefined
  for (const folder of (env.PATH ?? '').split(path.delimiter)) {
    if (!folder) continue
    const candidate = path.join(folder, 'soffice')
    if (existsSync(candidate)) return candidate
  }
  return undefined
}

/** The file converted to .docx by LibreOffice headless; undefined when the conversion gave nothing. */
export function convertToDocx(soffice: string, file: string): Uint8Array | undefined {
  const folder = mkdtempSync(path.join(tmpdir(), 'notice-word-'))
  try {
    // A profile of its own: a LibreOffice the user has open, or another conversion, does not block this one.
    const profile = `file://${path.join(folder, 'profile')}`
    spawnSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'docx', '--outdir', folder, file], {
      stdio: 'ignore',
      timeout: 120_000
    })
    const converted = readdirSync(folder).find((name) => name.toLowerCase().endsWith('.docx'))
    return converted ? new Uint8Array(readFileSync(path.join(folder, converted))) : undefined
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}
