import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, tempDir } from '../helpers/cli.js'

describe('notice new', () => {
  it('scaffolds a commented notice with one section and one finding that passes notice check', () => {
    const content = path.join(tempDir(), 'content')
    const created = runCli(['new', '2024-county-office', '--content', content])
    expect(created.code).toBe(0)
    expect(created.stdout).toContain('2024-county-office/findings/01-01.md')
    const notice = readFileSync(path.join(content, '2024-county-office', 'notice.md'), 'utf8')
    // Every field is explained in a Chinese comment above it.
    for (const field of ['title', 'issuer', 'source', 'inspection', 'dates', 'signature', 'disclosure', 'keywords', 'changes', 'draft']) {
      expect(notice, field).toMatch(new RegExp(`# [^\\n]*[\\u4e00-\\u9fff][^\\n]*\\n(?:#[^\\n]*\\n)*${field}:`, 'u'))
    }
    const checked = runCli(['check', '--content', content])
    expect(checked.stdout + checked.stderr).not.toMatch(/error/u)
    expect(checked.code).toBe(0)
  })

  it('refuses an existing folder and an invalid id (exit 2)', () => {
    const content = path.join(tempDir(), 'content')
    expect(runCli(['new', 'a-1', '--content', content]).code).toBe(0)
    const again = runCli(['new', 'a-1', '--content', content])
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('已存在')
    const bad = runCli(['new', '巡察', '--content', content])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('编号')
  })
})
