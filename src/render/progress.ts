/**
 * How far a set of findings has come, as every page shows it. A notice whose findings carry no
 * status at all has no completion rate to show: a 0% bar would say nothing was done, which the
 * notice never said. Such a notice reads “整改状态未标明” wherever the rate would be.
 */
import { statusNames, statuses, type Status } from '../model/vocabulary.js'

export const unknownStatusText = '整改状态未标明'

export interface Progress {
  total: number
  done: number
  /** Findings without a status phrase. */
  unknown: number
  /** False when there are findings and none of them states a status: no rate to show. */
  known: boolean
  /** Done ÷ total in percent, one decimal at most, as notice.json's `completionRate`. */
  completionRate: number
  /** `80%`, or “整改状态未标明”. */
  rate: string
  byStatus: Record<Status, number>
}

/**
 * A finding still open: its status is stated and is not done. A finding without a status is not
 * open (nothing says it is unfinished) nor done: every page counts it apart, as 未标明. The notice
 * page's list of open findings, the stats page's and stats.json's all use this one test.
 */
export function isOpen(status: Status): boolean {
  return status !== 'done' && status !== 'unknown'
}

export function formatRate(rate: number): string {
  return `${Number.isInteger(rate) ? rate : rate.toFixed(1)}%`
}

/** The same rounding as the loader's stats: a group's rate agrees with its notices' own. */
export function completionRate(done: number, total: number): number {
  return total === 0 ? 0 : Math.round((done / total) * 1000) / 10
}

/** Counts by status (every status present, 0 where none) from a stats record's `byStatus`. */
export function statusCounts(byStatus: Readonly<Record<string, number | undefined>>): Record<Status, number> {
  return Object.fromEntries(statuses.map((status) => [status, byStatus[status] ?? 0])) as Record<Status, number>
}

/** A notice's progress from its stats (its own completion rate), or a group's from summed counts. */
export function progressOf(stats: { total: number; byStatus: Readonly<Record<string, number | undefined>>; completionRate?: number | null }): Progress {
  const total = stats.total
  const counts = statusCounts(stats.byStatus)
  const done = counts.done
  const unknown = counts.unknown
  const known = total === 0 || unknown < total
  const rate = stats.completionRate ?? completionRate(done, total)
  return { total, done, unknown, known, completionRate: rate, rate: known ? formatRate(rate) : unknownStatusText, byStatus: counts }
}

/** Statuses with at least one finding, in the vocabulary's order, with their Chinese names. */
export function presentStatuses(counts: Readonly<Record<Status, number>>): Array<{ status: Status; name: string; count: number }> {
  return statuses.filter((status) => counts[status] > 0).map((status) => ({ status, name: statusNames[status], count: counts[status] }))
}
