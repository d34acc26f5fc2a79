/**
 * Worker threads change where a notice is processed, never what comes out: the same corpus built
 * and checked inline and with two workers gives the same files, byte for byte, and the same report.
 */
import { appendFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error The bench generator is plain JavaScript without types.
import { generate } from '../../bench/corpus.mjs'
import { runCliAsync, tempDir } from '../helpers/cli.js'
import { hashTree } from '../reliability/support.js'

const inline = { NOTICE_WORKERS: '0' }
const twoWorkers = { NOTICE_WORKERS: '2' }

describe('worker threads', () => {
  it('build the same output and report the same diagnostics as the main thread', async () => {
    const root = tempDir('notice-workers-')
    ;(generate as (dir: string, notices: number, findings: number) => void)(root, 12, 25)
    const cwd = path.join(root, 'notice-press')
    const one = await runCliAsync(['build', '--no-cache', '--out', 'inline'], { cwd, env: inline })
    const two = await runCliAsync(['build', '--no-cache', '--out', 'workers'], { cwd, env: twoWorkers })
    expect([one.code, two.code]).toEqual([0, 0])
    expect(Object.keys(hashTree(path.join(cwd, 'inline'))).length).toBeGreaterThan(60)
    expect(hashTree(path.join(cwd, 'workers'))).toEqual(hashTree(path.join(cwd, 'inline')))

    const checkInline = await runCliAsync(['check', '--no-cache', '--format', 'json'], { cwd, env: inline })
    const checkWorkers = await runCliAsync(['check', '--no-cache', '--format', 'json'], { cwd, env: twoWorkers })
    expect(JSON.parse(checkInline.stdout).length).toBeGreaterThan(100)
    expect(checkWorkers.stdout).toBe(checkInline.stdout)

    // An error in one notice fails the build the same way on both paths, and publishes nothing.
    appendFileSync(path.join(cwd, 'content', 'bench-0007', 'findings', '02-03.md'), '\n<script>alert(1)</script>\n')
    const failedInline = await runCliAsync(['build', '--no-cache', '--out', 'inline'], { cwd, env: inline })
    const failedWorkers = await runCliAsync(['build', '--no-cache', '--out', 'workers'], { cwd, env: twoWorkers })
    expect([failedInline.code, failedWorkers.code]).toEqual([1, 1])
    expect(failedWorkers.stderr).toBe(failedInline.stderr.replaceAll('inline', 'workers'))
    expect(failedInline.stderr).toContain('content/bench-0007/findings/02-03.md')
  }, 300_000)
})
