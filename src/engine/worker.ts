import { parentPort, workerData } from 'node:worker_threads'
import { createRenderer } from '../render/templates.js'
import { completeNotice, type NoticeJob } from './complete.js'
import type { WorkerSetup } from './pool.js'

const setup = workerData as WorkerSetup
const renderer = setup.templates ? createRenderer(setup.templates.sources, setup.templates.assets) : undefined

parentPort?.on('message', ({ job, task }: { job: number; task: NoticeJob }) => {
  try {
    // One string crosses threads far faster than a structured clone of a hundred diagnostics.
    parentPort?.postMessage({ job, result: JSON.stringify(completeNotice(task, setup.site, renderer)) })
  } catch (error) {
    parentPort?.postMessage({ job, error: error instanceof Error ? error.message : String(error) })
  }
})
