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
import { serializeBody, serializeFile } from './serialize.js'

export interface ImportedFile {
  /** Path inside the notice's folder, e.g. `findings/01-04-02.md`. */
  path: string
  text: string
}

export interface ImportReport {
  headings: Record<string, number>
  findings: number
  byStatus: Record<Status, number>
  /** 1-based line numbers of lines kept as plain text (opening, narrative, closing). */
  plainLines: number[]
  generatedTitle?: string
  sequentialNames: boolean
}

export type ImportOutcome =
  | { ok: true; files: ImportedFile[]; report: ImportReport }
  | { ok: false; line: number; message: string }

export interface ImportOptions {
  statusPhrases?: Readonly<Record<string, Exclude<Status, 'unknown'>>>
  /** notice.md fields known from outside the text (a Word file's title by its look); a title here is not made up. */
  frontmatter?: Record<string, unknown>
}

export function importText(source: string, id: string, options: ImportOptions = {}): ImportOutcome {
  const statusPhrases = { ...defaultStatusPhrases, ...options.statusPhrases }
  const texts = splitLines(source)
  // The loader refuses files past its parse bounds; say so with the line, rather than fail the round trip below.
  for (const [index, text] of texts.entries()) {
    const breach = findLimitBreach(text)
    if (breach) return { ok: false, line: index + 1, message: `第 ${index + 1} 行：${breach.message.replace(/^这一行/u, '')}` }
  }
  const expected = texts.length === 0 ? '' : `${texts.join('\n')}\n`
  const lines: DocLine[] = texts.map((text, index) => ({ text, file: '', line: index + 1, column: 1 }))
  const document = parseDocument(lines, { statusPhrases })
  const plan = planParts(document)
  const metadata = noticeMetadata(document, plan, id, typeof options.frontmatter?.title === 'string')
  const title = metadata.title
  // The given fields lead notice.md (the title first), and win over what the opening suggests.
  const frontmatter = { ...options.frontmatter, ...metadata.frontmatter, ...options.frontmatter }

  let mismatch = 1
  for (const escape of [escapeLine, escapeLineStrict]) {
    const files = writeFiles(document, plan, frontmatter, escape)
    const reread = loadNotice(
      { id, files: files.map((file): SourceFile => ({ path: file.path, ref: file.path, name: file.path.split('/').pop() ?? file.path, kind: kindOf(file.path), text: file.text })) },
      { statusPhrases }
    )
    const rendered = renderText(reread.document)
    if (rendered === expected && reread.document.findings.length === document.findings.length) {
      return { ok: true, files, report: report(document, plan, title) }
    }
    mismatch = firstMismatch(texts, rendered, plan, reread.document)
    const refused = reread.diagnostics.find((diagnostic) => diagnostic.rule === 'limits')
    if (refused) {
      const part = plan.parts.find((candidate) => refused.file.endsWith(`/${candidate.name}`))
      const line = part ? (part.lines[0] ?? 0) + 1 : 1
      return { ok: false, line, message: `从第 ${line} 行开始的这一部分超过了解析上限：${refused.message}` }
    }
  }
  const unsavable = firstUnsavableLine(texts)
  if (unsavable !== undefined) return { ok: false, line: unsavable, message: `第 ${unsavable} 行含有无法原样保存的字符（控制字符或不成对的代理项）：请删除后再导入` }
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

function kindOf(path: string): SourceFile['kind'] {
  if (path.startsWith('findings/')) return 'finding'
  if (path.startsWith('sections/')) return 'section'
  return 'notice'
}

function writeFiles(document: ParsedDocument, plan: Plan, frontmatter: Record<string, unknown>, escape: (line: string) => string): ImportedFile[] {
  const textOf = (index: number): string => document.lines[index]?.text ?? ''
  const noticeLines = [...plan.head, ...plan.tail].map(textOf)
  const marker = plan.tail.length > 0 || plan.parts.length > 0 ? plan.head.length : undefined
  const files: ImportedFile[] = [{ path: 'notice.md', text: serializeFile(frontmatter, serializeBody(noticeLines, escape, marker)) }]
  for (const part of plan.parts) {
    const folder = part.kind === 'finding' ? 'findings' : 'sections'
    const data = part.kind === 'finding' ? { id: part.id } : undefined
    files.push({ path: `${folder}/${part.name}`, text: serializeFile(data, serializeBody(part.lines.map(textOf), escape)) })
  }
  return files
}

function noticeMetadata(document: ParsedDocument, plan: Plan, id: string, titleGiven: boolean): { title?: string; frontmatter: Record<string, unknown> } {
  const opening = plan.head.filter((index) => document.roles[index]?.kind === 'opening').map((index) => document.lines[index]?.text ?? '').join('\n')
  const inspection = inspectionFromOpening(opening)
  const hasTitle = document.roles.some((role) => role.kind === 'title')
  const frontmatter: Record<string, unknown> = {}
  let title: string | undefined
  if (!hasTitle && !titleGiven) {
    title = inspection.unit ? `${inspection.unit}巡察整改情况公布` : `${id} 巡察整改情况公布`
    frontmatter.title = title
  }
  if (Object.keys(inspection).length > 0) frontmatter.inspection = inspection
  const basis = basisFromOpening(opening)
  if (basis) frontmatter.basis = basis
  return { ...(title ? { title } : {}), frontmatter }
}

function report(document: ParsedDocument, plan: Plan, generatedTitle: string | undefined): ImportReport {
  const headings: Record<string, number> = {}
  for (const heading of document.headings) {
    if (heading.line < 0) continue
    headings[heading.scheme] = (headings[heading.scheme] ?? 0) + 1
  }
  const byStatus = Object.fromEntries(statuses.map((status) => [status, 0])) as Record<Status, number>
  for (const finding of document.findings) byStatus[finding.status?.status ?? 'unknown']++
  const plainLines = document.roles.flatMap((role, index) => (role.kind === 'narrative' || role.kind === 'opening' || role.kind === 'closing' ? [index + 1] : []))
  return {
    headings,
    findings: document.findings.length,
    byStatus,
    plainLines,
    ...(generatedTitle ? { generatedTitle } : {}),
    sequentialNames: plan.sequential
  }
}

function firstUnsavableLine(texts: readonly string[]): number | undefined {
  // eslint-disable-next-line no-control-regex
  const index = texts.findIndex((text) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udfff]/u.test(text))
  return index === -1 ? undefined : index + 1
}
