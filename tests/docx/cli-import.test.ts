import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, tempDir } from '../helpers/cli.js'
import { numberedNotice, numberedNoticeText } from './word-files.js'

describe('notice import FILE.docx', () => {
  it('writes the content folder from the text Word shows, and says where lines came from', async () => {
    const dir = tempDir()
    const file = path.join(dir, '通报.docx')
    writeFileSync(file, await numberedNotice())
    const content = path.join(dir, 'content')
    const imported = runCli(['import', file, '--id', 'n', '--content', content, '--format', 'json'])
    expect(imported.code, imported.stderr).toBe(0)
    const report = JSON.parse(imported.stdout) as {
      from: string
      stats: { total: number }
      docx: { counts: { numbered: number }; origins: Array<{ line: number; from: string }> }
    }
    expect(report.from).toBe('docx')
    expect(report.stats.total).toBe(4)
    expect(report.docx.counts.numbered).toBe(18)
    expect(report.docx.origins).toContainEqual({ line: 21, from: 'textbox' })
    const out = path.join(dir, 'dist')
    const built = runCli(['build', '--content', content, '--out', out])
    expect(built.code, built.stderr).toBe(0)
    expect(readFileSync(path.join(out, 'n', 'notice.txt'), 'utf8')).toBe(`${numberedNoticeText.join('\n')}\n`)
  })

  it('refuses a damaged .docx with a Chinese message and writes nothing', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'broken.docx')
    const bytes = await numberedNotice()
    writeFileSync(file, bytes.slice(0, 400))
    const content = path.join(dir, 'content')
    const result = runCli(['import', file, '--id', 'n', '--content', content])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^.*broken\.docx:1:1: error: 文件已损坏.*\[import\]\n$/u)
    expect(existsSync(path.join(content, 'n'))).toBe(false)
  })

  it('asks for .docx when a legacy .doc comes in and LibreOffice is not there', () => {
    const dir = tempDir()
    const file = path.join(dir, '旧通报.doc')
    writeFileSync(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]))
    const content = path.join(dir, 'content')
    const result = runCli(['import', file, '--id', 'n', '--content', content], { env: { NOTICE_SOFFICE: path.join(dir, 'no-soffice') } })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('另存为” .docx')
    expect(existsSync(path.join(content, 'n'))).toBe(false)
  })
})
