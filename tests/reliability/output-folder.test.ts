/**
 * The output folder: a build replaces only what notice-press made there (the marker lists every
 * file it wrote), and writes through a linked --out into the folder the link points to.
 */
import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/cli.js'
import { hashTree, minimalContent, runMain, stackTrace } from './support.js'

function site(): string {
  const root = tempDir('notice-out-')
  cpSync(minimalContent, path.join(root, 'content'), { recursive: true })
  return root
}

const build = (root: string, out: string): ReturnType<typeof runMain> => runMain(['build', '--content', 'content', '--out', out], root)

describe('a build never deletes files it did not make', () => {
  it('refuses a web folder that holds a copied built site (with its marker) beside other files', async () => {
    const root = site()
    expect((await build(root, 'dist')).code).toBe(0)
    const www = path.join(root, 'www')
    mkdirSync(path.join(www, 'images'), { recursive: true })
    writeFileSync(path.join(www, 'about.html'), '<!doctype html><title>关于我们</title>\n')
    writeFileSync(path.join(www, 'images', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    cpSync(path.join(root, 'dist'), www, { recursive: true })
    const before = hashTree(www)

    const built = await build(root, 'www')
    expect(built.code).toBe(2)
    expect(built.stderr).toContain('2 个不是 notice-press 生成的文件')
    expect(built.stderr).toContain('about.html')
    expect(built.stdout + built.stderr).not.toMatch(stackTrace)
    expect(hashTree(www)).toEqual(before)
  })

  it('refuses an output folder a user added a file to since the last build, in either commit mode', async () => {
    const root = site()
    expect((await build(root, 'dist')).code).toBe(0)
    writeFileSync(path.join(root, 'dist', 'robots.txt'), 'User-agent: *\n')
    // Unchanged content: the build would merge (keep the notice's files, remove what it no longer makes).
    const merged = await build(root, 'dist')
    expect(merged.code).toBe(2)
    expect(readFileSync(path.join(root, 'dist', 'robots.txt'), 'utf8')).toBe('User-agent: *\n')
    // Without the cache the build would replace the folder whole.
    const replaced = await runMain(['build', '--content', 'content', '--out', 'dist', '--no-cache'], root)
    expect(replaced.code).toBe(2)
    expect(readFileSync(path.join(root, 'dist', 'robots.txt'), 'utf8')).toBe('User-agent: *\n')
  })

  it('lists every file it wrote in the marker, and rebuilds its own folder', async () => {
    const root = site()
    expect((await build(root, 'dist')).code).toBe(0)
    const marker = readFileSync(path.join(root, 'dist', '.notice-press'), 'utf8')
    expect(marker).toContain('\nn1/index.html\n')
    expect(marker).toContain('\nindex.html\n')
    writeFileSync(
      path.join(root, 'content', 'n1', 'findings', '01-02.md'),
      readFileSync(path.join(root, 'content', 'n1', 'findings', '01-02.md'), 'utf8').replace('正在整改。', '已完成。')
    )
    expect((await build(root, 'dist')).code).toBe(0)
    expect((await runMain(['build', '--content', 'content', '--out', 'dist', '--no-cache'], root)).code).toBe(0)
  })
})

describe('a linked --out', () => {
  it('is built into the folder it points to and stays a link, in both commit modes', async () => {
    const root = site()
    mkdirSync(path.join(root, 'srv'))
    symlinkSync(path.join(root, 'srv', 'site'), path.join(root, 'dist'))
    // A link to a folder not yet made points nowhere: refused, clearly.
    const dangling = await build(root, 'dist')
    expect(dangling.code).toBe(2)
    expect(dangling.stderr).toContain('指向的位置不存在')

    mkdirSync(path.join(root, 'srv', 'site'))
    for (const flags of [[], [], ['--no-cache']]) {
      const built = await runMain(['build', '--content', 'content', '--out', 'dist', ...flags], root)
      expect(built.code).toBe(0)
      expect(lstatSync(path.join(root, 'dist')).isSymbolicLink()).toBe(true)
      expect(readlinkSync(path.join(root, 'dist'))).toBe(path.join(root, 'srv', 'site'))
      expect(existsSync(path.join(root, 'srv', 'site', 'n1', 'index.html'))).toBe(true)
    }
  })
})
