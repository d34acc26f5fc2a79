/**
 * What a build makes, shared by the stages that make, cache and publish it: output files, and the
 * summary of a notice that the site-wide pages (index, filters, feed, sitemap) list.
 */

export interface OutputFile {
  /** Path inside the output folder, `/`-separated. */
  path: string
  content: string | Uint8Array
}

/** Where a notice stands as a whole: every finding done, some still open, or no findings to count. */
export type NoticeProgress = 'done' | 'ongoing' | 'none'

export interface IndexEntry {
  id: string
  title: string
  unit?: string
  date?: string
  /** The latest of the notice's own dates (published, written, changes): feed and sitemap dates. */
  updated?: string
  description: string
  rate: string
  total: number
  done: number
  /** Findings whose status is stated: with none, no rate is shown. */
  stated: number
  progress: NoticeProgress
}
