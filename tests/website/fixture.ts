/** The bundled seed content, copied and given an 更新记录, built into a temporary folder. */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// Not from ../helpers/cli.js: that module registers vitest hooks, and bench/ scripts use this file too.
const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

export const seedId = '2021-yichuan-cluster'

export const seedChanges = [
  { date: '2021-04-15', note: '首次发布' },
  { date: '2021-09-30', note: '更新第一部分第4项的整改进展' }
]

/** Copies content/ into `dir/content`, adds `changes` to the seed notice, and returns the folder. */
export function copySeedContent(dir: string, options: { baseUrl?: boolean; extra?: boolean } = {}): string {
  const content = path.join(dir, 'content')
  cpSync(path.join(repoRoot, 'content'), content, { recursive: true })
  const noticeFile = path.join(content, seedId, 'notice.md')
  const changes = `changes:\n${seedChanges.map((change) => `  - date: ${change.date}\n    note: ${change.note}`).join('\n')}\n`
  const text = readFileSync(noticeFile, 'utf8')
  const end = text.indexOf('\n---', 3)
  writeFileSync(noticeFile, `${text.slice(0, end + 1)}${changes}${text.slice(end + 1)}`)
  if (options.baseUrl === false) {
    const site = path.join(content, 'site.yml')
    writeFileSync(site, readFileSync(site, 'utf8').replace(/^baseUrl:.*\n/mu, ''))
  }
  if (options.extra) addExtraNotices(content)
  return content
}

export function buildSeed(dir: string, options: { baseUrl?: boolean; extra?: string[]; extraNotices?: boolean } = {}): { out: string; stderr: string } {
  const content = copySeedContent(dir, { ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }), extra: options.extraNotices ?? false })
  const out = path.join(dir, 'dist')
  const built = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'notice.js'), 'build', '--content', content, '--out', out, ...(options.extra ?? [])], {
    encoding: 'utf8'
  })
  if (built.status !== 0) throw new Error(`build failed (${built.status}): ${built.stderr}`)
  return { out, stderr: built.stderr }
}

/** A small notice written here: its findings' rectification lines decide their statuses. */
function writeNotice(content: string, id: string, date: string, unit: string, rectifications: readonly string[], ledger: boolean): void {
  const dir = path.join(content, id)
  mkdirSync(path.join(dir, 'findings'), { recursive: true })
  mkdirSync(path.join(dir, 'sections'), { recursive: true })
  const title = `${unit}关于县委巡察组反馈意见整改情况的通报`
  writeFileSync(
    path.join(dir, 'notice.md'),
    `---\ntitle: ${title}\nissuer: 中共${unit}委员会\n${ledger ? 'ledger: table\n' : ''}dates:\n  written: ${date}\n  published: ${date}\nsignature: 中共${unit}委员会\n---\n\n按照县委统一部署，县委巡察组对${unit}进行了巡察，现将整改情况予以通报。\n\n<!-- 正文 -->\n\n欢迎广大干部群众进行监督。\n`
  )
  writeFileSync(path.join(dir, 'sections', '01.md'), '---\n---\n\n一、落实全面从严治党主体责任方面\n')
  rectifications.forEach((rectification, index) => {
    const n = index + 1
    writeFileSync(
      path.join(dir, 'findings', `01-0${n}.md`),
      `---\nid: 1-${n}\n---\n\n${n}、第${n}个问题的标题\n\n问题内容：公车管理和食品安全检查记录不全的第${n}个问题。\n\n${ledger ? `责任单位：${unit}办公室\n\n完成时限：${date.slice(0, 4)}年12月底\n\n` : ''}整改情况：${rectification}\n`
    )
  })
}

/**
 * Two notices beside the seed for the site-wide pages: one of 2019 whose findings state no status
 * (整改状态未标明), one of 2022 with findings done, in progress, not done and one unstated, with
 * 责任单位 and 完成时限 fields, shown as a 台账 table (`ledger: table`).
 */
export const extraNotices = [
  { id: '2019-unknown-office', year: '2019', unit: '县档案馆', rectifications: ['制定了管理办法，建立了台账。', '开展了专项检查。'], ledger: false },
  {
    id: '2022-mixed-bureau',
    year: '2022',
    unit: '县市场监管局',
    rectifications: ['已完成。建立了公车使用登记制度。', '正在整改。食品抽检计划已经制定。', '未完成。', '开展了培训。'],
    ledger: true
  }
] as const

export function addExtraNotices(content: string): void {
  for (const notice of extraNotices) writeNotice(content, notice.id, `${notice.year}-06-01`, notice.unit, notice.rectifications, notice.ledger)
}
