/**
 * Fields under `internal:` (the responsible person's mobile, drafting notes) never reach any
 * output: canaries planted in notice, finding and section frontmatter and in site.yml must not
 * appear in any built file.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/cli.js'
import { minimalContent, readTree, runMain } from './support.js'

const canaries = ['13987654321', 'CANARY-notice-7f3a9c', 'CANARY-finding-b81e44', 'CANARY-section-4d2c1a', 'CANARY-site-90e7f3', '张内部']

function plant(file: string, after: string, yaml: string): void {
  const text = readFileSync(file, 'utf8')
  expect(text).toContain(after)
  writeFileSync(file, text.replace(after, `${after}${yaml}`))
}

describe('internal fields', () => {
  it('never reach any output file', async () => {
    const root = tempDir('notice-internal-')
    const content = path.join(root, 'content')
    cpSync(minimalContent, content, { recursive: true })
    plant(path.join(content, 'n1', 'notice.md'), '---\n', 'internal:\n  mobile: "13987654321"\n  note: CANARY-notice-7f3a9c 起草时请核对\n')
    plant(
      path.join(content, 'n1', 'findings', '01-02.md'),
      'id: 1-2\n',
      'internal:\n  responsible: 张内部\n  mobile: "13987654321"\n  draft: CANARY-finding-b81e44\n'
    )
    writeFileSync(
      path.join(content, 'n1', 'sections', '01.md'),
      `---\ninternal:\n  note: CANARY-section-4d2c1a\n---\n\n${readFileSync(path.join(content, 'n1', 'sections', '01.md'), 'utf8')}`
    )
    writeFileSync(path.join(content, 'site.yml'), 'name: 巡察整改情况公开\ninternal:\n  contact: CANARY-site-90e7f3\n')

    const checked = await runMain(['check', '--content', 'content'], root)
    expect(checked.code).toBe(0)
    const built = await runMain(['build', '--content', 'content', '--out', 'out'], root)
    expect(built.code).toBe(0)

    const files = readTree(path.join(root, 'out'))
    expect(Object.keys(files).length).toBeGreaterThan(3)
    // The public text is there, so the scan is looking at real output.
    expect(files[path.join('n1', 'notice.txt')]).toContain('部分支部学习记录缺失')
    for (const [file, text] of Object.entries(files)) {
      for (const canary of canaries) expect(text.includes(canary), `${canary} in ${file}`).toBe(false)
    }
  })
})
