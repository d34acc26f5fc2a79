import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, seedFile, tempDir } from '../helpers/cli.js'

describe('importing and building the seed notice', () => {
  it('gives back the seed byte for byte and counts 25 findings: 20 done, 5 in progress', () => {
    const dir = tempDir()
    const content = path.join(dir, 'T')
    const out = path.join(dir, 'D')
    const imported = runCli(['import', seedFile, '--id', 'x', '--content', content])
    expect(imported.stderr).toBe('')
    expect(imported.code).toBe(0)
    expect(imported.stdout).toContain('识别出问题 25 个')

    const built = runCli(['build', '--content', content, '--out', out])
    expect(built.code).toBe(0)

    const seed = readFileSync(seedFile, 'utf8').replace(/\r\n?/gu, '\n').replace(/\n*$/u, '\n')
    expect(readFileSync(path.join(out, 'x', 'notice.txt'), 'utf8')).toBe(seed)

    const json = JSON.parse(readFileSync(path.join(out, 'x', 'notice.json'), 'utf8'))
    expect(json.stats.total).toBe(25)
    expect(json.stats.byStatus.done).toBe(20)
    expect(json.stats.byStatus.in_progress).toBe(5)
    expect(json.findings).toHaveLength(25)
    const lines = json.findings.map((finding: { source: { file: string; line: number } }) => finding.source)
    const order = json.findings.map((finding: { id: string }) => finding.id)
    expect(order.slice(0, 5)).toEqual(['1-1', '1-2', '1-3', '1-4-1', '1-4-2'])
    expect(order.at(-1)).toBe('3-5')
    for (const source of lines) expect(source.file).toMatch(/^x\/findings\/.+\.md$/u)
  })
})
