/** The bundled seed content, copied and given an 更新记录, built into a temporary folder. */
import { spawnSync } from 'node:child_process'
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
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
export function copySeedContent(dir: string, options: { baseUrl?: boolean } = {}): string {
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
  return content
}

export function buildSeed(dir: string, options: { baseUrl?: boolean; extra?: string[] } = {}): { out: string; stderr: string } {
  const content = copySeedContent(dir, options)
  const out = path.join(dir, 'dist')
  const built = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'notice.js'), 'build', '--content', content, '--out', out, ...(options.extra ?? [])], { encoding: 'utf8' })
  if (built.status !== 0) throw new Error(`build failed (${built.status}): ${built.stderr}`)
  return { out, stderr: built.stderr }
}
