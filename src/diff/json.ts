/**
 * The JSON form of a comparison (DESIGN §8, contract):
 * `{ from, to, notice: [{ field, from, to }], findings: [{ id, change, status, changes }] }`.
 *
 * With one notice on either side, finding ids and field names are the notice's own. When the
 * content folder holds several notices, each finding id and each notice field is prefixed with
 * its notice's id and a slash (`2021-x/1-3`, `2021-x/title`), so the shape stays the same.
 * A notice added or removed as a whole is the field `notice` (`2021-x/notice`), from or to its title.
 */
import type { ContentDiff, FindingChange } from './compare.js'
import type { FieldChange } from './fields.js'
import type { Status } from '../model/vocabulary.js'

export interface DiffJson {
  from: string
  to: string
  notice: FieldChange[]
  findings: Array<{ id: string; change: FindingChange; status: { from: Status; to: Status } | null; changes: FieldChange[] }>
}

export function diffJson(diff: ContentDiff, from: string, to: string): DiffJson {
  const several = diff.notices.length > 1
  const json: DiffJson = { from, to, notice: [], findings: [] }
  for (const notice of diff.notices) {
    const prefix = several ? `${notice.id}/` : ''
    if (notice.change !== 'kept') json.notice.push({ field: `${prefix}notice`, from: notice.before?.title ?? null, to: notice.after?.title ?? null })
    for (const field of notice.fields) json.notice.push({ field: `${prefix}${field.field}`, from: field.from, to: field.to })
    for (const finding of notice.findings) {
      json.findings.push({ id: `${prefix}${finding.id}`, change: finding.change, status: finding.status, changes: finding.changes })
    }
  }
  return json
}
