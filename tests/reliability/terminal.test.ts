/**
 * What `check` prints to a terminal: text from content and file names never carries control
 * characters (an ESC starts a terminal command, a line break forges a diagnostic line).
 */
import { cpSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/cli.js'
import { minimalContent, runMain } from './support.js'

describe('diagnostics on a terminal', () => {
  it('escape ESC, line breaks and bidi controls from content and file names', async () => {
    const root = tempDir('notice-terminal-')
    cpSync(minimalContent, path.join(root, 'content'), { recursive: true })
    const findings = path.join(root, 'content', 'n1', 'findings')
    // A file name with an ESC sequence and a line break, and a finding whose text has both too.
    const name = '01-02\u001b[2J\nforged:1:1: error: 伪造.md'
    renameSync(path.join(findings, '01-02.md'), path.join(findings, name))
    const file = path.join(findings, name)
    writeFileSync(file, readFileSync(file, 'utf8').replace('逐月检查学习记录。', '逐月检查\u001b]0;标题\u0007学习,记录\u202e。<b onclick="x">'))
    const checked = await runMain(['check', '--content', 'content'], root)
    expect(checked.code).toBe(1)
    expect(checked.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/u)
    // Every line is one diagnostic of a content file, or the summary.
    for (const line of checked.stdout.trimEnd().split('\n').slice(0, -1))
      expect(line).toMatch(/^content\/n1\/findings\/01-02\\u\{1b\}\[2J\\u\{a\}forged:1:1: error: 伪造\.md:\d+:\d+: /u)
    expect(checked.stdout).toContain('\\u{1b}')
  })

  // A zip under a text name is read as the Word file it claims to be; a stub of one is a damaged .docx, never text.
  it('a Word file stub under a text name is refused by import as a damaged .docx, and nothing is written', async () => {
    const root = tempDir('notice-terminal-')
    writeFileSync(path.join(root, '通报.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))
    const imported = await runMain(['import', '通报.txt', '--id', 'n1'], root)
    expect(imported.code).toBe(1)
    expect(imported.stderr).toContain('无法作为 .docx 打开')
    expect(existsSync(path.join(root, 'content', 'n1'))).toBe(false)
  })
})
