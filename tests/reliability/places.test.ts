/**
 * Where a build may write, and what it says when the machine fails it: folders that would poison
 * later runs are refused before anything is written, environment failures are named (exit 2),
 * and the cache never trusts a file whose content changed behind an unchanged size and mtime.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { environmentProblem } from '../../src/cli/environment.js'
import { tempDir } from '../helpers/cli.js'
import { minimalContent, runMain, stackTrace } from './support.js'

function site(): string {
  const root = tempDir('notice-places-')
  cpSync(minimalContent, path.join(root, 'content'), { recursive: true })
  return root
}

describe('self-poisoning places are refused before anything is written', () => {
  it('refuses --out inside the content folder, and the content folder inside --out', async () => {
    const root = site()
    const inside = await runMain(['build', '--content', 'content', '--out', 'content/dist'], root)
    expect(inside.code).toBe(2)
    expect(inside.stderr).toContain('在内容文件夹 content 之内')
    expect(existsSync(path.join(root, 'content', 'dist'))).toBe(false)
    // A later check is not poisoned: the content folder holds only content.
    expect((await runMain(['check', '--content', 'content'], root)).code).toBe(0)

    const around = await runMain(['build', '--content', 'content', '--out', '.'], root)
    expect(around.code).toBe(2)
    expect(around.stderr).toContain('内容会被删除')
    expect(around.stdout + around.stderr).not.toMatch(stackTrace)
  })

  it('refuses --cache pointing at the content folder, the output folder or a folder that is not a cache', async () => {
    const root = site()
    mkdirSync(path.join(root, 'notes'))
    writeFileSync(path.join(root, 'notes', '说明.txt'), '工作记录\n')
    for (const [cache, said] of [
      ['content', '与内容文件夹 content 重叠'],
      ['content/n1', '与内容文件夹 content 重叠'],
      ['out', '与输出文件夹 out 重叠'],
      ['.', '与输出文件夹 out 重叠'],
      ['notes', '不是 notice-press 的缓存']
    ] as const) {
      const built = await runMain(['build', '--content', 'content', '--out', 'out', '--cache', cache], root)
      expect(built.code, cache).toBe(2)
      expect(built.stderr).toContain(said)
    }
    expect(existsSync(path.join(root, 'content', '.gitignore'))).toBe(false)
    expect(existsSync(path.join(root, 'content', 'build-cache.json'))).toBe(false)
    expect(existsSync(path.join(root, '.gitignore'))).toBe(false)
    expect(existsSync(path.join(root, 'notes', '.gitignore'))).toBe(false)
    expect((await runMain(['check', '--content', 'content', '--cache', 'content'], root)).code).toBe(2)
    // The default cache and a hidden one inside the content folder (never read as content) are fine.
    expect((await runMain(['build', '--content', 'content', '--out', 'out'], root)).code).toBe(0)
    expect((await runMain(['build', '--content', 'content', '--out', 'out', '--cache', 'content/.cache'], root)).code).toBe(0)
  })
})

describe('environment failures are named, exit 2', () => {
  it('a full disk is 磁盘已满, not an internal error', async () => {
    const root = site()
    // The kernel's always-full device: writing the cache's .gitignore through this link fails with ENOSPC.
    mkdirSync(path.join(root, 'cache'))
    symlinkSync('/dev/full', path.join(root, 'cache', '.gitignore'))
    const built = await runMain(['build', '--content', 'content', '--out', 'out', '--cache', 'cache'], root)
    expect(built.code).toBe(2)
    expect(built.stderr).toContain('磁盘已满')
    expect(built.stderr).toContain('ENOSPC')
    expect(built.stderr).not.toContain('内部错误')
  })

  it('names read-only, permission, busy and quota failures', () => {
    const failure = (code: string): Error => Object.assign(new Error(code), { code, path: '/srv/www' })
    expect(environmentProblem(failure('EROFS'))).toContain('只读')
    expect(environmentProblem(failure('EACCES'))).toContain('没有权限')
    expect(environmentProblem(failure('EBUSY'))).toContain('挂载点')
    expect(environmentProblem(failure('EDQUOT'))).toContain('配额')
    expect(environmentProblem(failure('EROFS'))).toContain('/srv/www')
    expect(environmentProblem(new Error('a bug'))).toBeUndefined()
  })
})

describe('the cache', () => {
  it('sees a same-length edit whose mtime was set back (the key holds ctime and inode, as git does)', async () => {
    const root = site()
    const file = path.join(root, 'content', 'n1', 'findings', '01-02.md')
    const time = new Date('2021-03-05T08:00:00Z')
    utimesSync(file, time, time)
    expect((await runMain(['build', '--content', 'content', '--out', 'out'], root)).code).toBe(0)
    const before = statSync(file)
    const text = readFileSync(file, 'utf8')
    // The same number of bytes: 正在整改。 (5 characters) becomes 已完成。 and one more full stop.
    const edited = text.replace('正在整改。', '已完成。。')
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text))
    writeFileSync(file, edited)
    utimesSync(file, time, time)
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs)
    expect(statSync(file).size).toBe(before.size)
    expect((await runMain(['build', '--content', 'content', '--out', 'out'], root)).code).toBe(0)
    const json = JSON.parse(readFileSync(path.join(root, 'out', 'n1', 'notice.json'), 'utf8')) as { findings: Array<{ status: string }> }
    expect(json.findings.map((finding) => finding.status)).toEqual(['done', 'done'])
  })
})
