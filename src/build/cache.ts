/**
 * The build cache: what each notice gave last time, keyed by hashes of everything it depends on
 * (its files, site.yml, the templates, the program itself). It lives in one file with a checksum;
 * a cache that is corrupt, from another version, or otherwise foreign is discarded, never trusted.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { IndexEntry } from '../render/site.js'
import type { WrittenFile } from '../write/staging.js'

export interface CachedNotice {
  /** [path in content folder, size, mtime] of each input: when all match, the files are not even read. */
  stats: Array<[string, number, number]>
  inputs: string
  validation: { key: string; diagnostics: Diagnostic[]; entry: IndexEntry; draft: boolean }
  render?: { key: string; outputs: WrittenFile[] }
}

export interface CacheData {
  format: 1
  program: string
  notices: Record<string, CachedNotice>
}

const format = 1
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
  const libRoot = fileURLToPath(new URL('../', import.meta.url))
  const files = (readdirSync(libRoot, { recursive: true }) as string[]).filter((file) => file.endsWith('.js')).sort()
  const packageJson = readFileSync(new URL('../../package.json', import.meta.url), 'utf8')
  programHash = hash(packageJson, ...files.flatMap((file) => [file, readFileSync(path.join(libRoot, file), 'utf8')]))
  return programHash
}

export function emptyCache(): CacheData {
  return { format, program: currentProgram(), notices: {} }
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
