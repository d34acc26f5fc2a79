/**
 * A notice's findings as the office's 整改台账: one row per finding, a column per kind of field
 * (问题 / 整改措施 / 责任单位 / 完成时限 / 完成情况), the status as a badge. Consecutive findings
 * between headings make one table; headings and narrative stay where they were.
 */
import type { FindingRecord } from '../model/schema.js'
import type { LabelKind } from '../model/vocabulary.js'
import type { ViewBlock } from './view.js'

export type LedgerColumnKey = 'problem' | 'measures' | 'unit' | 'deadline' | 'result'

export const ledgerColumnNames: Readonly<Record<LedgerColumnKey, string>> = {
  problem: '问题',
  measures: '整改措施',
  unit: '责任单位',
  deadline: '完成时限',
  result: '完成情况'
}

/** Which column each kind of field goes into (a remark is read with the result). */
const columnOfKind: Readonly<Record<LabelKind, LedgerColumnKey>> = {
  problem: 'problem',
  measures: 'measures',
  rectification: 'result',
  unit: 'unit',
  person: 'unit',
  deadline: 'deadline',
  note: 'result'
}

export interface LedgerRow {
  anchor: string
  /** The heading's number as written (`1.`), or the finding's id. */
  number: string
  title: string
  cells: Record<LedgerColumnKey, string[]>
  status: FindingRecord['status']
  statusName: string
}

export interface LedgerTable {
  kind: 'ledger'
  columns: Array<{ key: LedgerColumnKey; name: string }>
  rows: LedgerRow[]
}

export type LedgerViewBlock = Exclude<ViewBlock, { kind: 'finding' }> | LedgerTable

function row(block: Extract<ViewBlock, { kind: 'finding' }>): LedgerRow {
  const record = block.record
  const cells: Record<LedgerColumnKey, string[]> = { problem: [], measures: [], unit: [], deadline: [], result: [] }
  for (const field of record.fields) cells[columnOfKind[field.kind]].push(field.text)
  // Frontmatter may carry what the text does not.
  if (cells.unit.length === 0 && record.responsible) cells.unit.push(record.responsible)
  if (cells.deadline.length === 0 && record.deadline) cells.deadline.push(record.deadline)
  return {
    anchor: block.anchor,
    number: block.heading?.numberText.trim() || record.id,
    title: record.title,
    cells,
    status: record.status,
    statusName: block.statusName
  }
}

/** The blocks with each run of findings as one table; a column shows only when some row has it. */
export function ledgerBlocks(blocks: readonly ViewBlock[]): LedgerViewBlock[] {
  const out: LedgerViewBlock[] = []
  let table: LedgerTable | undefined
  for (const block of blocks) {
    if (block.kind !== 'finding') {
      table = undefined
      out.push(block)
      continue
    }
    if (!table) {
      table = { kind: 'ledger', columns: [], rows: [] }
      out.push(table)
    }
    table.rows.push(row(block))
  }
  for (const entry of out) {
    if (entry.kind !== 'ledger') continue
    const keys = (Object.keys(ledgerColumnNames) as LedgerColumnKey[]).filter(
      (key) => key === 'problem' || key === 'result' || entry.rows.some((candidate) => candidate.cells[key].length > 0)
    )
    entry.columns = keys.map((key) => ({ key, name: ledgerColumnNames[key] }))
  }
  return out
}
