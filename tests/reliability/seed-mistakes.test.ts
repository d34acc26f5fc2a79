/**
 * The mistakes a user could make, each on the seed notice imported fresh: `notice check` exits 1
 * with a diagnostic naming the file, never a stack trace. A `javascript:` link never reaches an
 * output file. A missing content folder and an unknown flag exit 2.
 */
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli, seedFile, tempDir } from '../helpers/cli.js'
import { pseudoRandomBytes, readTree, runMain, stackTrace } from './support.js'

let imported = ''
beforeAll(async () => {
  // Not tempDir(): that one is removed after each test, and this import serves them all.
  imported = path.join(mkdtempSync(path.join(tmpdir(), 'notice-seed-')), 'content')
  const result = await runMain(['import', seedFile, '--id', 'seed', '--content', imported], '/')
  expect(result.code).toBe(0)
  const clean = await runMain(['check', '--content', imported], '/')
  expect(clean.code).toBe(0)
})

afterAll(() => rmSync(path.dirname(imported), { recursive: true, force: true }))

function edit(file: string, change: (text: string) => string): void {
  const text = readFileSync(file, 'utf8')
  const changed = change(text)
  expect(changed).not.toBe(text)
  writeFileSync(file, changed)
}

/** Each mistake: what it does to a copy of the imported seed, and the file the diagnostic must name. */
const mistakes: Array<{ name: string; file: string; make: (notice: string) => void }> = [
  { name: '元数据缺少结束的 ---', file: 'notice.md', make: (notice) => edit(path.join(notice, 'notice.md'), (text) => text.replace('---\n\n', '\n')) },
  {
    name: '元数据中一行用了 Tab 缩进',
    file: 'notice.md',
    make: (notice) => edit(path.join(notice, 'notice.md'), (text) => text.replace('  team:', '\tteam:'))
  },
  {
    name: '复制了一个问题文件',
    file: 'findings/01-02-copy.md',
    make: (notice) => cpSync(path.join(notice, 'findings/01-02.md'), path.join(notice, 'findings/01-02-copy.md'))
  },
  { name: '空文件', file: 'findings/01-03.md', make: (notice) => writeFileSync(path.join(notice, 'findings/01-03.md'), '') },
  { name: '随机字节存成 .md', file: 'findings/02-04.md', make: (notice) => writeFileSync(path.join(notice, 'findings/02-04.md'), pseudoRandomBytes(2048, 7)) },
  {
    name: '重复的字段',
    file: 'findings/03-05.md',
    make: (notice) => edit(path.join(notice, 'findings/03-05.md'), (text) => text.replace('id: 3-5\n', 'id: 3-5\nid: 3-6\n'))
  },
  {
    name: '末尾加了 <script>',
    file: 'findings/03-05.md',
    make: (notice) => appendFileSync(path.join(notice, 'findings/03-05.md'), '\n<script>alert("x")</script>\n')
  },
  {
    name: '插入了 <img onerror=…>',
    file: 'findings/01-01.md',
    make: (notice) => edit(path.join(notice, 'findings/01-01.md'), (text) => text.replace('整改情况:', '整改情况:<img src=x onerror=alert(1)>'))
  }
]

describe('mistakes on the seed notice imported fresh', () => {
  for (const mistake of mistakes) {
    it(`${mistake.name}: check exits 1 naming ${mistake.file}, without a stack trace`, async () => {
      const root = tempDir('notice-mistake-')
      cpSync(imported, path.join(root, 'content'), { recursive: true })
      mistake.make(path.join(root, 'content', 'seed'))
      const result = await runMain(['check', '--content', 'content'], root)
      expect(result.code).toBe(1)
      expect(result.stdout + result.stderr).not.toMatch(stackTrace)
      expect(result.stdout).toMatch(
        new RegExp(`^content/seed/${mistake.file.replace(/[.]/gu, '\\.')}:\\d+:\\d+: error: .*\\p{Script=Han}.* \\[[a-z-]+\\]$`, 'mu')
      )
    })
  }

  it('a javascript: link never reaches any output file, with the raw-html rule on or off', async () => {
    const root = tempDir('notice-js-')
    cpSync(imported, path.join(root, 'content'), { recursive: true })
    edit(path.join(root, 'content', 'seed', 'findings', '01-01.md'), (text) =>
      text.replace('召开专题民主生活会', '召开[专题民主生活会](javascript:alert(document.cookie))')
    )
    const refused = await runMain(['build', '--content', 'content', '--out', 'out'], root)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/content\/seed\/findings\/01-01\.md:\d+:\d+: error: .*javascript:.*\[raw-html\]/u)
    expect(existsSync(path.join(root, 'out'))).toBe(false)

    writeFileSync(path.join(root, 'content', 'site.yml'), 'rules:\n  raw-html: "off"\n')
    const built = await runMain(['build', '--content', 'content', '--out', 'out'], root)
    expect(built.code).toBe(0)
    const files = readTree(path.join(root, 'out'))
    expect(files[path.join('seed', 'notice.txt')]).toContain('召开专题民主生活会')
    for (const [file, text] of Object.entries(files)) expect(text, file).not.toMatch(/javascript:|document\.cookie/iu)
  })
})

describe('usage errors exit 2 (the real command)', () => {
  it('a missing content folder', () => {
    const root = tempDir('notice-usage-')
    for (const command of ['check', 'build']) {
      const result = runCli([command, '--content', 'no-such-folder'], { cwd: root })
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('no-such-folder')
      expect(result.stdout + result.stderr).not.toMatch(stackTrace)
    }
    expect(existsSync(path.join(root, 'dist'))).toBe(false)
  })

  it('an unknown flag', () => {
    const result = runCli(['build', '--no-such-flag'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--no-such-flag')
    expect(result.stdout + result.stderr).not.toMatch(stackTrace)
  })
})
