/** `notice build --pdf` as a user runs it: what happens without Chromium, and without --pdf. */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot, runCli, seedFile, tempDir } from '../helpers/cli.js'

function importSeed(): { dir: string; content: string; out: string } {
  const dir = tempDir()
  const content = path.join(dir, 'content')
  const imported = runCli(['import', seedFile, '--id', 'x', '--content', content])
  expect(imported.code).toBe(0)
  return { dir, content, out: path.join(dir, 'dist') }
}

describe('notice build --pdf', () => {
  it('exits 2 with a Chinese install hint when Chromium is missing, and publishes nothing', () => {
    const { dir, content, out } = importSeed()
    const first = runCli(['build', '--content', content, '--out', out])
    expect(first.code).toBe(0)
    const before = readFileSync(path.join(out, 'x', 'index.html'), 'utf8')

    const missing = path.join(dir, 'no-such-chromium')
    const result = runCli(['build', '--content', content, '--out', out, '--pdf'], { env: { NOTICE_CHROMIUM: missing } })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('找不到 Chromium')
    expect(result.stderr).toContain('apt-get install chromium fonts-noto-cjk')
    expect(result.stderr).not.toMatch(/\n\s+at /u)
    // The previous output is as it was, and no half-built folder is left beside it.
    expect(readFileSync(path.join(out, 'x', 'index.html'), 'utf8')).toBe(before)
    expect(existsSync(path.join(out, 'x', 'notice.pdf'))).toBe(false)
    expect(readdirSync(dir).sort()).toEqual(['content', 'dist'])
  })

  it('builds without --pdf when playwright-core cannot even be loaded, and without Chromium', () => {
    const { content, out } = importSeed()
    const hook = path.join(repoRoot, 'tests', 'print', 'fixtures', 'forbid-playwright.mjs')
    const run = (args: string[]): ReturnType<typeof spawnSync> =>
      spawnSync(process.execPath, ['--import', hook, path.join(repoRoot, 'bin', 'notice.js'), ...args], {
        cwd: repoRoot,
        env: { ...process.env, NOTICE_CHROMIUM: '/nonexistent/chromium' },
        encoding: 'utf8'
      })
    const plain = run(['build', '--content', content, '--out', out])
    expect(plain.stderr).toBe('')
    expect(plain.status).toBe(0)
    expect(existsSync(path.join(out, 'x', 'print.html'))).toBe(true)
    expect(existsSync(path.join(out, 'x', 'notice.pdf'))).toBe(false)
    // The hook works: with --pdf and a Chromium present, loading playwright-core is what fails.
    const withPdf = spawnSync(
      process.execPath,
      ['--import', hook, path.join(repoRoot, 'bin', 'notice.js'), 'build', '--content', content, '--out', out, '--pdf'],
      {
        cwd: repoRoot,
        env: { ...process.env, NOTICE_CHROMIUM: '/usr/bin/chromium' },
        encoding: 'utf8'
      }
    )
    expect(withPdf.status).not.toBe(0)
    expect(withPdf.stderr).toContain('playwright-core was loaded')
  })
})
