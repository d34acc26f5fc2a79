/**
 * Worker threads and the I/O thread change where a notice is processed, read and written, never
 * what comes out: the same corpus built and checked inline, with the I/O thread and with two
 * workers gives the same files, byte for byte, and the same report.
 */
import { appendFileSync, utimesSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error The bench generator is plain JavaScript without types.
import { generate } from '../../bench/corpus.mjs'
import { runCliAsync, tempDir } from '../helpers/cli.js'
import { hashTree } from '../reliability/support.js'

const inline = { NOTICE_WORKERS: '0', NOTICE_IO: '0' }
const ioThread = { NOTICE_WORKERS: '0', NOTICE_IO: '1' }
const twoWorkers = { NOTICE_WORKERS: '2' }

describe('worker threads', () => {
  it('build the same output and report the same diagnostics as the main thread', async () => {
    const root = tempDir('notice-workers-')
    ;(generate as (dir: string, notices: number, findings: number) => void)(root, 12, 25)
    const cwd = path.join(root, 'notice-press')
    const one = await runCliAsync(['build', '--no-cache', '--out', 'inline'], { cwd, env: inline })
    const two = await runCliAsync(['build', '--no-cache', '--out', 'workers'], { cwd, env: twoWorkers })
    const io = await runCliAsync(['build', '--no-cache', '--out', 'io'], { cwd, env: ioThread })
    expect([one.code, two.code, io.code]).toEqual([0, 0, 0])
    expect(Object.keys(hashTree(path.join(cwd, 'inline'))).length).toBeGreaterThan(60)
    expect(hashTree(path.join(cwd, 'workers'))).toEqual(hashTree(path.join(cwd, 'inline')))
    expect(hashTree(path.join(cwd, 'io'))).toEqual(hashTree(path.join(cwd, 'inline')))

    const checkInline = await runCliAsync(['check', '--no-cache', '--format', 'json'], { cwd, env: inline })
    const checkWorkers = await runCliAsync(['check', '--no-cache', '--format', 'json'], { cwd, env: twoWorkers })
    const checkIo = await runCliAsync(['check', '--no-cache', '--format', 'json'], { cwd, env: ioThread })
    expect(JSON.parse(checkInline.stdout).length).toBeGreaterThan(100)
    expect(checkWorkers.stdout).toBe(checkInline.stdout)
    expect(checkIo.stdout).toBe(checkInline.stdout)

    // An error in one notice fails the build the same way on both paths, and publishes nothing.
    appendFileSync(path.join(cwd, 'content', 'bench-0007', 'findings', '02-03.md'), '\n<script>alert(1)</script>\n')
    const failedInline = await runCliAsync(['build', '--no-cache', '--out', 'inline'], { cwd, env: inline })
    const failedWorkers = await runCliAsync(['build', '--no-cache', '--out', 'workers'], { cwd, env: twoWorkers })
    const failedIo = await runCliAsync(['build', '--no-cache', '--out', 'io'], { cwd, env: ioThread })
    expect([failedInline.code, failedWorkers.code, failedIo.code]).toEqual([1, 1, 1])
    expect(failedWorkers.stderr).toBe(failedInline.stderr.replaceAll('inline', 'workers'))
    expect(failedIo.stderr).toBe(failedInline.stderr.replaceAll('inline', 'io'))
    expect(failedInline.stderr).toContain('content/bench-0007/findings/02-03.md')
    expect(hashTree(path.join(cwd, 'io'))).toEqual(hashTree(path.join(cwd, 'inline')))
  }, 120_000)

  it('with the cache, the I/O thread reads what changed and gives what the main thread alone gives', async () => {
    const root = tempDir('notice-io-cache-')
    ;(generate as (dir: string, notices: number, findings: number) => void)(root, 20, 6)
    const cwd = path.join(root, 'notice-press')
    const both = async (): Promise<void> => {
      const alone = await runCliAsync(['build', '--out', 'inline', '--cache', '.cache-inline'], { cwd, env: inline })
      const beside = await runCliAsync(['build', '--out', 'io', '--cache', '.cache-io'], { cwd, env: ioThread })
      expect(beside.code).toBe(alone.code)
      expect(beside.stdout).toBe(alone.stdout.replaceAll('inline', 'io'))
      expect(hashTree(path.join(cwd, 'io'))).toEqual(hashTree(path.join(cwd, 'inline')))
    }
    await both()
    // Edited, touched without a change, and everything at once through site.yml.
    const finding = path.join(cwd, 'content', 'bench-0003', 'findings', '01-01.md')
    appendFileSync(finding, '\n整改情况补充说明。\n')
    const touched = path.join(cwd, 'content', 'bench-0011', 'notice.md')
    utimesSync(touched, new Date(), new Date(Date.now() + 5000))
    await both()
    appendFileSync(path.join(cwd, 'content', 'site.yml'), '\n# 修改\n')
    await both()
  }, 120_000)
})
