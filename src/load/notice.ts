/**
 * Assembles one notice from the text of its files: frontmatter validated against the schema,
 * bodies read as lines, the whole parsed as one document, findings matched to their files.
 * Pure: the files come in as strings.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { parseBody, type Body } from '../markdown/parse.js'
import {
  findingFrontmatter,
  noticeFrontmatter,
  sectionFrontmatter,
  type FindingFrontmatter,
  type FindingRecord,
  type NoticeFrontmatter,
  type NoticeRecord
} from '../model/schema.js'
import { statusNames, statuses, type Status } from '../model/vocabulary.js'
import { parseDocument } from '../structure/parse.js'
import { inspectedUnits } from '../structure/units.js'
import type { DocLine, ParsedDocument, ParsedFinding, Region } from '../structure/types.js'
import { compareNaturalKeys, naturalKey } from '../text/natural-sort.js'
import { splitFrontmatter, type Frontmatter } from './frontmatter.js'
import { contentLimits, findLimitBreach, treeDepth } from './limits.js'
import { schemaDiagnostics } from './schema-diagnostics.js'

export type SourceKind = 'notice' | 'finding' | 'section'

export interface SourceFile {
  /** Path as shown in diagnostics (relative to the working directory). */
  path: string
  /** Path inside the content folder, e.g. `2021-x/findings/01-01.md`: what outputs cite, whatever the working directory. */
  ref: string
  /** Name inside its folder, e.g. `01-04-02.md`; orders the parts. */
  name: string
  kind: SourceKind
  text: string
  /**
   * When the file was last changed, where the listing took it (not from git, not without a cache):
   * it tells which of two files holding the same finding id is the one just edited.
   */
  mtimeMs?: number
}

export interface NoticeSource {
  id: string
  files: SourceFile[]
}

export interface LoadOptions {
  statusPhrases: Readonly<Record<string, Exclude<Status, 'unknown'>>>
}

export interface LoadedPart {
  file: SourceFile
  frontmatter: Frontmatter
  body: Body
  finding?: FindingFrontmatter
  /** Set when the file was not parsed because it passes a bound of `limits.ts`; its diagnostic says why. */
  refused?: boolean
}

export interface LoadedFinding {
  parsed: ParsedFinding
  part?: LoadedPart
  record: FindingRecord
}

export interface LoadedNotice {
  id: string
  meta: NoticeFrontmatter
  noticeFile?: LoadedPart
  parts: LoadedPart[]
  document: ParsedDocument
  findings: LoadedFinding[]
  record: NoticeRecord
  diagnostics: Diagnostic[]
}

const kindOrder: Record<SourceKind, number> = { notice: 0, section: 1, finding: 2 }

export function orderParts(files: readonly SourceFile[]): SourceFile[] {
  // Each name is cut into runs once, not at every comparison.
  return files
    .filter((file) => file.kind !== 'notice')
    .map((file) => ({ file, stem: naturalKey(stem(file.name)), name: naturalKey(file.name) }))
    .sort((a, b) => compareNaturalKeys(a.stem, b.stem) || kindOrder[a.file.kind] - kindOrder[b.file.kind] || compareNaturalKeys(a.name, b.name))
    .map(({ file }) => file)
}

const stem = (name: string): string => name.replace(/\.md$/iu, '')

export function loadNotice(source: NoticeSource, options: LoadOptions): LoadedNotice {
  const diagnostics: Diagnostic[] = []
  const noticeSource = source.files.find((file) => file.kind === 'notice')
  let meta: NoticeFrontmatter = {}
  let noticeFile: LoadedPart | undefined
  // A title error would only repeat that the frontmatter could not be read: report it when the frontmatter is sound.
  let metaSound = true
  if (noticeSource) {
    noticeFile = readPart(noticeSource)
    diagnostics.push(...noticeFile.frontmatter.diagnostics)
    metaSound = noticeFile.frontmatter.data !== undefined
    if (noticeFile.frontmatter.data !== undefined) {
      const checked = schemaDiagnostics(noticeSource.path, noticeFile.frontmatter, noticeFrontmatter, noticeFile.frontmatter.data)
      diagnostics.push(...checked.diagnostics)
      if (checked.value) meta = checked.value as NoticeFrontmatter
      else metaSound = false
      if (meta.id !== undefined && meta.id !== source.id) {
        diagnostics.push({
          file: noticeSource.path,
          line: 1,
          column: 1,
          severity: 'error',
          rule: 'schema',
          message: `id “${meta.id}”与文件夹名“${source.id}”不一致：请删除 id 或把两者改成一样`
        })
      }
    }
  }

  const parts = orderParts(source.files).map((file) => {
    const part = readPart(file)
    diagnostics.push(...part.frontmatter.diagnostics)
    const data = part.frontmatter.data
    if (data !== undefined) {
      const finding = file.kind === 'finding'
      const checked = schemaDiagnostics(file.path, part.frontmatter, finding ? findingFrontmatter : sectionFrontmatter, data)
      diagnostics.push(...checked.diagnostics)
      if (checked.value && finding) part.finding = checked.value as FindingFrontmatter
    }
    return part
  })

  const lines = documentLines(noticeFile, parts)
  const document = parseDocument(lines, options)
  const findings = matchFindings(document, parts, diagnostics)
  const record = noticeRecord(source.id, meta, document, findings, noticeSource?.path ?? `${source.id}/notice.md`, metaSound ? diagnostics : [])
  return { id: source.id, meta, ...(noticeFile ? { noticeFile } : {}), parts, document, findings, record, diagnostics }
}

function readPart(file: SourceFile): LoadedPart {
  // A BOM and CRLF or CR line ends are how many Windows editors save: the same notice as plain LF.
  const withoutBom = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text
  // Scanning for a \r first: most files have none, and a regular-expression replace copies every one.
  const text = withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/gu, '\n') : withoutBom
  const breach = findLimitBreach(text)
  if (breach) return refusedPart(file, breach.line, breach.column, breach.message)
  const frontmatter = splitFrontmatter(file.path, text)
  let body: Body
  try {
    body = parseBody(frontmatter.body, frontmatter.separatorLines)
  } catch (error) {
    // Bounds above keep the parser's recursion shallow; this is the net if an input still finds a way down.
    if (!(error instanceof RangeError)) throw error
    return refusedPart(file, frontmatter.bodyLine, 1, '正文结构过于复杂，无法解析：请检查是否有大量嵌套的引用、列表或括号')
  }
  const deepBlock = body.blocks.find((block) => treeDepth(block.node as { children?: unknown[] }) > contentLimits.treeDepth)
  if (deepBlock) {
    return refusedPart(
      file,
      deepBlock.line + frontmatter.bodyLine - 1,
      deepBlock.column,
      `这一段的格式嵌套超过 ${contentLimits.treeDepth} 层（强调、链接、引用或列表套在一起）：请改为普通文字`
    )
  }
  return { file, frontmatter, body }
}

/** A file the loader will not parse: no frontmatter, no body, one `limits` error. */
function refusedPart(file: SourceFile, line: number, column: number, message: string): LoadedPart {
  const frontmatter = splitFrontmatter(file.path, '')
  frontmatter.data = undefined
  frontmatter.diagnostics.push({ file: file.path, line, column, severity: 'error', rule: 'limits', message })
  return { file, frontmatter, body: parseBody('', 0), refused: true }
}

/** The notice's lines in reading order: notice.md up to the marker, the parts, then the rest of notice.md. */
function documentLines(noticeFile: LoadedPart | undefined, parts: readonly LoadedPart[]): DocLine[] {
  const lines: DocLine[] = []
  const push = (part: LoadedPart, partIndex: number | undefined, from: number, to: number, region: Region, leading: number): void => {
    const { blocks } = part.body
    const offset = part.frontmatter.bodyLine - 1
    for (let blank = 0; blank < leading; blank++) lines.push(blankLine(part, offset + 1 + blank, region))
    for (let index = from; index < to; index++) {
      const block = blocks[index]
      if (!block) continue
      const line: DocLine = {
        text: block.text,
        file: part.file.path,
        line: block.line + offset,
        column: block.column,
        region,
        node: block.node
      }
      if (block.columns) line.columns = block.columns
      if (partIndex !== undefined) {
        line.part = partIndex
        if (index === from) line.partStart = part.file.kind === 'finding' ? 'finding' : 'section'
      }
      lines.push(line)
      for (let blank = 0; blank < block.blankAfter; blank++) lines.push(blankLine(part, block.endLine + offset + 1 + blank, region))
    }
  }
  const marker = noticeFile ? (noticeFile.body.marker === -1 ? noticeFile.body.blocks.length : noticeFile.body.marker) : 0
  if (noticeFile) push(noticeFile, undefined, 0, marker, 'head', noticeFile.body.blankBefore)
  for (const [index, part] of parts.entries()) push(part, index, 0, part.body.blocks.length, 'body', part.body.blankBefore)
  if (noticeFile) push(noticeFile, undefined, marker, noticeFile.body.blocks.length, 'tail', 0)
  return lines
}

function blankLine(part: LoadedPart, line: number, region: Region): DocLine {
  return { text: '', file: part.file.path, line, column: 1, region }
}

function matchFindings(document: ParsedDocument, parts: readonly LoadedPart[], diagnostics: Diagnostic[]): LoadedFinding[] {
  const perPart = new Map<number, number>()
  const findings: LoadedFinding[] = []
  document.findings.forEach((parsed, index) => {
    const first = document.lines[parsed.firstLine]
    const partIndex = first?.part
    const part = partIndex === undefined ? undefined : parts[partIndex]
    if (part && partIndex !== undefined) {
      const seen = perPart.get(partIndex) ?? 0
      perPart.set(partIndex, seen + 1)
      if (part.file.kind === 'section') {
        diagnostics.push(at(first, 'structure', `这里出现了问题内容或整改情况，但 ${part.file.path} 是章节文件：请把这个问题移到 findings/ 下单独的文件中`))
      } else if (seen > 0) {
        diagnostics.push(at(first, 'structure', '一个问题文件只能写一个问题：请把这里开始的内容移到 findings/ 下新的文件中，并给它一个新的 id'))
      }
    }
    const data = part?.finding
    findings.push({ parsed, ...(part ? { part } : {}), record: findingRecord(parsed, data, first, part?.file.ref, index, diagnostics) })
  })
  parts.forEach((part, index) => {
    // A file whose frontmatter could not be read already has its error; its body is unknown, not empty.
    if (part.file.kind !== 'finding' || perPart.has(index) || part.frontmatter.data === undefined) return
    const firstBlock = part.body.blocks[0]
    diagnostics.push({
      file: part.file.path,
      line: firstBlock ? firstBlock.line + part.frontmatter.bodyLine - 1 : 1,
      column: 1,
      severity: 'error',
      rule: 'empty-finding',
      message: '这个问题文件没有内容：请写出“问题内容：”和“整改情况：”，或删除这个文件'
    })
  })
  return findings
}

function at(line: DocLine | undefined, rule: string, message: string): Diagnostic {
  return { file: line?.file ?? '', line: line?.line ?? 1, column: line?.column ?? 1, severity: 'error', rule, message }
}

function findingRecord(
  parsed: ParsedFinding,
  data: FindingFrontmatter | undefined,
  first: DocLine | undefined,
  ref: string | undefined,
  index: number,
  diagnostics: Diagnostic[]
): FindingRecord {
  const fromText = parsed.status
  if (fromText && data?.status && data.status !== fromText.status && first) {
    diagnostics.push(
      at(first, 'schema', `元数据中的 status: ${data.status} 与正文中的“${fromText.phrase}”不一致：整改状态以正文为准，请删除 status 或改正正文`)
    )
  }
  const status: Status = fromText?.status ?? data?.status ?? 'unknown'
  const id = data?.id ?? (parsed.path.length > 0 ? parsed.path.join('-') : `n${index + 1}`)
  const record: FindingRecord = {
    id,
    anchor: `f-${id}`,
    path: parsed.path,
    title: parsed.title,
    status,
    statusText: fromText?.phrase ?? (data?.status ? statusNames[data.status] : ''),
    sustained: fromText?.sustained || data?.sustained || false,
    problem: parsed.problem,
    rectification: parsed.rectification,
    labels: parsed.labels.map((label) => ({ kind: label.kind, label: label.label })),
    fields: parsed.fields.map((field) => ({ label: field.label, kind: field.kind, text: field.text })),
    source: { file: ref ?? first?.file ?? '', line: first?.line ?? 1 }
  }
  if (data?.deadline) record.deadline = data.deadline
  if (data?.responsible) record.responsible = data.responsible
  return record
}

function noticeRecord(
  id: string,
  meta: NoticeFrontmatter,
  document: ParsedDocument,
  findings: readonly LoadedFinding[],
  noticePath: string,
  diagnostics: Diagnostic[]
): NoticeRecord {
  const lineOf = (kind: string): DocLine | undefined => document.lines[document.roles.findIndex((role) => role.kind === kind)]
  const titleLine = lineOf('title')
  const title = meta.title ?? titleLine?.text.trim()
  if (!title) {
    diagnostics.push({
      file: noticePath,
      line: 1,
      column: 1,
      severity: 'error',
      rule: 'schema',
      message: '缺少标题：请在 notice.md 的元数据中写 title: ……，或把标题写在正文第一行'
    })
  }
  const dateRole = document.roles.find((role) => role.kind === 'date')
  const dateFromText = dateRole?.kind === 'date' ? isoFromParts(dateRole.date.year, dateRole.date.month, dateRole.date.day) : undefined
  const phones = new Set<string>()
  const emails = new Set<string>()
  let address: string | undefined
  let postcode: string | undefined
  for (const role of document.roles) {
    if (role?.kind !== 'contact') continue
    for (const phone of role.contact.phones) phones.add(phone)
    for (const email of role.contact.emails) emails.add(email)
    address ??= role.contact.address
    postcode ??= role.contact.postcode
  }
  for (const phone of [meta.contact?.phone ?? []].flat()) phones.add(phone)
  for (const email of [meta.contact?.email ?? []].flat()) emails.add(email)
  address ??= meta.contact?.address
  postcode ??= meta.contact?.postcode

  const stats = statsOf(findings.map((finding) => finding.record))
  const written = meta.dates?.written ?? dateFromText
  const record: NoticeRecord = {
    id,
    title: title ?? id,
    inspection: meta.inspection,
    dates: {
      ...(written ? { written } : {}),
      ...(meta.dates?.published ? { published: meta.dates.published } : written ? { published: written } : {})
    },
    contact: { phones: [...phones], emails: [...emails], ...(address ? { address } : {}), ...(postcode ? { postcode } : {}) },
    disclosure: meta.disclosure,
    keywords: meta.keywords ?? [],
    changes: [...(meta.changes ?? [])].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)),
    findings: findings.map((finding) => finding.record),
    stats
  }
  const units = inspectedUnits(document)
  if (units.length > 0) {
    record.units = units.map((unit) => {
      const records = unit.findings.flatMap((index) => (findings[index] ? [findings[index].record] : []))
      return { name: unit.name, findings: records.map((finding) => finding.id), stats: statsOf(records) }
    })
  }
  const signature = meta.signature ?? signatureOf(document)
  if (signature) record.signature = signature
  if (meta.issuer ?? signature) record.issuer = meta.issuer ?? signature
  if (meta.source ?? meta.issuer ?? signature) record.source = meta.source ?? meta.issuer ?? signature
  return record
}

function statsOf(findings: readonly FindingRecord[]): NoticeRecord['stats'] {
  const byStatus: Record<string, number> = {}
  for (const status of statuses) byStatus[status] = 0
  for (const finding of findings) byStatus[finding.status] = (byStatus[finding.status] ?? 0) + 1
  const total = findings.length
  return { total, byStatus, stated: total - (byStatus.unknown ?? 0), completionRate: total === 0 ? 0 : Math.round(((byStatus.done ?? 0) / total) * 1000) / 10 }
}

/** The signature as one name, joined when it was wrapped over consecutive lines. */
function signatureOf(document: ParsedDocument): string | undefined {
  const first = document.roles.findIndex((role) => role.kind === 'signature')
  if (first === -1) return undefined
  let signature = ''
  for (let index = first; document.roles[index]?.kind === 'signature'; index++) signature += document.lines[index]?.text.trim() ?? ''
  return signature
}

function isoFromParts(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
