/**
 * The search index as the build writes it: the findings of every published notice, read back
 * from the notice.json this build wrote or kept, indexed by Pagefind (in a worker thread: see
 * search-worker.ts). Reused whole when no published notice changed since the last build, as the
 * notices' own outputs are.
 */
import { Worker } from 'node:worker_threads'
import { compareStrings } from '../diagnostics/diagnostic.js'
import { UsageError } from '../model/errors.js'
import type { SearchFile } from '../search/pagefind.js'
import type { Staging, WrittenFile } from '../write/staging.js'
import { hash } from './cache.js'

export interface CachedSearch {
  key: string
  outputs: WrittenFile[]
}

export interface SearchSetup {
  /** notice.json files, absolute, in the order their findings are indexed. */
  files: string[]
}

export type SearchReply = { files: SearchFile[] } | { error: string }

/** The index depends on the published notices' records alone: their ids and validation keys. */
export function searchKey(notices: ReadonlyArray<{ id: string; validationKey: string }>): string {
  return hash('search', ...[...notices].sort((a, b) => compareStrings(a.id, b.id)).map((notice) => `${notice.id}\0${notice.validationKey}`))
}

function indexInWorker(setup: SearchSetup): Promise<SearchFile[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./search-worker.js', import.meta.url), { workerData: setup })
    worker.once('message', (reply: SearchReply) => {
      void worker.terminate()
      if ('error' in reply) reject(new Error(reply.error))
      else resolve(reply.files.map((file) => ({ path: file.path, content: new Uint8Array(file.content) })))
    })
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`索引线程意外退出（${code}）`)))
  })
}

/** Writes the search index into the staging folder, or keeps last build's; returns what the cache should remember. */
export async function writeSearchIndex(staging: Staging, ids: readonly string[], key: string, previous: CachedSearch | undefined): Promise<CachedSearch> {
  if (previous?.key === key && previous.outputs.every((output) => staging.canKeep(output.path, output))) {
    for (const output of previous.outputs) staging.keep(output.path)
    return previous
  }
  const files = [...ids].sort(compareStrings).map((id) => staging.pathOf(`${id}/notice.json`))
  let indexed: SearchFile[]
  try {
    indexed = await indexInWorker({ files })
  } catch (error) {
    // The index is made by Pagefind's own program: a machine it cannot run it is an environment problem.
    throw new UsageError(`生成站内搜索索引失败（Pagefind：${error instanceof Error ? error.message : String(error)}）。请确认已运行 npm ci 安装了 pagefind；不需要站内搜索时，可删去 site.yml 中的 search: true`)
  }
  return { key, outputs: indexed.map((file) => staging.write(file.path, file.content)) }
}
