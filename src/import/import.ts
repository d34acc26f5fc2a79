/**
 * Plain text in, content files out, with proof: the files are read back by the real loader and
 * must render the text unchanged, or nothing is written.
 */
import { escapeLine, escapeLineStrict } from '../markdown/escape.js'
import { defaultStatusPhrases, statuses, type Status } from '../model/vocabulary.js'
import { findLimitBreach } from '../load/limits.js'
import { loadNotice, type SourceFile } from '../load/notice.js'
import { renderText } from '../render/text.js'
import { parseDocument } from '../structure/parse.js'
import type { DocLine, ParsedDocument } from '../structure/types.js'
import { splitLines } from '../text/decode.js'
import { basisFromOpening, inspectionFromOpening } from './metadata.js'
import { planParts, type Plan } from './plan.js'
import { splitPortal, type OmittedLine, type PortalSplit } from './portal.js'
import { serializeBody, serializeFile } from './serialize.js'

export interface ImportedFile {
  /** Path inside the notice's folder, e.g. `findings/01-04-02.md`. */
  path: string
  text: string
}

export interface ImportReport {
  id: string
  title: string
  /** `text` when the title is a line of the input (or the page's headline), `made-up` when the import wrote one. */
  titleFrom: 'text' | 'made-up'
  stats: { total: number; byStatus: Record<Status, number> }
  /** Each finding with its id, status and the input line it starts at (1-based). */
  findings: Array<{ id: string; status: Status; line: number }>
  /** Input lines left out of the text (portal metadata and chrome), kept verbatim in notice.md. */
  omitted: OmittedLine[]
  /** Input lines of the findings whose status is not stated. */
  unknownStatus: number[]
  headings: Record<string, number>
  /** 1-based input lines kept as plain text (opening, narrative, closing). */
  plainLines: number[]
  sequentialNames: boolean
}

export type ImportOutcome = { ok: true; files: ImportedFile[]; report: ImportReport } | { ok: false; line: number; message: string }

export interface ImportOptions {
  statusPhrases?: Readonly<Record<string, Exclude<Status, 'unknown'>>>
  /** notice.md fields known from outside the text (a Word file's title by its look); a title here is not made up. */
  frontmatter?: Record<string, unknown>
}

/**
 * Text in, the content folder's files and a report out: a pure function of the text (the docx
 * reader hands its text here too). Lines of a portal page around the notice are left out of the
 * text, listed in the report and kept in notice.md; everything else is the notice, line for line.
 */
export function importText(source: string, id: string, options: ImportOptions = {}): ImportOutcome {
  const statusPhrases = { ...defaultStatusPhrases, ...options.statusPhrases }
  const input = splitLines(source)
  // The loader refuses files past its parse bounds; say so with the line, rather than fail the round trip below.
  for (const [index, text] of input.entries()) {
    const breach = findLimitBreach(text)
    if (breach) return { ok: false, line: index + 1, message: `第 ${index + 1} 行：${breach.message.replace(/^这一行/u, '')}` }
  }
  const portal = splitPortal(input)
  const texts = portal.kept.map((index) => input[index] ?? '')
  while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop()
  const expected = texts.length === 0 ? '' : `${texts.join('\n')}\n`
  const lines: DocLine[] = texts.map((text, index) => ({ text, file: '', line: (portal.kept[index] ?? index) + 1, column: 1 }))
  const inputLine = (index: number): number => (portal.kept[index] ?? index) + 1
  const document = parseDocument(lines, { statusPhrases })
  const plan = planParts(document)
  const metadata = noticeMetadata(document, plan, id, portal)
  // A title known from outside the text (a Word file's, by its look) replaces a made-up one; the given
  // fields lead notice.md and win over what the opening suggests.
  const given = options.frontmatter
  const titleGiven = typeof given?.title === 'string' && metadata.titleFrom === 'made-up'
  const title = titleGiven ? String(given?.title) : metadata.title
  const titleFrom = titleGiven ? 'text' : metadata.titleFrom
  const frontmatter = given ? { ...given, ...metadata.frontmatter, ...given } : metadata.frontmatter

  let mismatch = 1
  for (const escapeText of [escapeLine, escapeLineStrict]) {
    const files = writeFiles(document, plan, frontmatter, escapeText)
    const reread = loadNotice(
      {
        id,
        files: files.map(
          (file): SourceFile => ({ path: file.path, ref: file.path, name: file.path.split('/').pop() ?? file.path, kind: kindOf(file.path), text: file.text })
        )
      },
      { statusPhrases }
    )
    const rendered = renderText(reread.document)
    if (rendered === expected && reread.document.findings.length === document.findings.length) {
      return { ok: true, files, report: report(id, document, plan, title, titleFrom, portal.omitted, inputLine) }
    }
    mismatch = inputLine(firstMismatch(texts, rendered, plan, reread.document) - 1)
    const refused = reread.diagnostics.find((diagnostic) => diagnostic.rule === 'limits')
    if (refused) {
      const part = plan.parts.find((candidate) => refused.file.endsWith(`/${candidate.name}`))
      const line = part ? inputLine(part.lines[0] ?? 0) : 1
      return { ok: false, line, message: `从第 ${line} 行开始的这一部分超过了解析上限：${refused.message}` }
    }
  }
  const unsavable = firstUnsavableLine(input)
  if (unsavable !== undefined)
    return { ok: false, line: unsavable, message: `第 ${unsavable} 行含有无法原样保存的字符（控制字符或不成对的代理项）：请删除后再导入` }
  return {
    ok: false,
    line: mismatch,
    message: `第 ${mismatch} 行：拆成内容文件后读回的结果与原文不一致，所以没有导入任何文件。这是 notice-press 的缺陷，请把原文报告给维护者；眼下可以改动这一行附近的编号或标签后再导入`
  }
}

/**
 * The line of the text where the files read back part from it: the first line rendered otherwise,
 * or the first line of a finding file that read back as other than one finding.
 */
export function firstMismatch(texts: readonly string[], rendered: string, plan: Plan, reread: ParsedDocument): number {
  const renderedLines = rendered.split('\n')
  const differing = texts.findIndex((text, index) => renderedLines[index] !== text)
  if (differing !== -1) return differing + 1
  if (renderedLines.length > texts.length + 1) return Math.max(texts.length, 1)
  const perFile = new Map<string, number>()
  for (const finding of reread.findings) {
    const file = reread.lines[finding.firstLine]?.file ?? ''
    perFile.set(file, (perFile.get(file) ?? 0) + 1)
  }
  const split = plan.parts.find((part) => part.kind === 'finding' && perFile.get(`findings/${part.name}`) !== 1)
  return split ? (split.lines[0] ?? 0) + 1 : 1
}

export function kindOf(path: string): SourceFile['kind'] {
  if (path.startsWith('findings/')) return 'finding'
  if (path.startsWith('sections/')) return 'section'
  return 'notice'
}

function writeFiles(document: ParsedDocument, plan: Plan, frontmatter: Record<string, unknown>, escapeText: (line: string) => string): ImportedFile[] {
  const textOf = (index: number): string => document.lines[index]?.text ?? ''
  const noticeLines = [...plan.head, ...plan.tail].map(textOf)
  const marker = plan.tail.length > 0 || plan.parts.length > 0 ? plan.head.length : undefined
  const files: ImportedFile[] = [{ path: 'notice.md', text: serializeFile(frontmatter, serializeBody(noticeLines, escapeText, marker)) }]
  for (const part of plan.parts) {
    const folder = part.kind === 'finding' ? 'findings' : 'sections'
    const data = part.kind === 'finding' ? { id: part.id } : undefined
    files.push({ path: `${folder}/${part.name}`, text: serializeFile(data, serializeBody(part.lines.map(textOf), escapeText)) })
  }
  return files
}

function noticeMetadata(
  document: ParsedDocument,
  plan: Plan,
  id: string,
  portal: PortalSplit
): { title: string; titleFrom: 'text' | 'made-up'; frontmatter: Record<string, unknown> } {
  const opening = plan.head
    .filter((index) => document.roles[index]?.kind === 'opening')
    .map((index) => document.lines[index]?.text ?? '')
    .join('\n')
  const inspection = inspectionFromOpening(opening)
  const titleLine = document.lines[document.roles.findIndex((role) => role.kind === 'title')]
  const frontmatter: Record<string, unknown> = {}
  let title = titleLine?.text.trim()
  let titleFrom: 'text' | 'made-up' = 'text'
  if (!title) {
    if (portal.metadata.headline) title = portal.metadata.headline
    else {
      title = inspection.unit ? `${inspection.unit}巡察整改情况公布` : `${id} 巡察整改情况公布`
      titleFrom = 'made-up'
    }
    frontmatter.title = title
  }
  if (portal.metadata.source) frontmatter.source = portal.metadata.source
  if (Object.keys(inspection).length > 0) frontmatter.inspection = inspection
  const basis = basisFromOpening(opening)
  if (basis) frontmatter.basis = basis
  if (portal.metadata.dates) frontmatter.dates = portal.metadata.dates
  if (portal.metadata.disclosure) frontmatter.disclosure = portal.metadata.disclosure
  if (portal.omitted.length > 0) frontmatter.omitted = portal.omitted
  return { title, titleFrom, frontmatter }
}

function report(
  id: string,
  document: ParsedDocument,
  plan: Plan,
  title: string,
  titleFrom: 'text' | 'made-up',
  omitted: OmittedLine[],
  inputLine: (index: number) => number
): ImportReport {
  const headings: Record<string, number> = {}
  for (const heading of document.headings) {
    if (heading.line < 0) continue
    headings[heading.scheme] = (headings[heading.scheme] ?? 0) + 1
  }
  const byStatus = Object.fromEntries(statuses.map((status) => [status, 0])) as Record<Status, number>
  const findings = document.findings.map((finding, index) => {
    const status: Status = finding.status?.status ?? 'unknown'
    byStatus[status]++
    return { id: plan.findingIds[index] ?? `n${index + 1}`, status, line: inputLine(finding.firstLine) }
  })
  const plainLines = document.roles.flatMap((role, index) =>
    role.kind === 'narrative' || role.kind === 'opening' || role.kind === 'closing' ? [inputLine(index)] : []
  )
  return {
    id,
    title,
    titleFrom,
    stats: { total: findings.length, byStatus },
    findings,
    omitted,
    unknownStatus: findings.filter((finding) => finding.status === 'unknown').map((finding) => finding.line),
    headings,
    plainLines,
    sequentialNames: plan.sequential
  }
}

function firstUnsavableLine(texts: readonly string[]): number | undefined {
  // eslint-disable-next-line no-control-regex
  const index = texts.findIndex((text) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udfff]/u.test(text))
  return index === -1 ? undefined : index + 1
}
