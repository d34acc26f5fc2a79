/**
 * A small pool of worker threads running `processNotice`. Jobs are plain data in and out, so a
 * notice is processed the same in a worker as inline (the build decides which by corpus size).
 */
import { Worker } from 'node:worker_threads'
import type { SiteConfig } from '../model/schema.js'
import type { TemplateSources } from '../render/templates.js'
import type { NoticeJob, NoticeOutcome } from './complete.js'

export interface WorkerSetup {
  site: SiteConfig
  templates?: { sources: TemplateSources; assets: Record<string, string> }
}

/** A worker's answer: the outcome as JSON text, or the error. */
type Reply = { job: number; result: string } | { job: number; error: string }

interface Slot {
  worker: Worker
  /** Jobs sent and not yet answered. */
  pending: number
}

/** Jobs a worker holds at once: the next one is already there when it finishes one. */
const jobsPerWorker = 2

export class NoticePool {
  private readonly slots: Slot[] = []
  private readonly queue: Array<{ job: number; task: NoticeJob }> = []
  private readonly waiting = new Map<number, { resolve: (result: NoticeOutcome) => void; reject: (error: Error) => void }>()
  private nextJob = 0

  constructor(size: number, setup: WorkerSetup) {
    for (let index = 0; index < size; index++) {
      const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: setup })
      const slot: Slot = { worker, pending: 0 }
      worker.on('message', (reply: Reply) => {
        slot.pending--
        const waiter = this.waiting.get(reply.job)
        this.waiting.delete(reply.job)
        if ('error' in reply) waiter?.reject(new Error(reply.error))
        else waiter?.resolve(JSON.parse(reply.result) as NoticeOutcome)
        this.pump()
      })
      worker.on('error', (error) => {
        for (const waiter of this.waiting.values()) waiter.reject(error)
        this.waiting.clear()
      })
      this.slots.push(slot)
    }
  }

  /** Whether a worker would take a job now rather than queue it. */
  hasRoom(): boolean {
    return this.queue.length === 0 && this.slots.some((slot) => slot.pending < jobsPerWorker)
  }

  run(task: NoticeJob): Promise<NoticeOutcome> {
    const job = this.nextJob++
    return new Promise((resolve, reject) => {
      this.waiting.set(job, { resolve, reject })
      this.queue.push({ job, task })
      this.pump()
    })
  }

  private pump(): void {
    for (const slot of this.slots) {
      while (slot.pending < jobsPerWorker) {
        const next = this.queue.shift()
        if (!next) return
        slot.pending++
        slot.worker.postMessage(next)
      }
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()))
  }
}
