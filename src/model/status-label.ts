import type { FindingRecord } from './schema.js'
import { statusNames } from './vocabulary.js'

/** A finding's status as pages and search show it: the words the notice used, else the status's name, and 长期坚持. */
export function statusLabel(record: Pick<FindingRecord, 'status' | 'statusText' | 'sustained'>): string {
  const base = record.statusText || statusNames[record.status]
  return record.sustained ? `${base}，长期坚持` : base
}
