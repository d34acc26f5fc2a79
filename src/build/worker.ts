import { parentPort, workerData } from 'node:worker_threads'
import type { NoticeSource } from '../load/notice.js'
import { createRenderer } from '../render/templates.js'
import type { WorkerSetup } from './pool.js'
import { processNotice } from './process.js'

const setup = workerData as WorkerSetup
const renderer = setup.templates ? createRenderer(setup.templates.sources, setup.templates.assets) : undefined

parentPort?.on('message', ({ job, source }: { job: number; source: NoticeSource }) => {
  try {
    parentPort?.postMessage({ job, result: processNotice(source, setup.site, renderer, { pdf: Boolean(setup.pdf) }) })
  } catch (error) {
    parentPort?.postMessage({ job, error: error instanceof Error ? error.message : String(error) })
  }
})
