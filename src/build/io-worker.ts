/**
 * The I/O thread's side (see io-thread.ts): reads the listed notices in order, a few ahead of the
 * main thread, and writes the files it is given into the staging folder. It loads only the reading
 * and writing modules, so it starts in a few milliseconds, and it never waits on its event loop:
 * it sleeps on a shared counter the main thread bumps.
 */
import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads'
import { readNotice } from '../load/read.js'
import { writeStagedFile } from '../write/staging.js'
import { claim, claimed, consumed, signal, sleepUnless, started, toMain, toWorker, type IoReply, type IoRequest, type IoSetup } from './io-protocol.js'

const setup = workerData as IoSetup
const state = new Int32Array(setup.state)
const port: MessagePort = setup.port
const madeFolders = new Set<string>()
Atomics.store(state, started, 1)

function reply(message: IoReply): void {
  port.postMessage(message)
  signal(state, toMain)
}

function handle(request: IoRequest): boolean {
  if (request.kind === 'stop') return false
  if (!setup.stagingFolder) throw new Error('I/O thread without a staging folder was asked to write')
  try {
    const folder = setup.stagingFolder
    const stats = request.files.map((file) => {
      const { size, mtimeMs } = writeStagedFile(folder, file.path, file.content, madeFolders)
      return { size, mtimeMs }
    })
    reply({ kind: 'written', id: request.id, stats })
  } catch (error) {
    reply({ kind: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) })
  }
  return true
}

try {
  for (let running = true; running; ) {
    const seen = Atomics.load(state, toWorker)
    let busy = false
    for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) {
      busy = true
      if (!handle(received.message as IoRequest)) running = false
    }
    if (!running) break
    // Writes first: they free memory the main thread holds; reads only as far as it will soon need.
    const next = Atomics.load(state, claimed)
    if (next < setup.notices.length && next - Atomics.load(state, consumed) < setup.readAhead && claim(state, next)) {
      reply({ kind: 'read', index: next, ...readNotice(setup.notices[next]!) })
      busy = true
    }
    if (!busy) sleepUnless(state, toWorker, seen)
  }
} catch (error) {
  reply({ kind: 'crashed', message: error instanceof Error ? error.message : String(error) })
}
