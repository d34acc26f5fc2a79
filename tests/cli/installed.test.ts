import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot, tempDir } from '../helpers/cli.js'
import { commitAll, git } from '../diff/git.js'

/** npm as a user runs it: none of the settings `npm test` passes to its children. */
function npm(args: readonly string[], cwd: string): string {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')))
  const result = spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 240_000 })
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${result.status}): ${result.stderr}`)
  return result.stdout
}

function run(bin: string, args: readonly string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(bin, args, { cwd, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 120_000 })
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }
}

describe('the command installed from a packed tarball', () => {
  it('checks, builds and compares a content repository of its own, from inside it and from elsewhere', () => {
    const work = tempDir('notice-installed-')
    // lib/ was compiled by `npm test`; the tarball ships it, so an install needs no compiler.
    npm(['pack', '--ignore-scripts', '--pack-destination', work, repoRoot], work)
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'))
    expect(tarball).toBeDefined()
    const prefix = path.join(work, 'global')
    npm(['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', path.join(work, tarball ?? '')], work)
    const notice = path.join(prefix, process.platform === 'win32' ? 'notice.cmd' : 'bin/notice')
    expect(existsSync(notice)).toBe(true)

    const office = path.join(work, 'office')
    git(work, 'init', '-q', 'office')
    expect(run(notice, ['new', '2024-county-office'], office).code).toBe(0)
    const check = run(notice, ['check', '2024-county-office'], office)
    expect(check.stderr).toBe('')
    expect(check.code).toBe(0)
    const build = run(notice, ['build', '--drafts', '--out', 'site'], office)
    expect(build.code).toBe(0)
    expect(existsSync(path.join(office, 'site/2024-county-office/index.html'))).toBe(true)
    commitAll(office, '首次发布')

    const finding = path.join(office, 'content/2024-county-office/findings/01-01.md')
    writeFileSync(finding, readFileSync(finding, 'utf8').replace('整改情况：正在整改。', '整改情况：已完成。'))
    const inside = run(notice, ['diff', 'HEAD'], office)
    expect(inside.code).toBe(0)
    expect(inside.stdout).toContain('[-正在整改-]')
    // git runs in the content folder's repository, not in the folder the command was run from.
    const outside = run(notice, ['diff', 'HEAD', '--content', path.join(office, 'content'), '--format', 'json'], work)
    expect(outside.stderr).toBe('')
    expect(outside.code).toBe(0)
    const json = JSON.parse(outside.stdout) as { findings: Array<{ change: string; status: unknown }> }
    expect(json.findings[0]).toMatchObject({ change: 'changed', status: { from: 'in_progress', to: 'done' } })
  }, 600_000)
})
