/**
 * A build keeps last build's output files of an unchanged notice only while they are as that build
 * left them: size and mtime, and also ctime and inode (git's index tuple). An output edited in place
 * with its size kept and its mtime put back, or replaced by another file of the same size and mtime,
 * is written again.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/cli.js'
import { minimalContent, runMain } from './support.js'

/** Sets a file's mtime to exactly `ns` nanoseconds (utimes in Node takes seconds as a double and loses nanoseconds). */
function setMtimeNs(file: string, ns: bigint): void {
  const seconds = ns / 1_000_000_000n
  const fraction = (ns % 1_000_000_000n).toString().padStart(9, '0')
  const touched = spawnSync('touch', ['-m', '-d', `@${seconds}.${fraction}`, file], { encoding: 'utf8' })
  expect(touched.status, touched.stderr).toBe(0)
}

async function builtSite(): Promise<{ root: string; page: string; original: string }> {
  const root = tempDir('notice-keep-')
  cpSync(minimalContent, path.join(root, 'content'), { recursive: true })
  expect((await runMain(['build', '--content', 'content', '--out', 'out'], root)).code).toBe(0)
  const page = path.join(root, 'out', 'n1', 'index.html')
  return { root, page, original: readFileSync(page, 'utf8') }
}

/** The page with one character changed for another of the same UTF-8 length. */
function tampered(original: string): string {
  const text = original.replace('学习记录', '学习笔记')
  expect(text).not.toBe(original)
  expect(Buffer.byteLength(text)).toBe(Buffer.byteLength(original))
  return text
}

describe('outputs kept from the last build', () => {
  it('an output edited in place, its size kept and its mtime set back, is written again', async () => {
    const { root, page, original } = await builtSite()
    const before = statSync(page, { bigint: true })
    writeFileSync(page, tampered(original))
    setMtimeNs(page, before.mtimeNs)
    const after = statSync(page, { bigint: true })
    // What size and mtime alone would take for the file the build wrote.
    expect([after.size, after.mtimeNs, after.ino]).toEqual([before.size, before.mtimeNs, before.ino])
    expect((await runMain(['build', '--content', 'content', '--out', 'out'], root)).code).toBe(0)
    expect(readFileSync(page, 'utf8')).toBe(original)
  })

  it('an output replaced by another file of the same size and mtime is written again', async () => {
    const { root, page, original } = await builtSite()
    const before = statSync(page, { bigint: true })
    const other = path.join(root, 'other.html')
    writeFileSync(other, tampered(original))
    setMtimeNs(other, before.mtimeNs)
    renameSync(other, page)
    expect(statSync(page, { bigint: true }).mtimeNs).toBe(before.mtimeNs)
    expect((await runMain(['build', '--content', 'content', '--out', 'out'], root)).code).toBe(0)
    expect(readFileSync(page, 'utf8')).toBe(original)
  })

  it('an unchanged output is still kept, not written again', async () => {
    const { root, page } = await builtSite()
    const before = statSync(page, { bigint: true })
    expect((await runMain(['build', '--content', 'content', '--out', 'out'], root)).code).toBe(0)
    const after = statSync(page, { bigint: true })
    expect([after.ino, after.mtimeNs, after.ctimeNs]).toEqual([before.ino, before.mtimeNs, before.ctimeNs])
  })
})
