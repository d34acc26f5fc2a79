/**
 * The 送审 redline page printed on A4 by Chromium, first page as an image for the README: the seed
 * notice imported and committed, then one status change, a text edit and a changed number.
 * Run: npm run compile && npx tsx scripts/redline-screenshot.ts   (writes docs/screenshots/redline-a4.png)
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { launchBrowser } from '../tests/website/browser.js'

const root = fileURLToPath(new URL('../', import.meta.url))
const target = path.join(root, 'docs/screenshots/redline-a4.png')
const dir = mkdtempSync(path.join(tmpdir(), 'notice-redline-'))

let dates: Record<string, string> = {}
const dated = (day: string): void => {
  dates = { GIT_COMMITTER_DATE: `${day}T10:00:00+08:00`, GIT_AUTHOR_DATE: `${day}T10:00:00+08:00` }
}

function run(command: string, args: readonly string[]): string {
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...dates }
  const result = spawnSync(command, args, { cwd: dir, env, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`)
  return result.stdout
}
const git = (...args: string[]): string =>
  run('git', ['-c', 'user.name=巡察办', '-c', 'user.email=office@example.com', '-c', 'init.defaultBranch=main', ...args])
const notice = (...args: string[]): string => run(process.execPath, [path.join(root, 'bin/notice.js'), ...args])
function edit(file: string, from: string, to: string): void {
  const absolute = path.join(dir, 'content/2021-yichuan-cluster', file)
  const text = readFileSync(absolute, 'utf8')
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`)
  writeFileSync(absolute, text.replace(from, to))
}

try {
  git('init', '-q')
  notice('import', path.join(root, 'seeds/000_cf95e3e12b08fb36.txt'), '--id', '2021-yichuan-cluster')
  git('add', '-A')
  dated('2021-03-05')
  git('commit', '-q', '-m', '首次发布整改情况')
  edit('findings/01-03.md', '整改情况:正在整改。', '整改情况:已完成。')
  edit('findings/01-08.md', '陆佰再生资源闲置20亩', '陆佰再生资源闲置26亩')
  edit('findings/02-01-01.md', '发展公司严格遵循本办法执行', '发展公司严格执行本办法')
  git('add', '-A')
  dated('2021-06-30')
  git('commit', '-q', '-m', '更新6月整改进展')
  const html = path.join(dir, 'redline.html')
  notice('diff', 'HEAD~1', 'HEAD', '--format', 'html', '--out', html)
  const browser = await launchBrowser()
  const page = await browser.newPage()
  await page.goto(pathToFileURL(html).href)
  const pdf = path.join(dir, 'redline.pdf')
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, printBackground: true })
  await browser.close()
  run('pdftoppm', ['-png', '-r', '90', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(dir, 'page')])
  writeFileSync(target, readFileSync(path.join(dir, 'page.png')))
  console.log(path.relative(root, target))
} finally {
  rmSync(dir, { recursive: true, force: true })
}
