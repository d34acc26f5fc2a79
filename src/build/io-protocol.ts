/**
 * What the main thread and the I/O thread say to each other. Messages travel on a MessagePort
 * that each side reads synchronously (`receiveMessageOnPort`); a shared array of counters says
 * when there is something to read, so neither side needs its event loop to turn.
 */
import type { MessagePort } from 'node:worker_threads'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { NoticeSource } from '../load/notice.js'
import type { NoticeListing } from '../load/read.js'

/** Index into the shared counters: notices the main thread has taken (bounds the read-ahead). */
export const consumed = 0
/** Bumped by the main thread after each request, by the I/O thread after each reply. */
export const toWorker = 1
export const toMain = 2
/** Set while that side waits on its counter: a wake-up is a system call, made only then. */
const sleeping = { [toWorker]: 3, [toMain]: 4 }
/**
 * The next notice nobody has begun to read. Either side claims one by moving this on, so the
 * main thread reads the first notices itself while the I/O thread is still starting.
 */
export const claimed = 5
/**
 * Set by the I/O thread as it begins. Until then the main thread writes outputs itself, so a thread
 * that never starts (its file missing from a damaged install) leaves nothing waiting for it.
 */
export const started = 6
export const counters = 7

/** Claims notice `index` for reading, if nobody has yet. */
export function claim(state: Int32Array, index: number): boolean {
  return Atomics.compareExchange(state, claimed, index, index + 1) === index
}

export interface IoSetup {
  /** The notices to read, in the order the main thread takes them. */
  notices: NoticeListing[]
  /** How many notices the I/O thread reads before the main thread takes them. */
  readAhead: number
  stagingFolder?: string
  state: SharedArrayBuffer
  port: MessagePort
}

/** A notice's outputs go over in one message: one wake-up of the thread for them all. */
export type IoRequest = { kind: 'write'; id: number; files: Array<{ path: string; content: string | Uint8Array }> } | { kind: 'stop' }

export type IoReply =
  | { kind: 'read'; index: number; source?: NoticeSource; diagnostics: Diagnostic[] }
  | { kind: 'written'; id: number; stats: Array<{ size: number; mtimeMs: number }> }
  | { kind: 'failed'; id: number; message: string }
  | { kind: 'crashed'; message: string }

/** Says there is something to read on the port (or the read-ahead may move on). */
export function signal(state: Int32Array, counter: typeof toWorker | typeof toMain): void {
  Atomics.add(state, counter, 1)
  if (Atomics.load(state, sleeping[counter]) === 1) Atomics.notify(state, counter)
}

/**
 * Waits for the next signal on `counter`, unless one came since `seen` was read. A signal either
 * comes before the sleep is flagged, and the wait sees the counter moved and returns at once, or
 * after, and finds the flag set and wakes the wait.
 */
export function sleepUnless(state: Int32Array, counter: typeof toWorker | typeof toMain, seen: number): void {
  Atomics.store(state, sleeping[counter], 1)
  Atomics.wait(state, counter, seen)
  Atomics.store(state, sleeping[counter], 0)
}
