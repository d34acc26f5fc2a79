/**
 * The frontmatter values a notice publishes, each with where it is written: what the rules that
 * look past the notice's lines (private data, invisible characters) read.
 */
import { locate, type Frontmatter } from '../load/frontmatter.js'
import type { LoadedNotice } from '../load/notice.js'

/** Top-level frontmatter keys that never reach an output. */
const unpublished = new Set(['internal', 'ignore'])

/** Every string (or number) of the frontmatter with its path, outside the unpublished keys. */
function frontmatterValues(data: unknown, path: PropertyKey[] = []): Array<{ path: PropertyKey[]; value: string }> {
  if (typeof data === 'string') return [{ path, value: data }]
  if (typeof data === 'number' || typeof data === 'bigint') return [{ path, value: String(data) }]
  if (Array.isArray(data)) return data.flatMap((item, index) => frontmatterValues(item, [...path, index]))
  if (data === null || typeof data !== 'object' || data instanceof Date) return []
  return Object.entries(data).flatMap(([key, value]) => (path.length === 0 && unpublished.has(key) ? [] : frontmatterValues(value, [...path, key])))
}

export interface PublishedField {
  file: string
  path: PropertyKey[]
  value: string
  /** The value's position in its file (found only when asked: most values have nothing to report). */
  position(): { file: string; line: number; column: number }
}

/** Every published frontmatter value of notice.md and of the notice's parts. */
export function publishedFields(notice: LoadedNotice): PublishedField[] {
  const files: Array<{ file: string; frontmatter: Frontmatter }> = []
  if (notice.noticeFile) files.push({ file: notice.noticeFile.file.path, frontmatter: notice.noticeFile.frontmatter })
  for (const part of notice.parts) files.push({ file: part.file.path, frontmatter: part.frontmatter })
  return files.flatMap(({ file, frontmatter }) =>
    frontmatterValues(frontmatter.data).map(({ path, value }) => ({ file, path, value, position: () => ({ file, ...locate(frontmatter, path, 'value') }) }))
  )
}
