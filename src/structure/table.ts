/**
 * Ledgers (整改台账): a table with one finding per row. Two shapes come in as text:
 * - rows pasted from Word: cells separated by tabs, one row per line, except that a cell of several
 *   paragraphs goes on over the next lines (a row is complete when it has a tab for each column
 *   after the first); a row merged across all columns (`一、党的建设方面`) has no tab at all;
 * - a GFM table in Markdown: `| 序号 | 问题 | … |`, a delimiter row, one line per row.
 * The header row names the columns; its words say what each column holds.
 */
import { labelAliases, type LabelKind } from '../model/vocabulary.js'
import { recognitionKey } from './recognise.js'

export type ColumnKind = LabelKind | 'number'

export interface TableColumn {
  /** The header cell as written. */
  label: string
  kind?: ColumnKind
}

export interface TableHeader {
  format: 'tab' | 'gfm'
  columns: TableColumn[]
}

/** Header words of ledgers beyond the labels of running text. */
const columnWords: Readonly<Record<string, ColumnKind>> = {
  序号: 'number',
  编号: 'number',
  主要问题: 'problem',
  存在的问题: 'problem',
  问题清单: 'problem',
  问题描述: 'problem',
  巡察发现问题: 'problem',
  整改目标: 'measures',
  整改任务: 'measures',
  整改责任单位: 'unit',
  配合单位: 'unit',
  责任领导: 'person',
  分管领导: 'person',
  时限: 'deadline',
  进展情况: 'rectification',
  整改进度: 'rectification',
  完成进度: 'rectification',
  问题类别: 'note',
  类别: 'note'
}

function columnKind(cell: string): ColumnKind | undefined {
  const key = recognitionKey(cell).replace(/[\s\u3000]/gu, '')
  return labelAliases[key] ?? columnWords[key]
}

const gfmRow = /^[ \t]*\|.*\|[ \t]*$/u
const gfmDelimiter = /^[ \t]*\|(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*$/u

export function isGfmDelimiter(text: string): boolean {
  return gfmDelimiter.test(text)
}

export function isGfmRow(text: string): boolean {
  return gfmRow.test(text) && !gfmDelimiter.test(text)
}

/** The cells of a GFM row, trimmed, without the outer pipes. */
export function gfmCells(text: string): string[] {
  const inner = text.trim().replace(/^\|/u, '').replace(/\|$/u, '')
  return inner.split('|').map((cell) => cell.trim())
}

/** A GFM row written from its cells, one space inside each pipe: how the Word importer writes a Markdown table back. */
export function gfmRowFor(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`
}

/** The delimiter row under a header of `columns` cells. */
export function gfmDelimiterFor(columns: number): string {
  return `| ${Array.from({ length: columns }, () => '---').join(' | ')} |`
}

/** A header row: three or more cells, a problem column and at least one more column a ledger has. */
export function matchTableHeader(text: string): TableHeader | undefined {
  const format = text.includes('\t') ? 'tab' : isGfmRow(text) ? 'gfm' : undefined
  if (!format) return undefined
  const cells = format === 'tab' ? text.split('\t').map((cell) => cell.trim()) : gfmCells(text)
  if (cells.length < 3) return undefined
  const columns = cells.map((label) => {
    const kind = columnKind(label)
    return kind ? { label, kind } : { label }
  })
  const kinds = columns.map((column) => column.kind)
  if (!kinds.includes('problem')) return undefined
  if (kinds.filter((kind) => kind !== undefined && kind !== 'problem').length < 1) return undefined
  if (kinds.filter((kind) => kind !== undefined).length * 2 < cells.length) return undefined
  return { format, columns }
}
