/**
 * Import reads a notice in the encoding it was saved in, and says so when that was not UTF-8 or
 * GB18030: a Big5 (traditional Chinese) file is read as Big5, and GBK bytes that happen to be valid
 * UTF-8 are read as GBK. Before, both came in as mojibake without a word.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import * as OpenCC from 'opencc-js'
import { describe, expect, it } from 'vitest'
import { repoRoot, runCli, tempDir } from '../helpers/cli.js'
import { encodeBig5, encodeGb18030 } from '../helpers/two-byte-encoder.js'

const fixture = path.join(repoRoot, 'tests', 'fixtures', 'structures', 'from-paren.txt')

describe('import and the encoding of a text file', () => {
  it('reads a Big5 file as Big5, with a Chinese warning at file:1:1, and publishes its text as written', () => {
    const dir = tempDir()
    const traditional = OpenCC.Converter({ from: 'cn', to: 'tw' })(readFileSync(fixture, 'utf8'))
    const bytes = encodeBig5(traditional)
    // The trap: the same bytes are valid GB18030, and read so they are mojibake.
    expect(new TextDecoder('gb18030', { fatal: true }).decode(bytes)).not.toBe(traditional)
    writeFileSync(path.join(dir, 'big5.txt'), bytes)
    const imported = runCli(['import', 'big5.txt', '--id', 'b', '--content', 'c'], { cwd: dir })
    expect(imported.code, imported.stderr).toBe(0)
    expect(imported.stderr).toMatch(/^big5\.txt:1:1: warning: 这个文件是 Big5 编码（繁体中文）[^\n]*\[import\]$/mu)
    expect(imported.stdout).toContain('原文编码 Big5')
    const built = runCli(['build', '--content', 'c', '--out', 'd'], { cwd: dir })
    expect(built.code, built.stderr).toBe(0)
    expect(readFileSync(path.join(dir, 'd', 'b', 'notice.txt'), 'utf8')).toBe(traditional)
  })

  it('reads GBK bytes that happen to be valid UTF-8 as GBK, with a Chinese warning', () => {
    const dir = tempDir()
    const text = '浏电报\n\n洧版本 浃查案 浔村安\n'
    const bytes = encodeGb18030(text)
    // The trap: every byte sequence here is also valid UTF-8, reading as rare characters.
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toBe(text)
    writeFileSync(path.join(dir, 'gbk.txt'), bytes)
    const imported = runCli(['import', 'gbk.txt', '--id', 'g', '--content', 'c'], { cwd: dir })
    expect(imported.code, imported.stderr).toBe(0)
    expect(imported.stderr).toMatch(/^gbk\.txt:1:1: warning: 这个文件按 UTF-8 读是乱码，已按 GB18030（GBK）读取[^\n]*\[import\]$/mu)
    expect(imported.stdout).toContain('原文编码 GB18030')
    expect(readFileSync(path.join(dir, 'c', 'g', 'notice.md'), 'utf8')).toContain('浏电报')
  })

  it('keeps reading a plain GB18030 file and a UTF-8 file as they are, without a warning', () => {
    const dir = tempDir()
    const source = readFileSync(fixture, 'utf8')
    writeFileSync(path.join(dir, 'gb.txt'), encodeGb18030(source))
    const gb = runCli(['import', 'gb.txt', '--id', 'g', '--content', 'c'], { cwd: dir })
    expect(gb.code, gb.stderr).toBe(0)
    expect(gb.stderr).not.toContain('warning')
    expect(gb.stdout).toContain('原文编码 GB18030')
    const utf8 = runCli(['import', fixture, '--id', 'u', '--content', 'c'], { cwd: dir })
    expect(utf8.code, utf8.stderr).toBe(0)
    expect(utf8.stderr).not.toContain('warning')
    expect(utf8.stdout).toContain('原文编码 UTF-8')
  })
})
