/**
 * The I/O thread on its own (the compiled module: it starts a worker from lib/): the notices it
 * reads are the ones the main thread would read itself, in order, and a write that fails fails the
 * build at the next wait instead of being lost.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
// @ts-expect-error The bench generator is plain JavaScript without types.
import { generate } from '../../bench/corpus.mjs'
import { tempDir } from '../helpers/cli.js'
import { listContent, readNotice } from '../../src/load/read.js'

// The compiled module: its worker is lib/build/io-worker.js, which `npm test` compiles first.
const compiled = new URL('../../lib/build/io-thread.js', import.meta.url).href
const { IoThread } = (await import(compiled)) as typeof import('../../src/build/io-thread.js')

type IoThreadClass = typeof IoThread

/** Waits until the thread has begun, so what follows goes through it rather than the main thread. */
async function running(io: InstanceType<IoThreadClass>): Promise<void> {
  while (!io.running) await new Promise((resolve) => setTimeout(resolve, 5))
}

function corpus(notices: number): string {
  const root = tempDir('notice-io-')
  ;(generate as (dir: string, notices: number, findings: number) => void)(root, notices, 4)
  return path.join(root, 'notice-press', 'content')
}

describe('the I/O thread', () => {
  it('hands over each notice’s files as reading them here gives them, in order', async () => {
    const listing = listContent(corpus(30), process.cwd(), { stats: false })
    const io = new IoThread(listing.notices, undefined)
    try {
      for (const [index, notice] of listing.notices.entries()) {
        // Now and then the main thread is slow, so the thread runs ahead; other times it takes at once.
        if (index % 7 === 0) await new Promise((resolve) => setTimeout(resolve, 20))
        expect(io.take(notice.id)).toEqual(readNotice(notice))
      }
      expect(() => io.take('bench-0001')).toThrow(/expected notice \(none\)/u)
    } finally {
      await io.close()
    }
  })

  it('refuses a notice out of order', async () => {
    const listing = listContent(corpus(3), process.cwd(), { stats: false })
    const io = new IoThread(listing.notices, undefined)
    try {
      expect(() => io.take(listing.notices[1]!.id)).toThrow(/expected notice bench-0001/u)
    } finally {
      await io.close()
    }
  })

  it('writes what it is given, with the size and mtime of each file once flushed', async () => {
    const staging = path.join(tempDir('notice-io-write-'), 'staging')
    mkdirSync(staging)
    const io = new IoThread([], staging)
    await running(io)
    try {
      const files = Array.from({ length: 40 }, (_, batch) =>
        io.write(Array.from({ length: 5 }, (_, file) => ({ path: `n${batch % 9}/page-${batch * 5 + file}.html`, content: `第${batch * 5 + file}页`.repeat(batch * 5 + file + 1) })))
      ).flat()
      io.flush()
      for (const [index, file] of files.entries()) {
        const text = readFileSync(path.join(staging, file.path), 'utf8')
        expect(text).toBe(`第${index}页`.repeat(index + 1))
        expect(file.size).toBe(Buffer.byteLength(text))
        expect(file.mtimeMs).toBeGreaterThan(0)
      }
    } finally {
      await io.close()
    }
  })

  it('reports a write that failed at the flush, and refuses a path outside the output', async () => {
    const root = tempDir('notice-io-fail-')
    const staging = path.join(root, 'staging')
    mkdirSync(staging)
    // A file where a folder must go: the thread cannot make `blocked/`.
    writeFileSync(path.join(staging, 'blocked'), '')
    const io = new IoThread([], staging)
    await running(io)
    try {
      io.write([{ path: 'fine/index.html', content: 'ok' }])
      io.write([{ path: 'blocked/index.html', content: 'never' }])
      expect(() => io.flush()).toThrow(/EEXIST|ENOTDIR/u)
      expect(() => io.write([{ path: '../outside.html', content: 'no' }])).toThrow()
    } finally {
      await io.close()
    }
  })

  it('that never starts, its file missing from the install, leaves the main thread to read and write everything', async () => {
    // A copy of the compiled modules without the thread's own file.
    const root = tempDir('notice-io-missing-')
    cpSync(path.join(process.cwd(), 'lib'), path.join(root, 'lib'), { recursive: true })
    cpSync(path.join(process.cwd(), 'package.json'), path.join(root, 'package.json'))
    rmSync(path.join(root, 'lib', 'build', 'io-worker.js'))
    const { IoThread: Orphan } = (await import(pathToFileURL(path.join(root, 'lib', 'build', 'io-thread.js')).href)) as { IoThread: IoThreadClass }
    const listing = listContent(corpus(20), process.cwd(), { stats: false })
    const staging = path.join(root, 'staging')
    mkdirSync(staging)
    const io = new Orphan(listing.notices, staging)
    try {
      for (const [index, notice] of listing.notices.entries()) {
        expect(io.take(notice.id)).toEqual(readNotice(notice))
        // The thread's failure arrives while the build goes on; unheard, it would end the process.
        await new Promise((resolve) => setTimeout(resolve, 5))
        const [written] = io.write([{ path: `${notice.id}/index.html`, content: `第${index}份` }])
        expect(written?.size).toBe(Buffer.byteLength(`第${index}份`))
      }
      io.flush()
      expect(io.running).toBe(false)
      for (const [index, notice] of listing.notices.entries()) expect(readFileSync(path.join(staging, notice.id, 'index.html'), 'utf8')).toBe(`第${index}份`)
    } finally {
      await io.close()
    }
  })
})
