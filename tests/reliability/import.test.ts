/**
 * Import never loses text on disk: it refuses to overwrite without --force, and what a killed
 * import leaves in the content folder is a hidden folder the reader skips.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { seedFile, tempDir } from '../helpers/cli.js'
import { hashTree, runMain, stackTrace } from './support.js'

describe('import', () => {
  it('refuses to overwrite an existing notice without --force and leaves it byte for byte', async () => {
    const root = tempDir('notice-import-')
    expect((await runMain(['import', seedFile, '--id', 'seed', '--content', 'content'], root)).code).toBe(0)
    writeFileSync(path.join(root, 'content', 'seed', 'findings', '01-01.md'), '---\nid: 1-1\n---\n\n1、已经改过的内容\n')
    const before = hashTree(path.join(root, 'content'))
    const refused = await runMain(['import', seedFile, '--id', 'seed', '--content', 'content'], root)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('--force')
    expect(hashTree(path.join(root, 'content'))).toEqual(before)

    expect((await runMain(['import', seedFile, '--id', 'seed', '--content', 'content', '--force'], root)).code).toBe(0)
    expect(hashTree(path.join(root, 'content'))).not.toEqual(before)
    expect(readdirSync(path.join(root, 'content'))).toEqual(['seed'])
  })

  it('the staging folder a killed import would leave is hidden, and check ignores it', async () => {
    const root = tempDir('notice-import-')
    expect((await runMain(['import', seedFile, '--id', 'seed', '--content', 'content'], root)).code).toBe(0)
    const leftover = path.join(root, 'content', '.other.tmp-4194305-0badc0de')
    mkdirSync(path.join(leftover, 'findings'), { recursive: true })
    writeFileSync(path.join(leftover, 'notice.md'), '---\ntitle: 半成品\n')
    expect((await runMain(['check', '--content', 'content'], root)).code).toBe(0)
  })

  it('refuses a text past the parse bounds with the line, and writes nothing', async () => {
    const root = tempDir('notice-import-')
    writeFileSync(path.join(root, 'long.txt'), `一、标题\n1、问题\n问题内容：${'很'.repeat(20_000)}\n整改情况：已完成。\n`)
    const result = await runMain(['import', 'long.txt', '--id', 'long', '--content', 'content'], root)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^long\.txt:3:1: error: 第 3 行.*10000.*\[import\]$/mu)
    expect(result.stderr).not.toMatch(stackTrace)
    expect(existsSync(path.join(root, 'content'))).toBe(false)
  })
})
