/**
 * Import never loses text on disk: it refuses to overwrite without --force, and what a killed
 * import leaves in the content folder is a hidden folder the reader skips.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { seedFile, tempDir } from '../helpers/cli.js'
import { hashTree, runMain } from './support.js'

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
})
