import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { importDocx, type DocxReport } from '../../import/docx/import-docx.js'
import { importText, type ImportOutcome, type ImportReport } from '../../import/import.js'
import { loadSite } from '../../load/site.js'
import { UsageError } from '../../model/errors.js'
import { statusNames, type Status } from '../../model/vocabulary.js'
import { decodeText } from '../../text/decode.js'
import { ArgumentError, checkNoticeIdArgument, exitCodes, type Command, type Io } from '../command.js'
import { convertToDocx, sofficePath, wordKind } from '../word-file.js'

const schemeNames: Record<string, string> = { cn: '“一、”', 'cn-paren': '“（一）”', num: '“1、/1.”', 'num-paren': '“（1）”', shi: '“一是”' }

export const importCommand: Command = {
  name: 'import',
  help: `用法：notice import 文件 --id 编号 [--content 文件夹] [--force] [--format text|json]

把一份纯文本通报（UTF-8 或 GB18030/GBK 编码）或 Word 文档（.docx）拆分为 内容文件夹/编号/ 下的 notice.md、
每个问题一个文件（findings/）和章节文件（sections/）。不认识的行原样保留为文字，不会丢失任何字符：
导入后生成的 notice.txt 与原文逐字相同。从网页复制的通报，网页上的信息公开元数据（信息索引号、发布机构、
成文日期等）和分享、打印、字体等控件行不属于通报正文：导入时列出这些行，原样保存在 notice.md 的 omitted 中，
元数据写入 notice.md，notice.txt 是原文去掉这些行。内容文件夹里有 site.yml 时，按其中的 statusPhrases 识别整改状态。

参数：
  --id 编号          通报编号：小写字母、数字和连字符，例如 2021-yichuan-cluster
  --content 文件夹   内容文件夹（默认 content）
  --force            编号已存在时覆盖（默认拒绝覆盖）
  --format 格式      text（默认，中文摘要）或 json（一个 JSON 对象：id、title、titleFrom、stats、findings、
                     omitted、unknownStatus）
  -h, --help         显示本帮助`,
  options: {
    id: { type: 'string' },
    content: { type: 'string' },
    force: { type: 'boolean' },
    format: { type: 'string' }
  },
  allowPositionals: true,
  async run(values, positionals, io) {
    const [file, ...extra] = positionals
    if (!file) throw new ArgumentError('缺少要导入的文件：notice import 文件 --id 编号')
    if (extra.length > 0) throw new ArgumentError(`多余的参数 ${extra.join(' ')}`)
    const id = values.id
    if (typeof id !== 'string') throw new ArgumentError('缺少 --id：请给这份通报一个编号，例如 --id 2021-yichuan-cluster')
    checkNoticeIdArgument(id)
    const format = values.format ?? 'text'
    if (format !== 'text' && format !== 'json') throw new ArgumentError(`--format 只能是 text 或 json，而不是“${String(format)}”`)
    const input = path.resolve(io.cwd, file)
    const bytes = await readFile(input).catch(() => {
      throw new UsageError(`找不到文件 ${file}`)
    })
    const kind = wordKind(bytes, file)
    let docxBytes: Uint8Array | undefined
    let text = ''
    let encoding = 'docx'
    if (kind === 'legacy') {
      const soffice = sofficePath()
      if (!soffice) {
        io.err(
          `${file}:1:1: error: 这是旧版 Word（.doc）或 WPS（.wps）文件，不能直接读取：请在 Word 或 WPS 中“另存为” .docx 后再导入；安装 LibreOffice 后也可自动转换 [import]\n`
        )
        return exitCodes.contentError
      }
      docxBytes = convertToDocx(soffice, input)
      if (!docxBytes) {
        io.err(`${file}:1:1: error: LibreOffice 未能把这个文件转换为 .docx（文件可能已损坏）：请在 Word 或 WPS 中另存为 .docx 后再导入 [import]\n`)
        return exitCodes.contentError
      }
    } else if (kind === 'docx') docxBytes = new Uint8Array(bytes)
    else {
      const decoded = decodeText(bytes, { allowLegacy: true })
      if (!decoded.ok) {
        io.err(
          `${file}:1:1: error: ${decoded.reason === 'encoding' ? '无法识别文件编码：请另存为 UTF-8 或 GB18030' : '这不是文本文件，也不是 Word 文档（.docx）：请另存为 .docx 或“纯文本”后再导入'} [import]\n`
        )
        return exitCodes.contentError
      }
      text = decoded.text
      encoding = decoded.encoding
      if (decoded.encoding === 'big5')
        io.err(`${file}:1:1: warning: 这个文件是 Big5 编码（繁体中文），已按 Big5 读取，导入的内容是繁体字：请核对；如需简体，请转换后再导入 [import]\n`)
      if (decoded.notUtf8) io.err(`${file}:1:1: warning: 这个文件按 UTF-8 读是乱码，已按 GB18030（GBK）读取：请核对导入的文字 [import]\n`)
    }
    const contentDir = path.resolve(io.cwd, String(values.content ?? 'content'))
    const siteFile = path.join(contentDir, 'site.yml')
    const siteText = await readFile(siteFile, 'utf8').catch(() => undefined)
    const { site, diagnostics: siteProblems } = loadSite(siteText === undefined ? undefined : { path: path.relative(io.cwd, siteFile), text: siteText })
    const siteErrors = siteProblems.filter((diagnostic) => diagnostic.severity === 'error')
    if (siteErrors.length > 0) {
      for (const problem of siteErrors) io.err(`${problem.file}:${problem.line}:${problem.column}: error: ${problem.message} [${problem.rule}]\n`)
      return exitCodes.contentError
    }
    let outcome: ImportOutcome
    let docx: DocxReport | undefined
    if (docxBytes) {
      const result = importDocx(docxBytes, id, { statusPhrases: site.statusPhrases })
      docx = result.docx
      outcome = result
    } else outcome = importText(text, id, { statusPhrases: site.statusPhrases })
    if (!outcome.ok) {
      // A Word file's line is a line of the text it reads as (notice.txt); 0 when the file could not be opened.
      io.err(`${file}:${Math.max(outcome.line, 1)}:1: error: ${outcome.message} [import]\n`)
      return exitCodes.contentError
    }
    const target = path.join(contentDir, id)
    const exists = (await stat(target).catch(() => undefined)) !== undefined
    if (exists && !values.force) {
      io.err(`${path.relative(io.cwd, target)} 已存在，未做任何修改：如要覆盖，请加 --force\n`)
      return exitCodes.usage
    }
    await writeFolder(target, outcome.files)
    if (format === 'json')
      io.out(
        `${JSON.stringify({ ...jsonReport(outcome.report), ...(docx ? { from: 'docx', docx: { title: docx.title, counts: docx.counts, origins: docx.origins } } : {}) })}\n`
      )
    else {
      printReport(io, outcome.report, encoding, path.relative(io.cwd, target) || target)
      if (docx) printDocxReport(io, docx)
    }
    return exitCodes.ok
  }
}

/** Writes the whole folder beside the target and moves it into place, so a failed import leaves nothing half-written. */
async function writeFolder(target: string, files: ReadonlyArray<{ path: string; text: string }>): Promise<void> {
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`
  // Hidden names: the content reader skips dot-folders, so what a killed import leaves never reads as a notice.
  const hidden = (kind: string): string => path.join(path.dirname(target), `.${path.basename(target)}.${kind}-${suffix}`)
  const staging = hidden('tmp')
  const retired = hidden('old')
  await mkdir(path.dirname(target), { recursive: true })
  try {
    for (const file of files) {
      const destination = path.join(staging, file.path)
      await mkdir(path.dirname(destination), { recursive: true })
      await writeFile(destination, file.text)
    }
    const exists = (await stat(target).catch(() => undefined)) !== undefined
    if (exists) await rename(target, retired)
    await rename(staging, target)
    if (exists) await rm(retired, { recursive: true, force: true })
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}

/** The report's contract (DESIGN §5): these keys, in this order. */
function jsonReport(report: ImportReport): Pick<ImportReport, 'id' | 'title' | 'titleFrom' | 'stats' | 'findings' | 'omitted' | 'unknownStatus'> {
  const { id, title, titleFrom, stats, findings, omitted, unknownStatus } = report
  return { id, title, titleFrom, stats, findings, omitted, unknownStatus }
}

const omittedNames = { metadata: '网页元数据', chrome: '网页控件' } as const

function printReport(io: Io, report: ImportReport, encoding: string, target: string): void {
  const headings = Object.entries(report.headings)
    .map(([scheme, count]) => `${schemeNames[scheme] ?? scheme} ${count} 个`)
    .join('，')
  const statuses = (Object.entries(report.stats.byStatus) as Array<[Status, number]>)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${statusNames[status]} ${count} 个`)
    .join('，')
  io.out(
    `已导入到 ${target}/（${encoding === 'docx' ? 'Word 文档' : `原文编码 ${encoding === 'utf-8' ? 'UTF-8' : encoding === 'big5' ? 'Big5' : encoding.toUpperCase()}`}）\n`
  )
  io.out(report.titleFrom === 'text' ? `标题：${report.title}\n` : `原文没有标题，已在 notice.md 中填写 title: ${report.title}，请核对修改\n`)
  io.out(`识别出标题：${headings || '无'}\n`)
  io.out(`识别出问题 ${report.stats.total} 个${statuses ? `：${statuses}` : ''}\n`)
  for (const finding of report.findings) io.out(`  第 ${finding.line} 行  ${finding.id}  ${statusNames[finding.status]}\n`)
  if (report.unknownStatus.length > 0) io.out(`没有写明整改状态的问题（第 ${compactRanges(report.unknownStatus)} 行）：请核对，notice check 会逐个提醒\n`)
  if (report.omitted.length > 0) {
    io.out(`没有放进正文的网页内容 ${report.omitted.length} 行（原样保存在 notice.md 的 omitted 中）：\n`)
    for (const line of report.omitted) io.out(`  第 ${line.line} 行（${omittedNames[line.as]}）：${line.text}\n`)
  }
  if (report.plainLines.length > 0) io.out(`按原文保留为普通文字的行（开头、结尾、叙述）：第 ${compactRanges(report.plainLines)} 行\n`)
  if (report.sequentialNames) io.out('原文编号不连续，文件按出现顺序命名（001.md、002.md …）；请运行 notice check 查看编号问题\n')
}

const sourceNames: Record<string, string> = { table: '表格', footnote: '脚注', endnote: '尾注', textbox: '文本框' }

function printDocxReport(io: Io, docx: DocxReport): void {
  const { counts } = docx
  const parts = [
    counts.numbered > 0 ? `自动编号 ${counts.numbered} 段（已按页面显示写成文字）` : '',
    counts.tableRows > 0 ? `表格 ${counts.tableRows} 行（单元格以制表符分隔）` : '',
    counts.notes > 0 ? `脚注/尾注 ${counts.notes} 条（正文中记为 [n]，注文放在最后）` : '',
    counts.textBoxLines > 0 ? `文本框 ${counts.textBoxLines} 行（放在所在段落之后）` : '',
    counts.boldLabels > 0 ? `加粗标签 ${counts.boldLabels} 个` : ''
  ].filter(Boolean)
  if (docx.title) io.out(`标题（按字号和居中识别）：${docx.title.text}${docx.title.as === 'frontmatter' ? '（写入 notice.md 的 title）' : ''}\n`)
  if (parts.length > 0) io.out(`Word 文档中读到：${parts.join('，')}\n`)
  const added = docx.origins.filter((origin) => origin.colonAdded).map((origin) => origin.line)
  if (added.length > 0) io.out(`第 ${compactRanges(added)} 行的加粗标签原文没有冒号，已补上“：”，请核对\n`)
  const fromOther = docx.origins.filter((origin) => sourceNames[origin.from] && !origin.continues)
  if (fromOther.length > 0 && fromOther.length <= 20) {
    io.out(
      `来自${[...new Set(fromOther.map((origin) => sourceNames[origin.from]))].join('、')}的行：第 ${compactRanges(fromOther.map((origin) => origin.line))} 行\n`
    )
  }
}

function compactRanges(numbers: readonly number[]): string {
  const ranges: string[] = []
  let start = numbers[0]
  let previous = start
  for (const value of [...numbers.slice(1), undefined]) {
    if (value !== undefined && previous !== undefined && value === previous + 1) {
      previous = value
      continue
    }
    if (start !== undefined) ranges.push(start === previous ? String(start) : `${start}-${previous}`)
    start = value
    previous = value
  }
  return ranges.join('、')
}
