import type { Status } from './vocabulary.js'

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

/** A finding not yet done, as the stats page lists it (linked to its anchor on the notice page). */
export interface OpenFinding {
  anchor: string
  title: string
  status: Status
  statusName: string
}

export interface IndexEntry {
  id: string
  title: string
  unit?: string
  date?: string
  /** The latest of the notice's own dates (published, written, changes): feed and sitemap dates. */
  updated?: string
  description: string
  /** `80%`, or 整改状态未标明 when no finding states a status. */
  rate: string
  completionRate: number
  /** False when the notice has findings and none states a status. */
  known: boolean
  total: number
  done: number
  byStatus: Record<Status, number>
  progress: NoticeProgress
  /** Findings still open (`isOpen`: stated and not done), in document order. */
  open: OpenFinding[]
}
