import { readFileSync } from 'node:fs'
import path from 'node:path'
import { importText, kindOf, type ImportReport } from '../../src/import/import.js'
import { loadNotice, type LoadedNotice } from '../../src/load/notice.js'
import { defaultStatusPhrases, type Status } from '../../src/model/vocabulary.js'
import { renderText } from '../../src/render/text.js'
import { repoRoot } from './cli.js'

export const noticeFixture = (name: string): string => path.join(repoRoot, 'tests', 'fixtures', 'notices', `${name}.txt`)

export interface Imported {
  source: string
  report: ImportReport
  files: Array<{ path: string; text: string }>
  loaded: LoadedNotice
  /** The notice as text, as the build writes notice.txt. */
  text: string
}

/** Imports a fixture notice and reads the files back with the loader, as `notice import` then `notice build` do. */
export function importFixture(name: string, statusPhrases: Readonly<Record<string, Exclude<Status, 'unknown'>>> = {}): Imported {
  const source = readFileSync(noticeFixture(name), 'utf8')
  const outcome = importText(source, 'n', { statusPhrases })
  if (!outcome.ok) throw new Error(`import refused at line ${outcome.line}: ${outcome.message}`)
  const loaded = loadImported('n', outcome.files, statusPhrases)
  return { source, report: outcome.report, files: outcome.files, loaded, text: renderText(loaded.document) }
}

/** Reads the files an import wrote for notice `id` back with the loader, as they would lie in `content/<id>/`. */
export function loadImported(
  id: string,
  files: ReadonlyArray<{ path: string; text: string }>,
  statusPhrases: Readonly<Record<string, Exclude<Status, 'unknown'>>> = {}
): LoadedNotice {
  return loadNotice(
    {
      id,
      files: files.map((file) => ({
        path: `${id}/${file.path}`,
        ref: `${id}/${file.path}`,
        name: file.path.split('/').pop() ?? file.path,
        kind: kindOf(file.path),
        text: file.text
      }))
    },
    { statusPhrases: { ...defaultStatusPhrases, ...statusPhrases } }
  )
}

/** Counts as a reader gives them: total, done, in progress, partial, unknown. */
export function counts(loaded: LoadedNotice): { total: number; done: number; inProgress: number; partial: number; unknown: number } {
  const by = loaded.record.stats.byStatus
  return { total: loaded.record.stats.total, done: by.done ?? 0, inProgress: by.in_progress ?? 0, partial: by.partial ?? 0, unknown: by.unknown ?? 0 }
}
