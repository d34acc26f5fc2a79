/**
 * Atomic output: a build that fails, or is killed with SIGKILL while writing, leaves the previous
 * output byte for byte; what a killed build leaves beside --out is cleared, or finished when the
 * build had decided, by the next build.
 */
import { spawn } from 'node:child_process'
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, watch, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { commitJournal } from '../../src/write/journal.js'
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

    const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'notice.js'), 'build', '--content', 'big', '--out', 'out'], {
      cwd: root,
      stdio: 'ignore'
    })
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

  it('a build killed after deciding (its commit journal written) is finished by the next build', async () => {
    const { root, out } = goodSite()
    cpSync(path.join(minimalContent, 'n1'), path.join(root, 'content', 'n2'), { recursive: true })
    expect((await runMain(['build', '--content', 'content', '--out', 'out'], root)).code).toBe(0)
    const before = hashTree(out)

    // What the next build makes: n1 edited, n2 gone. Built elsewhere to know the expected output.
    rmSync(path.join(root, 'content', 'n2'), { recursive: true })
    const finding = path.join(root, 'content', 'n1', 'findings', '01-01.md')
    writeFileSync(finding, readFileSync(finding, 'utf8').replace('整改情况：', '整改情况：（已修订）'))
    expect((await runMain(['build', '--no-cache', '--content', 'content', '--out', 'expected'], root)).code).toBe(0)
    const expected = hashTree(path.join(root, 'expected'))
    expect(expected).not.toEqual(before)

    // A dead build's staging folder with its journal, killed after moving one of its files into the output.
    const staging = path.join(root, 'out.tmp-4194305-0badc0de')
    cpSync(path.join(root, 'expected'), staging, { recursive: true })
    commitJournal(staging, { mode: 'merge', remove: Object.keys(before).filter((file) => !(file in expected)) })
    renameSync(path.join(staging, 'n1', 'index.html'), path.join(out, 'n1', 'index.html'))

    // The next build, a failing one, finishes the decided build before it fails.
    appendFileSync(finding, '\n<script>alert(1)</script>\n')
    expect((await runMain(['build', '--content', 'content', '--out', 'out'], root)).code).toBe(1)
    expect(hashTree(out)).toEqual(expected)
    expect(existsSync(path.join(out, 'n2'))).toBe(false)
    expect(leftovers(root)).toEqual([])
  })

  it('a build that replaces the whole output, killed between its two renames, is finished by the next build', async () => {
    const { root, out } = goodSite()
    expect((await runMain(['build', '--content', 'content', '--out', 'out'], root)).code).toBe(0)
    const finding = path.join(root, 'content', 'n1', 'findings', '01-01.md')
    writeFileSync(finding, readFileSync(finding, 'utf8').replace('整改情况：', '整改情况：（已修订）'))
    expect((await runMain(['build', '--no-cache', '--content', 'content', '--out', 'expected'], root)).code).toBe(0)
    const expected = hashTree(path.join(root, 'expected'))

    // The dead build had written its journal and moved the old output aside; the new one is not yet in place.
    const staging = path.join(root, 'out.tmp-4194305-0badc0de')
    cpSync(path.join(root, 'expected'), staging, { recursive: true })
    commitJournal(staging, { mode: 'replace' })
    renameSync(out, path.join(root, 'out.old-4194305-0badc0de'))

    appendFileSync(finding, '\n<script>alert(1)</script>\n')
    expect((await runMain(['build', '--content', 'content', '--out', 'out'], root)).code).toBe(1)
    expect(hashTree(out)).toEqual(expected)
    expect(leftovers(root)).toEqual([])
  })

  it('an output moved aside by a build killed before deciding is put back', async () => {
    const { root, out } = goodSite()
    expect((await runMain(['build', '--content', 'content', '--out', 'out'], root)).code).toBe(0)
    const before = hashTree(out)
    renameSync(out, path.join(root, 'out.old-4194305-0badc0de'))
    mkdirSync(path.join(root, 'out.tmp-4194305-0badc0de'))

    appendFileSync(path.join(root, 'content', 'n1', 'findings', '01-02.md'), '\n<script>alert(1)</script>\n')
    expect((await runMain(['build', '--content', 'content', '--out', 'out'], root)).code).toBe(1)
    expect(hashTree(out)).toEqual(before)
    expect(leftovers(root)).toEqual([])
  })

  it('a build in place gives the same output as a build into an empty folder', async () => {
    const { root, out } = goodSite()
    for (const id of ['n2', 'n3']) cpSync(path.join(minimalContent, 'n1'), path.join(root, 'content', id), { recursive: true })
    expect((await runMain(['build', '--content', 'content', '--out', 'out'], root)).code).toBe(0)
    rmSync(path.join(root, 'content', 'n3'), { recursive: true })
    const finding = path.join(root, 'content', 'n2', 'findings', '01-01.md')
    writeFileSync(finding, readFileSync(finding, 'utf8').replace('整改情况：', '整改情况：（已修订）'))
    expect((await runMain(['build', '--content', 'content', '--out', 'out'], root)).code).toBe(0)
    expect((await runMain(['build', '--no-cache', '--content', 'content', '--out', 'fresh'], root)).code).toBe(0)
    expect(hashTree(out)).toEqual(hashTree(path.join(root, 'fresh')))
    expect(readdirSync(out).sort()).toEqual(readdirSync(path.join(root, 'fresh')).sort())
  })
})

describe('the commit window', () => {
  it('check finishes a build killed after its commit journal: the output is never left missing', async () => {
    const { root, out } = goodSite()
    expect((await runMain(['build', '--content', 'content', '--out', 'out'], root)).code).toBe(0)
    const built = hashTree(out)
    // Killed between the two renames of a replacement: the staging folder holds the journal, the output is gone.
    const staging = path.join(root, 'out.tmp-999999-0123abcd')
    renameSync(out, staging)
    commitJournal(staging, { mode: 'replace' })
    expect((await runMain(['check', '--content', 'content', '--out', 'out'], root)).code).toBe(0)
    expect(hashTree(out)).toEqual(built)
    expect(leftovers(root)).toEqual([])
  })
})
