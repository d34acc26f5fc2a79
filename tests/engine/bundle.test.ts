/** The CLI runs from one bundle: a check loads no module from node_modules as it runs. */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../helpers/cli.js'

const hook = path.join(repoRoot, 'tests', 'engine', 'fixtures', 'record-requires.cjs')

describe('the bundled CLI', () => {
  it('checks the bundled content without loading any module from disk', () => {
    const result = spawnSync(process.execPath, ['--require', hook, path.join(repoRoot, 'bin', 'notice.js'), 'check', '--no-cache'], {
      cwd: repoRoot,
      encoding: 'utf8'
    })
    expect(result.stdout).toContain('content/')
    // bin/notice.js requires the bundle itself; nothing after it.
    const required = result.stderr.split('\n').filter((line) => line.startsWith('required: ') && !line.endsWith('lib/bundle/main.cjs'))
    expect(required).toEqual([])
  })
})
