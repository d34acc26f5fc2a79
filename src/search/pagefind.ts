/**
 * The static search index, built by Pagefind from the findings' records. Pagefind runs as a
 * child process of its own (its binary ships in the npm package); the files come back in memory
 * and are written with the rest of the build, so a failed build publishes none of them.
 */
import type { SearchRecord } from './records.js'

export interface SearchFile {
  /** Path inside the output folder. */
  path: string
  content: Uint8Array
}

/** Where the index lives in the output, beside search.html. */
export const searchFolder = 'pagefind'

/**
 * Pagefind's own search interfaces (we draw our own, in Chinese and accessible), its highlighter
 * and playground: not needed by search.html, so not published.
 */
const unused = /^(pagefind-(ui|component-ui|modular-ui)\.(js|css)|pagefind-highlight\.js|playground\/)/u

export class SearchIndexError extends Error {}

/**
 * Indexes the records in the order given (the same order gives the same files) and returns the
 * files of the index. Records are added a batch at a time: each is a message to the Pagefind
 * process, and waiting for each answer in turn left it idle.
 */
export async function buildSearchIndex(records: AsyncIterable<readonly SearchRecord[]> | Iterable<readonly SearchRecord[]>): Promise<SearchFile[]> {
  const pagefind = await import('pagefind')
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'zh-cn', keepIndexUrl: true })
    if (!created.index) throw new SearchIndexError(created.errors.join('；'))
    const index = created.index
    for await (const batch of records) {
      const answers = await Promise.all(batch.map((record) => index.addCustomRecord(record)))
      const errors = answers.flatMap((answer) => answer.errors)
      if (errors.length > 0) throw new SearchIndexError(errors.join('；'))
    }
    const written = await index.getFiles()
    if (written.errors.length > 0) throw new SearchIndexError(written.errors.join('；'))
    return written.files
      .filter((file) => !unused.test(file.path))
      .map((file) => ({ path: `${searchFolder}/${file.path}`, content: file.content }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  } finally {
    await pagefind.close()
  }
}
