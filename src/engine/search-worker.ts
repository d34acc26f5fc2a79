/**
 * The search index, made in a thread of its own: Pagefind's Node API is an ES module, which the
 * CommonJS bundle the CLI runs from cannot import, while a worker (an ES module) can. The thread
 * reads the notice.json files it is given, makes each finding a record and hands back the files.
 */
import { readFileSync } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import { noticeRecord } from '../model/schema.js'
import { buildSearchIndex } from '../search/pagefind.js'
import { searchRecords } from '../search/records.js'
import type { SearchReply, SearchSetup } from './search.js'

const setup = workerData as SearchSetup

function* batches() {
  for (const file of setup.files) yield searchRecords(noticeRecord.parse(JSON.parse(readFileSync(file, 'utf8'))))
}

buildSearchIndex(batches()).then(
  (files) => {
    const reply: SearchReply = { files }
    parentPort?.postMessage(reply, files.map((file) => file.content.buffer as ArrayBuffer))
  },
  (error: unknown) => {
    const reply: SearchReply = { error: error instanceof Error ? error.message : String(error) }
    parentPort?.postMessage(reply)
  }
)
