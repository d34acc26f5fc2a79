/**
 * An I/O thread beside the main thread, for a build that processes notices on the main thread:
 * it reads the next notices' files while the main thread works on this one, and writes the outputs
 * the main thread hands it. Reading and writing are a fifth of a build's time and mostly system
 * calls, which the second core does while the first goes on with JavaScript.
 *
 * Both sides talk synchronously, so the build loop stays a plain loop: `take` waits for a notice's
 * files, `write` returns at once, `flush` waits until every write is done (before the commit).
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { NoticeSource } from '../load/notice.js'
import { readNotice, type NoticeListing } from '../load/read.js'
import { assertSafeOutputPath } from '../write/safe-path.js'
import { writeStagedFile, type WrittenFile } from '../write/staging.js'
import { claim, consumed, counters, signal, sleepUnless, started, toMain, toWorker, type IoReply, type IoRequest, type IoSetup } from './io-protocol.js'

/** Notices read ahead: enough that the main thread never waits, few enough to hold little memory. */
const readAhead = 32
/**
 * The thread, once the read-ahead is full, sleeps until told the main thread took more. Telling
 * it wakes it (a system call on each side), so it is told after every few notices, not every one.
 */
const wakeEvery = readAhead / 2
/** Notices' outputs handed over and not yet written, beyond which `write` waits (the texts are held until then). */
const maxPendingWrites = 16

export class IoThread {
  private readonly worker: Worker
  private readonly port
  private readonly state = new Int32Array(new SharedArrayBuffer(counters * Int32Array.BYTES_PER_ELEMENT))
  private readonly read = new Map<number, { source?: NoticeSource; diagnostics: Diagnostic[] }>()
  /** Written files whose size and mtime the I/O thread has yet to send. */
  private readonly pending = new Map<number, WrittenFile[]>()
  private readonly ids: Set<string>
  private nextRead = 0
  private nextWrite = 0
  private failure: string | undefined
  /** Folders the main thread made, for the outputs it writes before the thread has started. */
  private readonly madeFolders = new Set<string>()

  constructor(
    private readonly notices: readonly NoticeListing[],
    private readonly stagingFolder: string | undefined
  ) {
    this.ids = new Set(notices.map((notice) => notice.id))
    const channel = new MessageChannel()
    this.port = channel.port1
    const setup: IoSetup = { notices: [...notices], readAhead, state: this.state.buffer as SharedArrayBuffer, port: channel.port2, ...(stagingFolder ? { stagingFolder } : {}) }
    this.worker = new Worker(new URL('./io-worker.js', import.meta.url), { workerData: setup, transferList: [channel.port2] })
    // A thread that fails to start has done nothing and nothing waits for it: the main thread reads
    // what the thread did not claim and writes while it has not started. Unheard, the error would
    // end the process; heard, it counts only from a thread that had started.
    this.worker.on('error', (error) => {
      if (this.running) this.failure ??= error.message
    })
  }

  /** Whether the thread has begun: until then the main thread writes the outputs itself. */
  get running(): boolean {
    return Atomics.load(this.state, started) === 1
  }

  /** Whether this thread reads the notice's files. */
  reads(id: string): boolean {
    return this.ids.has(id)
  }

  /** The files of the next notice in the order given; `id` must be that notice's. */
  take(id: string): { source?: NoticeSource; diagnostics: Diagnostic[] } {
    const index = this.nextRead
    const listing = this.notices[index]
    if (listing?.id !== id) throw new Error(`I/O thread: expected notice ${listing?.id ?? '(none)'}, asked for ${id}`)
    let result: { source?: NoticeSource; diagnostics: Diagnostic[] }
    // Not begun by the I/O thread (still starting, or behind): read it here rather than wait.
    if (claim(this.state, index)) result = readNotice(listing)
    else {
      this.waitUntil(() => this.read.has(index))
      result = this.read.get(index)!
      this.read.delete(index)
    }
    this.nextRead++
    Atomics.store(this.state, consumed, this.nextRead)
    if (this.nextRead % wakeEvery === 0) signal(this.state, toWorker)
    return result
  }

  /**
   * Hands files to the I/O thread. The size and mtime of the returned records are filled in when
   * the thread has written them: read them only after `flush`.
   */
  write(files: ReadonlyArray<{ path: string; content: string | Uint8Array }>): WrittenFile[] {
    for (const file of files) assertSafeOutputPath(file.path)
    if (!this.running && this.stagingFolder !== undefined) {
      const folder = this.stagingFolder
      return files.map((file) => writeStagedFile(folder, file.path, file.content, this.madeFolders))
    }
    if (this.pending.size >= maxPendingWrites) {
      signal(this.state, toWorker)
      this.waitUntil(() => this.pending.size < maxPendingWrites / 2)
    }
    const id = this.nextWrite++
    const written = files.map((file): WrittenFile => ({ path: file.path, size: 0, mtimeMs: 0 }))
    this.pending.set(id, written)
    // Not woken for this alone: the thread takes writes whenever the reading wakes it, or at `flush`.
    this.port.postMessage({ kind: 'write', id, files: files.map(({ path, content }) => ({ path, content })) } satisfies IoRequest)
    return written
  }

  /** Waits until every file handed over is written; throws the first failure. */
  flush(): void {
    signal(this.state, toWorker)
    this.waitUntil(() => this.pending.size === 0)
  }

  async close(): Promise<void> {
    this.send({ kind: 'stop' })
    this.port.close()
    await this.worker.terminate()
  }

  private send(request: IoRequest): void {
    this.port.postMessage(request)
    signal(this.state, toWorker)
  }

  private waitUntil(done: () => boolean): void {
    for (;;) {
      const seen = Atomics.load(this.state, toMain)
      for (let received = receiveMessageOnPort(this.port); received; received = receiveMessageOnPort(this.port)) this.accept(received.message as IoReply)
      if (this.failure !== undefined) throw new Error(this.failure)
      if (done()) return
      sleepUnless(this.state, toMain, seen)
    }
  }

  private accept(reply: IoReply): void {
    if (reply.kind === 'read') {
      this.read.set(reply.index, reply.source ? { source: reply.source, diagnostics: reply.diagnostics } : { diagnostics: reply.diagnostics })
    } else if (reply.kind === 'written') {
      this.pending.get(reply.id)?.forEach((written, index) => {
        written.size = reply.stats[index]?.size ?? 0
        written.mtimeMs = reply.stats[index]?.mtimeMs ?? 0
      })
      this.pending.delete(reply.id)
    } else {
      this.failure ??= reply.message
      if (reply.kind === 'failed') this.pending.delete(reply.id)
    }
  }
}
