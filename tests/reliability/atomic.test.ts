/**
 * Atomic output: a build that fails, or is killed with SIGKILL while writing, leaves the previous
 * output byte for byte; what a killed build leaves beside --out is cleared by the next build.
 */
import { spawn } from 'node:child_process'
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, renameSync, watch } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot, tempDir } from '../helpers/cli.js'
import { hashTree, minimalContent, runMain, stackTrace } from './support.js'

function goodSite(): { root: string; out: string } {
  const root = tempDir('notice-atomic-')
  cpSync(minimalContent, path.join(root, 'content'), { recursive: true })
  return { root, out: path.join(root, 'out') }
}

const leftovers = (root: string): string[] => readdirSync(root).filter((name) => /^out\.(?:tmp|old)-/u.test(name))

describe('atomic output', () => {
  it('a build that fails on content errors leaves the previous output byte for byte', async () => {
    const { root, out } = goodSite()
    expect((await runMain(['build', '--content', 'content', '--out', 'out'], root)).code).toBe(0)
    const before = hashTree(out)
    expect(Object.keys(before)).toContain(path.join('n1', 'index.html'))

    appendFileSync(path.join(root, 'content', 'n1', 'findings', '01-02.md'), '\n<script>alert(1)</script>\n')
    const failed = await runMain(['build', '--content', 'content', '--out', 'out'], root)
    expect(failed.code).toBe(1)
    expect(failed.stderr).toContain('content/n1/findings/01-02.md:11:1')
    expect(failed.stderr).not.toMatch(stackTrace)
    expect(hashTree(out)).toEqual(before)
    expect(leftovers(root)).toEqual([])
  })

  it('a build killed with SIGKILL while writing leaves the previous output; the next build clears its leftovers', async () => {
    const { root, out } = goodSite()
    expect((await runMain(['build', '--content', 'content', '--out', 'out'], root)).code).toBe(0)
    const before = hashTree(out)

    // Enough notices that writing the staging folder takes a while after it appears.
    const big = path.join(root, 'big')
    mkdirSync(big)
    for (let index = 1; index <= 60; index++) cpSync(path.join(minimalContent, 'n1'), path.join(big, `n${index}`), { recursive: true })

    const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'notice.js'), 'build', '--content', 'big', '--out', 'out'], { cwd: root, stdio: 'ignore' })
    const watcher = watch(root, (_event, name) => {
      if (name && String(name).startsWith('out.tmp-')) child.kill('SIGKILL')
    })
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, received) => resolve(received)))
    watcher.close()

    expect(signal).toBe('SIGKILL')
    expect(leftovers(root).some((name) => name.startsWith('out.tmp-'))).toBe(true)
    expect(hashTree(out)).toEqual(before)

    // The next build, even a failing one, clears the dead build's staging folder.
    appendFileSync(path.join(root, 'content', 'n1', 'findings', '01-02.md'), '\n<script>alert(1)</script>\n')
    expect((await runMain(['build', '--content', 'content', '--out', 'out'], root)).code).toBe(1)
    expect(leftovers(root)).toEqual([])
    expect(hashTree(out)).toEqual(before)
  }, 120_000)

  it('a build killed between moving the old output aside and putting the new one in place gets the old output back', async () => {
    const { root, out } = goodSite()
    expect((await runMain(['build', '--content', 'content', '--out', 'out'], root)).code).toBe(0)
    const before = hashTree(out)
    // What the swap leaves if killed between its two renames; 4194305 is above Linux's pid_max, so never alive.
    renameSync(out, path.join(root, 'out.old-4194305-0badc0de'))
    mkdirSync(path.join(root, 'out.tmp-4194305-0badc0de'))

    appendFileSync(path.join(root, 'content', 'n1', 'findings', '01-02.md'), '\n<script>alert(1)</script>\n')
    expect((await runMain(['build', '--content', 'content', '--out', 'out'], root)).code).toBe(1)
    expect(existsSync(out)).toBe(true)
    expect(hashTree(out)).toEqual(before)
    expect(leftovers(root)).toEqual([])
  })
})
