import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, tempDir } from '../helpers/cli.js'
import { noticeFixture } from '../helpers/import-notice.js'

describe('a notice that states no status', () => {
  it('is counted as 未标明, warned about at each finding, and its page says the statuses are not stated instead of 完成率 0%', () => {
    const dir = tempDir()
    const content = path.join(dir, 'content')
    const out = path.join(dir, 'dist')
    const imported = runCli(['import', noticeFixture('status-not-stated'), '--id', 'n', '--content', content])
    expect(imported.code, imported.stderr).toBe(0)
    const checked = runCli(['check', '--content', content, '--format', 'json'])
    const warnings = (JSON.parse(checked.stdout) as Array<{ file: string; line: number; rule: string }>).filter((entry) => entry.rule === 'status-missing')
    expect(warnings.map((entry) => [path.basename(entry.file), entry.line])).toEqual([
      ['01.md', 5],
      ['02.md', 5],
      ['03.md', 5]
    ])
    const built = runCli(['build', '--content', content, '--out', out])
    expect(built.code, built.stderr).toBe(0)
    const json = JSON.parse(readFileSync(path.join(out, 'n', 'notice.json'), 'utf8')) as {
      stats: { total: number; stated: number; byStatus: Record<string, number> }
    }
    expect(json.stats).toMatchObject({ total: 3, stated: 0, byStatus: expect.objectContaining({ unknown: 3 }) })
    const page = readFileSync(path.join(out, 'n', 'index.html'), 'utf8')
    expect(page).toContain('整改状态未标明')
    expect(page).not.toMatch(/完成率\s*(<[^>]+>)*\s*0%/u)
    const index = readFileSync(path.join(out, 'index.html'), 'utf8')
    expect(index).toContain('整改状态未标明')
    expect(index).not.toContain('完成率 0%')
  })
})
