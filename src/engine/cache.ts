/**
 * The build cache: what each notice gave last time, keyed by hashes of everything it depends on
 * (its files, site.yml, the templates, the program itself). It lives in one file with a checksum;
 * a cache that is corrupt, from another version, or otherwise foreign is discarded, never trusted.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Diagnostic, DiagnosticCounts } from '../diagnostics/diagnostic.js'
import type { IndexEntry } from '../model/outputs.js'
import type { WrittenFile } from '../write/staging.js'

export interface CachedNotice {
  /** A hash of the path in the content folder, size and mtime of each input: when it matches, the files are not even read. */
  stats: string
  inputs: string
  /** The notice's diagnostics live in a file of their own (`diagnostics/<id>.json`), read only when shown. */
  validation: { key: string; counts: DiagnosticCounts; entry: IndexEntry; draft: boolean }
  render?: { key: string; outputs: WrittenFile[] }
  /**
   * The PDF last printed for this notice: `key` hashes what its print page was made from (content,
   * site.yml, program, templates), so a build without --pdf keeps the file while that is unchanged.
   */
  pdf?: { key: string; file: WrittenFile }
}

export interface CacheData {
  format: 3
  program: string
  notices: Record<string, CachedNotice>
}

const format = 3
const cacheFile = 'build-cache.json'

export function hash(...parts: readonly string[]): string {
  const digest = createHash('sha256')
  for (const part of parts) {
    digest.update(String(part.length))
    digest.update(':')
    digest.update(part)
  }
  return digest.digest('hex')
}

let programHash: string | undefined
/** A hash of the compiled program and its version: a new notice-press invalidates every entry. */
export function currentProgram(): string {
  if (programHash) return programHash
  // Run from the bundle, the program is the bundle's folder; run from the compiled modules, all of lib/.
  const here = fileURLToPath(new URL('./', import.meta.url))
  const libRoot = path.basename(here) === 'bundle' ? here : fileURLToPath(new URL('../', import.meta.url))
  const files = (readdirSync(libRoot, { recursive: true }) as string[]).filter((file) => file.endsWith('.js') || file.endsWith('.cjs')).sort()
  // The files' bytes, not their text: decoding a megabyte and more of JavaScript took longer than hashing it.
  const digest = createHash('sha256')
  digest.update(readFileSync(new URL('../../package.json', import.meta.url)))
  for (const file of files) {
    const bytes = readFileSync(path.join(libRoot, file))
    digest.update(`\0${file}\0${bytes.length}\0`)
    digest.update(bytes)
  }
  programHash = digest.digest('hex')
  return programHash
}

export function emptyCache(program = currentProgram()): CacheData {
  return { format, program, notices: {} }
}

export function readCache(dir: string): { cache: CacheData; discarded?: string } {
  let raw: string
  try {
    raw = readFileSync(path.join(dir, cacheFile), 'utf8')
  } catch {
    return { cache: emptyCache() }
  }
  try {
    const envelope = JSON.parse(raw) as { checksum?: unknown; body?: unknown }
    if (typeof envelope.body !== 'string' || envelope.checksum !== hash(envelope.body)) return { cache: emptyCache(), discarded: '校验和不符' }
    const data = JSON.parse(envelope.body) as Partial<CacheData>
    if (data.format !== format || typeof data.notices !== 'object' || data.notices === null) return { cache: emptyCache(), discarded: '格式不符' }
    if (data.program !== currentProgram()) return { cache: emptyCache(), discarded: '程序已更新' }
    return { cache: data as CacheData }
  } catch {
    return { cache: emptyCache(), discarded: '无法解析' }
  }
}

export function writeCache(dir: string, cache: CacheData): void {
  mkdirSync(dir, { recursive: true })
  // The cache is local to a machine: keep it out of the site's git repository without asking the user.
  writeFileSync(path.join(dir, '.gitignore'), '*\n')
  const body = JSON.stringify(cache)
  const temporary = path.join(dir, `${cacheFile}.tmp-${process.pid}`)
  writeFileSync(temporary, JSON.stringify({ checksum: hash(body), body }))
  renameSync(temporary, path.join(dir, cacheFile))
}

const diagnosticsFolder = 'diagnostics'

/** A notice's diagnostics as cached for `key`; undefined when missing, corrupt or for another key. */
export function readCachedDiagnostics(dir: string, id: string, key: string): Diagnostic[] | undefined {
  try {
    const envelope = JSON.parse(readFileSync(path.join(dir, diagnosticsFolder, `${id}.json`), 'utf8')) as { checksum?: unknown; body?: unknown }
    if (typeof envelope.body !== 'string' || envelope.checksum !== hash(envelope.body)) return undefined
    const data = JSON.parse(envelope.body) as { key?: unknown; diagnostics?: unknown }
    return data.key === key && Array.isArray(data.diagnostics) ? (data.diagnostics as Diagnostic[]) : undefined
  } catch {
    return undefined
  }
}

export function writeCachedDiagnostics(dir: string, id: string, key: string, diagnostics: readonly Diagnostic[]): void {
  const folder = path.join(dir, diagnosticsFolder)
  mkdirSync(folder, { recursive: true })
  const body = JSON.stringify({ key, diagnostics })
  // Written in place: a torn file fails its checksum and is recomputed, so no rename is needed.
  writeFileSync(path.join(folder, `${id}.json`), JSON.stringify({ checksum: hash(body), body }))
}
