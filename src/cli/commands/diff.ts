import { existsSync } from 'node:fs'
import path from 'node:path'
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js'
import { compareContent, hasDifferences, type ContentDiff } from '../../diff/compare.js'
import { diffJson } from '../../diff/json.js'
import { draftNote, noteYaml } from '../../diff/note.js'
import { buildRedline } from '../../diff/redline.js'
import { renderDiffText, type SideLabel } from '../../diff/text.js'
import { contentPathInRepository, openRepository, readContentAt, resolveRevision } from '../../load/git.js'
import { loadNotice, type LoadedNotice } from '../../load/notice.js'
import { readContent, type ContentSource } from '../../load/read.js'
import { UsageError } from '../../model/errors.js'
import { loadSite } from '../../load/site.js'
import { isoDate } from '../../model/schema.js'
import { bundledTemplates, readTemplates, resolveTemplatesDir } from '../../render/read-templates.js'
import { createRenderer } from '../../render/templates.js'
import { writeFileAtomically } from '../../write/file.js'
import { ArgumentError, exitCodes, type Command, type Io } from '../command.js'
import { refuseNoticeFolderAsContent, selectNotices } from '../select.js'

const formats = ['text', 'html', 'json', 'note'] as const
type Format = (typeof formats)[number]

export const diff: Command = {
  name: 'diff',
  help: `用法：notice diff 版本A [版本B] [通报编号…] [--content 文件夹] [--format text|html|json|note] [--out 文件] [--date 日期]

比较内容文件夹在 git 中两个版本之间的变化：按问题的固定编号（findings 文件中的 id）逐个对照，
列出新增、删除、重新编号（编号变了、内容没变）和修改的问题，每一处整改状态的变化（如 正在整改 → 已完成），
按词标出的文字改动，以及通报本身信息（标题、日期、落款、巡察信息等）的变化。
版本B 省略时与工作区（磁盘上当前的文件，含未提交的修改）比较。版本可以写提交号、分支名、标签或 HEAD~1。
写了通报编号（或通报文件夹的路径）时只比较这些通报。git 在内容文件夹所在的仓库中运行，
内容可以在任何位置的仓库里（用 --content 指定）。

参数：
  --content 文件夹   内容文件夹（默认 content）
  --format 格式      text（默认）终端摘要；html 修订对照网页（<ins>/<del> 标注，可打印）；
                     json 机器可读的对照结果；note 起草一条更新记录（notice.md 的 changes）
  --out 文件         写入文件（整体写入，不会留下写了一半的文件），默认输出到终端
  --date 日期        note 格式的更新日期 YYYY-MM-DD；省略时，若新版本改了发布日期则取新的发布日期，
                     否则取今天的日期并提示（不会用通报最初的发布日期）
  -h, --help         显示本帮助

例如：notice diff HEAD~1            上次提交以来的变化（含未提交的修改）
      notice diff v1 v2 --format html --out 修订对照.html
      notice diff HEAD~1 HEAD --format note --date 2021-06-30`,
  options: {
    content: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    date: { type: 'string' }
  },
  allowPositionals: true,
  async run(values, positionals, io) {
    const contentDir = String(values.content ?? 'content')
    refuseNoticeFolderAsContent(contentDir, io.cwd, 'diff 版本A')
    const { revisions, notices } = splitArguments(positionals, contentDir, io.cwd)
    const [revA, revB, ...extra] = revisions
    if (revA === undefined) throw new ArgumentError('缺少要比较的版本：notice diff 版本A [版本B] [通报编号…]，例如 notice diff HEAD~1')
    if (extra.length > 0) throw new ArgumentError(`多余的参数 ${extra.join(' ')}（不是 ${contentDir} 中的通报，也不能是第三个版本）`)
    const format = String(values.format ?? 'text') as Format
    if (!formats.includes(format)) throw new ArgumentError(`--format 只能是 ${formats.join('、')} 之一，不能是 ${format}`)
    const date = values.date === undefined ? undefined : String(values.date)
    if (date !== undefined && !isoDate.safeParse(date).success)
      throw new ArgumentError(`--date 应为真实存在的日期，写作 YYYY-MM-DD，例如 2021-06-30，不能是 ${date}`)

    // git runs in the content folder's own repository, wherever the command is run from.
    const contentAbsolute = path.resolve(io.cwd, contentDir)
    const repo = openRepository(existsSync(contentAbsolute) ? contentAbsolute : io.cwd)
    const contentPath = contentPathInRepository(repo, contentDir, io.cwd)
    const from = resolveRevision(repo, revA)
    const to = revB === undefined ? undefined : resolveRevision(repo, revB)
    const fromLabel: SideLabel = from
    const toLabel: SideLabel = to ?? { name: '工作区（尚未提交的修改）' }

    const before = loadSide(readContentAt(repo, from, contentPath, contentDir), fromLabel, io)
    const after = loadSide(to ? readContentAt(repo, to, contentPath, contentDir) : await readContent(contentDir, io.cwd), toLabel, io)
    const result = compareContent(only(before, notices), only(after, notices))

    const output = await render(format, result, fromLabel, toLabel, { date, io, before, after })
    if (output === undefined) return exitCodes.ok
    if (typeof values.out === 'string') {
      await writeFileAtomically(path.resolve(io.cwd, values.out), output)
      io.err(`已写入 ${values.out}\n`)
    } else {
      io.out(output)
    }
    return exitCodes.ok
  }
}

/**
 * The first argument is always a revision; each later one is a notice when it names one in the
 * content folder (an id or a path), else the second revision.
 */
function splitArguments(args: readonly string[], contentDir: string, cwd: string): { revisions: string[]; notices: string[] | undefined } {
  const [first, ...rest] = args
  const revisions = first === undefined ? [] : [first]
  const notices: string[] = []
  for (const arg of rest) {
    let named: string[] | undefined
    try {
      named = selectNotices([arg], contentDir, cwd)?.ids
    } catch (error) {
      if (!(error instanceof UsageError)) throw error
    }
    if (named) notices.push(...named)
    else revisions.push(arg)
  }
  return { revisions, notices: notices.length > 0 ? notices : undefined }
}

function only(notices: LoadedNotice[], ids: readonly string[] | undefined): LoadedNotice[] {
  return ids ? notices.filter((notice) => ids.includes(notice.id)) : notices
}

/** Loads one version's notices with its own site.yml; warns when that version has content errors. */
function loadSide(source: ContentSource, label: SideLabel, io: Io): LoadedNotice[] {
  const { site, diagnostics: siteDiagnostics } = loadSite(source.site)
  const diagnostics: Diagnostic[] = [...source.diagnostics, ...siteDiagnostics]
  const notices = source.notices.map((notice) => {
    const loaded = loadNotice(notice, { statusPhrases: site.statusPhrases })
    diagnostics.push(...loaded.diagnostics)
    return loaded
  })
  if (hasErrors(diagnostics)) {
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length
    io.err(`提示：${label.name} 的内容有 ${errors} 个错误（可用 notice check 查看），比较结果可能不完整。\n`)
  }
  return notices
}

interface RenderContext {
  date: string | undefined
  io: Io
  before: readonly LoadedNotice[]
  after: readonly LoadedNotice[]
}

async function render(format: Format, result: ContentDiff, from: SideLabel, to: SideLabel, context: RenderContext): Promise<string | undefined> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(diffJson(result, from.commit ?? 'working-tree', to.commit ?? 'working-tree'), null, 2)}\n`
    case 'html': {
      const dir = resolveTemplatesDir(undefined, context.io.cwd)
      let templates = await readTemplates(dir)
      if (!templates.sources.diff) templates = await readTemplates(bundledTemplates)
      return createRenderer(templates.sources).render('diff', { view: buildRedline(result, from, to) })
    }
    case 'note':
      return noteText(result, context)
    case 'text': {
      const colour = context.io.isTTY && !process.env.NO_COLOR
      return renderDiffText(result, from, to, { colour })
    }
  }
}

/**
 * One draft per notice that changed. Its date: --date; else the new version's publication date
 * when this change moved it; else today, said on stderr (the date the notice was first published
 * is never taken for an update's). A notice without any date does not stop the others.
 */
function noteText(result: ContentDiff, { date, io, before }: RenderContext): string | undefined {
  if (!hasDifferences(result)) {
    io.err('两个版本之间没有变化，无需更新记录。\n')
    return undefined
  }
  const several = result.notices.length > 1
  const today = localToday()
  const parts: string[] = []
  const dated: string[] = []
  for (const notice of result.notices) {
    const note = draftNote(notice)
    if (!note) continue
    const now = notice.after?.dates ?? {}
    const then = before.find((candidate) => candidate.id === notice.id)?.record.dates ?? {}
    const moved = now.published !== undefined && now.published !== then.published ? now.published : undefined
    const day = date ?? moved ?? today
    if (!date && !moved) dated.push(notice.id)
    parts.push(`# 更新记录草稿${several ? `（通报 ${notice.id}）` : ''}：核对后加入 ${notice.id}/notice.md 的 changes:\n${noteYaml(day, note)}`)
  }
  if (dated.length > 0) {
    io.err(
      `提示：没有用 --date 指定更新日期，${dated.length > 1 || several ? `通报 ${dated.join('、')} 的` : ''}草稿用了今天的日期 ${today}；如不是本次更新的日期，请用 --date YYYY-MM-DD 指定。\n`
    )
  }
  return parts.join('\n')
}

/** Today in the machine's own time zone, as YYYY-MM-DD. */
function localToday(): string {
  const now = new Date()
  const pad = (value: number): string => String(value).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
