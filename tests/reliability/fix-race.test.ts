/**
 * `check --fix` never loses an edit: the file is replaced in one rename, and only when it still
 * holds the text the fixes were made from.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ChangedOnDisk, writeFileAtomically } from '../../src/write/file.js'
import { tempDir } from '../helpers/cli.js'

describe('writing a fixed file', () => {
  it('leaves a file alone that an editor saved after it was read, and leaves no temporary file', async () => {
    const dir = tempDir('notice-fix-')
    const file = path.join(dir, '01-02.md')
    writeFileSync(file, '问题内容:部分记录缺失。\n')
    const read = readFileSync(file, 'utf8')
    // The editor saves its own change between the read and the write.
    writeFileSync(file, '问题内容:部分记录缺失。（编辑中补充的一句）\n')
    await expect(writeFileAtomically(file, '问题内容：部分记录缺失。\n', read)).rejects.toBeInstanceOf(ChangedOnDisk)
    expect(readFileSync(file, 'utf8')).toBe('问题内容:部分记录缺失。（编辑中补充的一句）\n')
    expect(readdirSync(dir)).toEqual(['01-02.md'])
  })

  it('replaces a file still as it was read', async () => {
    const dir = tempDir('notice-fix-')
    const file = path.join(dir, '01-02.md')
    writeFileSync(file, '问题内容:部分记录缺失。\n')
    await writeFileAtomically(file, '问题内容：部分记录缺失。\n', readFileSync(file, 'utf8'))
    expect(readFileSync(file, 'utf8')).toBe('问题内容：部分记录缺失。\n')
    expect(readdirSync(dir)).toEqual(['01-02.md'])
  })
})
