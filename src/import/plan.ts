/**
 * Splits a parsed plain-text notice into the files of a content folder: notice.md holds the title,
 * opening and closing; each finding gets a file; headings and narrative text not owned by a finding
 * go to sections/. Files are named by position when the numbering allows, else by order of appearance.
 */
import { idPattern } from '../model/id.js'
import type { ParsedDocument } from '../structure/types.js'
import { compareNatural } from '../text/natural-sort.js'

export interface PlannedPart {
  kind: 'finding' | 'section'
  name: string
  /** Stable finding id (findings only). */
  id?: string
  /** Indices of document lines, in order, blank lines included. */
  lines: number[]
}

export interface Plan {
  head: number[]
  tail: number[]
  parts: PlannedPart[]
  /** True when the numbering was not in order and files are named by order of appearance. */
  sequential: boolean
  /** The id of each finding of the document, by its index. */
  findingIds: string[]
}

export function planParts(document: ParsedDocument): Plan {
  const head: number[] = []
  const tail: number[] = []
  const parts: Array<PlannedPart & { path: number[]; finding?: number }> = []
  const findingPart = new Map<number, PlannedPart & { path: number[]; finding?: number }>()
  let current: (PlannedPart & { path: number[]; finding?: number }) | undefined
  let region: 'head' | 'body' | 'tail' = 'head'

  document.roles.forEach((role, index) => {
    if (role.kind === 'title' || role.kind === 'opening' || role.kind === 'stats') region = 'head'
    else if (role.kind === 'closing' || role.kind === 'contact' || role.kind === 'signature' || role.kind === 'date') region = 'tail'
    else if (role.kind !== 'blank') region = 'body'
    if (region === 'head') {
      head.push(index)
      return
    }
    if (region === 'tail') {
      tail.push(index)
      return
    }
    if (role.kind === 'blank') {
      if (current) current.lines.push(index)
      else head.push(index)
      return
    }
    const finding = role.kind === 'finding' ? role.finding : role.kind === 'heading' ? role.finding : undefined
    if (finding !== undefined) {
      let part = findingPart.get(finding)
      if (!part) {
        part = { kind: 'finding', name: '', path: document.findings[finding]?.path ?? [], lines: [], finding }
        findingPart.set(finding, part)
        parts.push(part)
      }
      current = part
    } else if (role.kind === 'heading' || !current || current.kind === 'finding') {
      // Text after a finding that is not part of it (下一步…) is named after it: `03-00.md` follows finding `03.md`.
      const after = current?.kind === 'finding' && current.path.length > 0 ? [...current.path, 0] : (current?.path ?? [])
      const path = role.kind === 'heading' ? (document.headings[role.heading]?.path ?? []) : after
      current = { kind: 'section', name: '', path, lines: [] }
      parts.push(current)
    }
    current.lines.push(index)
  })

  const byPosition = parts.map((part) => (part.path.length === 0 ? '00' : part.path.map((number) => String(number).padStart(2, '0')).join('-')))
  const sequential = !isStrictlyOrdered(parts.map((part, index) => ({ stem: byPosition[index] ?? '', kind: part.kind })))
  const width = Math.max(3, String(parts.length).length)
  parts.forEach((part, index) => {
    part.name = `${sequential ? String(index + 1).padStart(width, '0') : byPosition[index]}.md`
  })
  const used = new Set<string>()
  let ordinal = 0
  for (const part of parts) {
    if (part.kind !== 'finding') continue
    ordinal++
    const candidate = part.path.join('-')
    const id = candidate && idPattern.test(candidate) && !used.has(candidate) ? candidate : `n${ordinal}`
    used.add(id)
    part.id = id
  }
  const findingIds = document.findings.map(() => '')
  for (const part of parts) if (part.finding !== undefined) findingIds[part.finding] = part.id ?? ''
  return { head, tail, parts: parts.map(({ path: _path, finding: _finding, ...part }) => part), sequential, findingIds }
}

function isStrictlyOrdered(entries: ReadonlyArray<{ stem: string; kind: 'finding' | 'section' }>): boolean {
  for (let index = 1; index < entries.length; index++) {
    const previous = entries[index - 1]
    const next = entries[index]
    if (!previous || !next) continue
    const order = compareNatural(previous.stem, next.stem)
    if (order > 0 || (order === 0 && !(previous.kind === 'section' && next.kind === 'finding'))) return false
  }
  return true
}
