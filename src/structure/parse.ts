/**
 * The document parser: one pass over the lines of a notice that finds its headings, findings,
 * labels and statuses. The importer runs it on plain text and the loader on the lines of the
 * Markdown files, so a notice reads the same however it came in.
 */
import { headingSchemes, rectificationKinds, type LabelKind, type Status } from '../model/vocabulary.js'
import {
  findStatus,
  isClosingStart,
  isSignatureLine,
  isSignatureStart,
  isTitleLine,
  matchContact,
  matchDateLine,
  matchHeading,
  matchLabel,
  matchStats,
  matchStatus,
  type HeadingMatch
} from './classify.js'
import { isNoteStart, trailingNotesStart } from './notes.js'
import { recognitionKey } from './recognise.js'
import { gfmCells, isGfmDelimiter, isGfmRow, matchTableHeader, type TableHeader } from './table.js'
import type { DocLine, LineRole, ParsedDocument, ParsedField, ParsedFinding, ParsedHeading, Region } from './types.js'

export interface ParseOptions {
  statusPhrases: Readonly<Record<string, Exclude<Status, 'unknown'>>>
}

interface OpenLevel {
  rank: number
  number: number
  /** Set for a point written inside a label: the finding it belongs to, until a point line confirms it. */
  inlineFinding?: number
}

interface Pending {
  heading?: number
  lines: number[]
}

interface Draft extends ParsedFinding {
  pendingAtStart: Pending
  inlineHeading?: number
  lastLabel?: number
  /** A ledger row: its text (cells by tabs, a cell's paragraphs by line breaks) and the table's header. */
  row?: { text: string; header: TableHeader }
}

interface OpenTable {
  header: TableHeader
  /** Rows so far: numbers the rows of a table without a 序号 column. */
  rows: number
  /** The row being read, until it has a cell for each column. */
  row?: { finding: Draft; tabs: number }
}

const isBlank = (text: string): boolean => text.trim().length === 0

/** Headings of narrative sections (整改工作组织情况, 下一步工作打算): their prose never makes a finding. */
const narrativeTitle = /(?:情况|打算|安排|计划|举措|部署|成效|体会|总结|概况|意见|方案|思路|措施)[。.．]?$/u
const isFindingHeading = (title: string): boolean => {
  const key = recognitionKey(title).trim()
  return key.includes('问题') || !narrativeTitle.test(key)
}

/** What follows the findings rather than belonging to the last one: 下一步…, a statistics sentence. */
const afterword = /^[ \t\u3000]*(?:下一步|下步|今后|接下来)/u
const isAfterword = (text: string): boolean => afterword.test(recognitionKey(text)) || matchStats(text) !== undefined
const inlinePointPattern = /(?:^|[。；;！？!?\s])([一二三四五六七八九十]+)是/gu

/** Regions of a plain-text notice: title and opening, the findings, and the closing. */
export function inferRegions(lines: readonly DocLine[]): Region[] {
  const regions: Region[] = lines.map(() => 'body')
  const firstHeading = lines.findIndex(
    (line) => (matchHeading(line.text) !== undefined && matchHeading(line.text)?.scheme !== 'shi') || matchTableHeader(line.text) !== undefined
  )
  const bodyStart = firstHeading === -1 ? lines.length : firstHeading
  // Notes at the end belong to the closing, however many paragraphs each has.
  const notesStart = trailingNotesStart(lines)
  let closingStart = notesStart
  for (let index = notesStart - 1; index >= Math.max(bodyStart, 0); index--) {
    const text = lines[index]?.text ?? ''
    if (index === bodyStart && firstHeading !== -1) break
    if (isBlank(text) || isClosingStart(text) || matchDateLine(text) || isSignatureLine(text) || isSignatureStart(text, lines[index + 1]?.text)) {
      if (!isBlank(text)) closingStart = index
      continue
    }
    break
  }
  // Blank lines between the last finding and the closing stay with the finding.
  for (let index = 0; index < lines.length; index++) {
    if (index < bodyStart) regions[index] = 'head'
    else if (index >= closingStart) regions[index] = 'tail'
  }
  return regions
}

export function parseDocument(lines: readonly DocLine[], options: ParseOptions): ParsedDocument {
  const regions = lines.map((line) => line.region)
  const inferred = regions.some((region) => region === undefined) ? inferRegions(lines) : undefined
  const regionOf = (index: number): Region => regions[index] ?? inferred?.[index] ?? 'body'

  const nextText = (index: number): string | undefined => {
    for (let next = index + 1; next < lines.length; next++) {
      const text = lines[next]?.text ?? ''
      if (!isBlank(text)) return text
    }
    return undefined
  }
  const roles: LineRole[] = []
  const headings: ParsedHeading[] = []
  const findings: Draft[] = []
  const stack: OpenLevel[] = []
  let pending: Pending = { lines: [] }
  let current: Draft | undefined
  let list: { rank: number; last: number } | undefined
  let seenContent = false
  let table: OpenTable | undefined
  // After the last line that opens a finding (a heading or a label), 下一步 or a statistics sentence ends the finding it follows.
  let lastOpening = -1
  lines.forEach((line, index) => {
    if (regionOf(index) !== 'body') return
    const heading = matchHeading(line.text)
    if ((heading && heading.scheme !== 'shi') || matchLabel(line.text)) lastOpening = index
  })

  // A numbered list belongs to the finding it was written in: the next finding starts with none, as
  // a finding file read on its own does.
  const closeFinding = (): void => {
    current = undefined
    list = undefined
  }

  const pathOf = (): number[] => stack.map((level) => level.number)

  const startFinding = (index: number, takeHeading: boolean, force = false): Draft => {
    const owns = takeHeading && pending.heading !== undefined && !headings[pending.heading]?.inline
    const draft: Draft = {
      firstLine: owns && pending.heading !== undefined ? (headings[pending.heading]?.line ?? index) : force ? (pending.lines[0] ?? index) : index,
      lastLine: index,
      path: pathOf(),
      title: '',
      labels: [],
      problem: '',
      rectification: '',
      intro: '',
      fields: [],
      pendingAtStart: { ...(pending.heading === undefined ? {} : { heading: pending.heading }), lines: [...pending.lines] }
    }
    if (owns && pending.heading !== undefined) draft.heading = pending.heading
    const findingIndex = findings.length
    findings.push(draft)
    if (owns || force) {
      if (draft.heading !== undefined) {
        const role = roles[headings[draft.heading]?.line ?? -1]
        if (role?.kind === 'heading') role.finding = findingIndex
      }
      for (const line of pending.lines) {
        roles[line] = { kind: 'finding', finding: findingIndex }
        draft.intro += (draft.intro ? '\n' : '') + (lines[line]?.text ?? '')
      }
      pending = { lines: [] }
    }
    current = draft
    return draft
  }

  const acceptsHeading = (match: HeadingMatch, rank: number, partStart: boolean): boolean => {
    if (partStart || !current || current.labels.length === 0) return true
    const open = stack.find((level) => level.rank === rank)
    if (list && list.rank === rank && match.number === list.last + 1) {
      list.last = match.number
      return false
    }
    if (open) return match.number > open.number
    const deepest = stack[stack.length - 1]
    if (deepest && rank < (stack[0]?.rank ?? rank)) return true
    if (deepest && rank > deepest.rank) {
      list = { rank, last: match.number }
      return false
    }
    return rank < (deepest?.rank ?? Infinity)
  }

  const openHeading = (index: number, match: HeadingMatch, rank: number, inline: boolean): number => {
    while (stack.length > 0 && (stack[stack.length - 1]?.rank ?? -1) >= rank) stack.pop()
    const confirmed = stack.length
    void confirmed
    stack.push({ rank, number: match.number })
    const heading: ParsedHeading = {
      scheme: match.scheme,
      rank,
      number: match.number,
      numberText: match.numberText,
      title: match.title,
      body: match.body,
      line: inline ? -1 : index,
      path: pathOf(),
      inline
    }
    headings.push(heading)
    return headings.length - 1
  }

  const addLabel = (index: number, text: string, from: number): boolean => {
    const label = matchLabel(text, from)
    if (!label) return false
    const startsProblem = label.kind === 'problem'
    if (current && startsProblem && current.labels.some((existing) => existing.kind === 'problem' || isRectification(existing.kind))) {
      closeFinding()
    }
    const point = startsProblem ? matchHeading(label.text) : undefined
    const inlinePoint = point?.scheme === 'shi' ? point : undefined
    let finding = current
    if (!finding) {
      if (inlinePoint) {
        const rank = headingSchemes.indexOf('shi')
        const headingIndex = openHeading(index, inlinePoint, rank, true)
        const inlineNumbers = [...label.text.matchAll(inlinePointPattern)].map((match) => parsePointNumber(match[1] ?? ''))
        const last = Math.max(inlinePoint.number, ...inlineNumbers.filter((value) => !Number.isNaN(value)))
        const level = stack[stack.length - 1]
        if (level) {
          level.number = last
          level.inlineFinding = findings.length
        }
        const heading = headings[headingIndex]
        if (heading) heading.through = last
        finding = startFinding(index, false)
        finding.inlineHeading = headingIndex
        finding.path = [...pathOf().slice(0, -1), inlinePoint.number]
        finding.inlinePoint = { number: inlinePoint.number, numberText: inlinePoint.numberText, title: inlinePoint.title }
      } else {
        finding = startFinding(index, true)
      }
    }
    finding.labels.push({
      kind: label.kind,
      label: label.label,
      written: label.written,
      raw: label.raw,
      line: index,
      textOffset: label.textOffset,
      text: label.text
    })
    finding.lastLabel = finding.labels.length - 1
    finding.lastLine = index
    return true
  }

  for (let index = 0; index < lines.length; index++) {
    const docLine = lines[index] as DocLine
    const text = docLine.text
    const region = regionOf(index)
    if (isBlank(text)) {
      roles[index] = { kind: 'blank' }
      if (current) current.lastLine = index
      if (table) closeTable()
      continue
    }
    if (region === 'head') {
      const stats = matchStats(text)
      if (!seenContent && isTitleLine(text)) roles[index] = { kind: 'title' }
      else if (stats) roles[index] = { kind: 'stats', stats }
      else roles[index] = { kind: 'opening' }
      seenContent = true
      continue
    }
    if (region === 'tail') {
      if (table) closeTable()
      closeFinding()
      const date = matchDateLine(text)
      const contact = matchContact(text)
      // A note's lines are the closing's, even those that read like a unit's name.
      const next = nextText(index)
      if (isNoteStart(text)) roles[index] = { kind: 'closing' }
      else if (date) roles[index] = { kind: 'date', date }
      else if (isSignatureLine(text) || isSignatureStart(text, next !== undefined && isNoteStart(next) ? undefined : next)) roles[index] = { kind: 'signature' }
      else if (contact.phones.length > 0 || contact.emails.length > 0 || contact.address || contact.postcode) roles[index] = { kind: 'contact', contact }
      else roles[index] = { kind: 'closing' }
      continue
    }
    seenContent = true
    if (table && readTableLine(index, text)) continue
    const header = matchTableHeader(text)
    if (header) {
      closeFinding()
      table = { header, rows: 0 }
      roles[index] = { kind: 'narrative' }
      pending.lines.push(index)
      continue
    }
    const partStart = docLine.partStart
    if (partStart) {
      closeFinding()
      list = undefined
      if (partStart === 'section') pending = { lines: [] }
    }

    const heading = matchHeading(text)
    const rank = heading ? headingSchemes.indexOf(heading.scheme) : -1
    if (heading && acceptsHeading(heading, rank, partStart !== undefined)) {
      closeFinding()
      list = undefined
      confirmInlinePoint(rank)
      const headingIndex = openHeading(index, heading, rank, false)
      roles[index] = { kind: 'heading', heading: headingIndex }
      pending = { heading: headingIndex, lines: [] }
      if (heading.body.trim().length > 0) {
        if (addLabel(index, text, heading.bodyOffset)) {
          roles[index] = { kind: 'heading', heading: headingIndex, finding: findings.length - 1 }
        } else if (matchStatus(heading.body, options.statusPhrases) || (isFindingHeading(heading.title) && findStatus(heading.body, options.statusPhrases))) {
          startFinding(index, true)
          roles[index] = { kind: 'heading', heading: headingIndex, finding: findings.length - 1 }
        }
      }
      continue
    }

    if (partStart === 'finding' && !matchLabel(text)) {
      startFinding(index, false, true)
    }
    if (addLabel(index, text, 0)) {
      roles[index] = { kind: 'finding', finding: findings.length - 1 }
      continue
    }
    if (current && index > lastOpening && isAfterword(text)) closeFinding()
    if (current) {
      if (heading && !list) list = { rank, last: heading.number }
      const label = current.lastLabel === undefined ? undefined : current.labels[current.lastLabel]
      const hasRectification = current.labels.some((existing) => isRectification(existing.kind))
      if (label && !isRectification(label.kind) && !hasRectification && !current.statusLine && matchStatus(text, options.statusPhrases)) {
        current.rectification = text
        current.statusLine = index
      } else if (label) {
        label.text += `\n${text}`
      } else {
        current.intro += (current.intro ? '\n' : '') + text
      }
      current.lastLine = index
      roles[index] = { kind: 'finding', finding: findings.indexOf(current) }
      continue
    }
    if (pending.heading !== undefined && matchStatus(text, options.statusPhrases)) {
      const draft = startFinding(index, true)
      draft.rectification = text
      draft.statusLine = index
      roles[index] = { kind: 'finding', finding: findings.length - 1 }
      continue
    }
    const pendingHeading = pending.heading === undefined ? undefined : headings[pending.heading]
    if (pendingHeading && !pendingHeading.inline && isFindingHeading(pendingHeading.title) && !isAfterword(text) && findStatus(text, options.statusPhrases)) {
      // A heading sentence whose body, a paragraph or more below it, states the status in prose.
      const draft = startFinding(index, true)
      draft.intro += (draft.intro ? '\n' : '') + text
      roles[index] = { kind: 'finding', finding: findings.length - 1 }
      continue
    }
    roles[index] = { kind: 'narrative' }
    pending.lines.push(index)
  }
  confirmInlinePoint(-1)

  function closeTable(): void {
    if (table?.row) closeFinding()
    table = undefined
  }

  /**
   * One line while a ledger is open: a row, the next paragraphs of a cell, the delimiter of a GFM
   * table. False when the line is not the table's: a merged group row (read as a heading or a
   * paragraph, the table staying open) or what follows the table (the table closes).
   */
  function readTableLine(index: number, text: string): boolean {
    const open = table
    if (!open) return false
    const columns = open.header.columns.length
    const row = open.row
    if (open.header.format === 'gfm') {
      if (isGfmDelimiter(text) && open.rows === 0 && !row) {
        roles[index] = { kind: 'narrative' }
        pending.lines.push(index)
        return true
      }
      if (isGfmRow(text)) {
        startRow(index, text, gfmCells(text)[0] ?? '')
        if (open.row) open.row.tabs = columns - 1
        return true
      }
      closeTable()
      return false
    }
    const tabs = text.split('\t').length - 1
    if (row && row.tabs < columns - 1) {
      continueRow(index, text, tabs)
      return true
    }
    if (tabs > 0) {
      startRow(index, text, text.split('\t')[0] ?? '')
      return true
    }
    const next = nextText(index)
    if (next?.includes('\t') && text.trim().length <= 40) {
      // A row merged across all columns above the next row: a group heading of the ledger.
      if (open.row) closeFinding()
      open.row = undefined
      return false
    }
    if (row && !endsTable(text)) {
      continueRow(index, text, 0)
      return true
    }
    closeTable()
    return false
  }

  function startRow(index: number, text: string, first: string): void {
    const open = table
    if (!open) return
    closeFinding()
    open.rows++
    const written = Number.parseInt(recognitionKey(first).trim(), 10)
    const draft = startFinding(index, false)
    // The rows own what stood above the table: a finding after the table starts afresh, not back at the heading.
    pending = { lines: [] }
    draft.path = [...pathOf(), Number.isFinite(written) && written > 0 && /^\s*\d{1,4}\s*$/u.test(recognitionKey(first)) ? written : open.rows]
    draft.row = { text, header: open.header }
    open.row = { finding: draft, tabs: text.split('\t').length - 1 }
    roles[index] = { kind: 'finding', finding: findings.length - 1 }
  }

  function continueRow(index: number, text: string, tabs: number): void {
    const row = table?.row
    if (!row?.finding.row) return
    row.finding.row.text += `\n${text}`
    row.finding.lastLine = index
    row.tabs += tabs
    roles[index] = { kind: 'finding', finding: findings.indexOf(row.finding) }
  }

  function endsTable(text: string): boolean {
    const heading = matchHeading(text)
    return isClosingStart(text) || isAfterword(text) || (heading !== undefined && heading.scheme !== 'shi') || matchLabel(text) !== undefined
  }

  /** A point line (`二是…`) after `详细问题:一是…` makes the inline point a real point; otherwise the inline points were only a list. */
  function confirmInlinePoint(rank: number): void {
    const shiRank = headingSchemes.indexOf('shi')
    const level = stack.find((entry) => entry.rank === shiRank && entry.inlineFinding !== undefined)
    if (!level || level.inlineFinding === undefined) return
    if (rank === shiRank) {
      level.inlineFinding = undefined
      return
    }
    const finding = findings[level.inlineFinding]
    level.inlineFinding = undefined
    if (!finding) return
    demoteInlinePoint(finding, findings.indexOf(finding))
  }

  function demoteInlinePoint(finding: Draft, findingIndex: number): void {
    finding.path = finding.path.slice(0, -1)
    const inlineHeading = finding.inlineHeading === undefined ? undefined : headings[finding.inlineHeading]
    if (inlineHeading) inlineHeading.dropped = true
    const start = finding.pendingAtStart
    if (start.heading !== undefined && pendingIsFree(start)) {
      const heading = headings[start.heading]
      if (heading && !heading.inline && heading.line >= 0) {
        finding.heading = start.heading
        finding.firstLine = heading.line
        const role = roles[heading.line]
        if (role?.kind === 'heading') role.finding = findingIndex
        for (const line of start.lines) {
          roles[line] = { kind: 'finding', finding: findingIndex }
          finding.intro += (finding.intro ? '\n' : '') + (lines[line]?.text ?? '')
        }
      }
    }
    delete finding.inlinePoint
  }

  function pendingIsFree(start: Pending): boolean {
    return start.lines.every((line) => roles[line]?.kind === 'narrative')
  }

  for (const finding of findings) completeFinding(finding, headings, options)
  const result: ParsedFinding[] = findings.map(({ pendingAtStart: _pending, lastLabel: _last, inlineHeading: _inline, ...finding }) => finding)
  return { lines, roles, headings, findings: result }
}

function parsePointNumber(text: string): number {
  const heading = matchHeading(`${text}是甲`)
  return heading?.number ?? Number.NaN
}

const isRectification = (kind: LabelKind): boolean => rectificationKinds.includes(kind)

/**
 * The finding's texts, typed fields and status, from every paragraph it holds: nothing it was
 * written with is left out of the record. The status is read from the fields that state a result
 * (整改情况, 整改结果, 完成情况 …, head or prose), then from the head of the measures, then from an
 * unlabelled status line.
 */
function completeFinding(finding: Draft, headings: readonly ParsedHeading[], options: ParseOptions): void {
  if (finding.row) {
    completeRow(finding, finding.row, options)
    return
  }
  const heading = finding.heading === undefined ? undefined : headings[finding.heading]
  const headingBody = heading && !matchLabel(heading.body) ? heading.body.trim() : ''
  const problemLabels = finding.labels.filter((label) => label.kind === 'problem')
  const rectificationLabels = finding.labels.filter((label) => isRectification(label.kind))
  const loose = finding.rectification
  const texts = (labels: readonly ParsedField[]): string[] => labels.map((label) => label.text)

  const prose = finding.labels.length === 0 && !loose && heading !== undefined
  if (rectificationLabels.length === 0 && !loose && headingBody && matchStatus(headingBody, options.statusPhrases)) {
    finding.rectification = headingBody
    finding.problem = problemLabels.length > 0 ? [finding.intro, ...texts(problemLabels)].filter(Boolean).join('\n') : finding.intro || heading?.title || ''
  } else if (prose) {
    // A heading sentence and its prose: the heading states the problem, the prose what was done.
    finding.problem = heading.title
    finding.rectification = [headingBody, finding.intro].filter(Boolean).join('\n')
  } else {
    finding.problem = [headingBody, finding.intro, ...texts(problemLabels)].filter(Boolean).join('\n')
    finding.rectification = [...texts(rectificationLabels), loose].filter(Boolean).join('\n')
  }
  if (finding.problem.length === 0 && heading) finding.problem = heading.title
  finding.title = finding.inlinePoint?.title ?? heading?.title ?? firstSentence(finding.problem)

  const fields: ParsedField[] = []
  const before = [headingBody, finding.intro].filter(Boolean).join('\n')
  if (finding.labels.length > 0) {
    if (before && finding.rectification !== headingBody) fields.push({ kind: 'problem', label: '', text: before })
    for (const label of finding.labels) fields.push({ kind: label.kind, label: label.written, text: label.text })
    if (loose) fields.push({ kind: 'rectification', label: '', text: loose })
  } else {
    if (finding.problem) fields.push({ kind: 'problem', label: '', text: finding.problem })
    if (finding.rectification) fields.push({ kind: 'rectification', label: '', text: finding.rectification })
  }
  finding.fields = fields

  const status =
    firstStatus(
      finding.labels.filter((label) => label.kind === 'rectification'),
      (text) => findStatus(text, options.statusPhrases)
    ) ??
    firstStatus(
      finding.labels.filter((label) => label.kind === 'measures'),
      (text) => matchStatus(text.trimStart(), options.statusPhrases)
    ) ??
    (loose ? matchStatus(loose, options.statusPhrases) : undefined) ??
    (rectificationLabels.length === 0 && !loose && headingBody ? matchStatus(headingBody, options.statusPhrases) : undefined) ??
    (prose ? findStatus(finding.rectification, options.statusPhrases) : undefined)
  if (status) finding.status = status
}

/** A ledger row: a field per column (序号 aside), the status from the result columns first. */
function completeRow(finding: Draft, row: { text: string; header: TableHeader }, options: ParseOptions): void {
  const { columns, format } = row.header
  const cells = format === 'gfm' ? gfmCells(row.text) : row.text.split('\t')
  // Cells past the header's last column belong to the last column.
  if (cells.length > columns.length) cells.splice(columns.length - 1, cells.length, cells.slice(columns.length - 1).join('\t'))
  const fields: ParsedField[] = []
  columns.forEach((column, index) => {
    if (column.kind === 'number') return
    fields.push({ kind: column.kind ?? 'note', label: column.label, text: cells[index] ?? '' })
  })
  finding.fields = fields
  const texts = (kinds: readonly LabelKind[]): string[] => fields.filter((field) => kinds.includes(field.kind) && field.text.trim()).map((field) => field.text)
  finding.problem = texts(['problem']).join('\n')
  finding.rectification = texts(['measures', 'rectification']).join('\n')
  finding.title = firstSentence(finding.problem) || finding.problem
  const status =
    firstStatus(
      fields.filter((field) => field.kind === 'rectification'),
      (text) => findStatus(text, options.statusPhrases)
    ) ??
    firstStatus(
      fields.filter((field) => field.kind === 'measures' || field.kind === 'note'),
      (text) => matchStatus(text.trimStart(), options.statusPhrases)
    )
  if (status) finding.status = status
}

function firstStatus<T>(labels: readonly ParsedField[], read: (text: string) => T | undefined): T | undefined {
  for (const label of labels) {
    const found = read(label.text)
    if (found !== undefined) return found
  }
  return undefined
}

function firstSentence(text: string): string {
  const end = /[。！？!?；;\n]/u.exec(text)
  return end ? text.slice(0, end.index + (end[0] === '\n' ? 0 : 1)) : text
}
