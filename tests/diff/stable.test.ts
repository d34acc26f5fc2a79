import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, seedFile, tempDir } from '../helpers/cli.js'
import { commitAll, git, gitRepo } from './git.js'

/** Small diffs need stable files: the same input must give the same bytes, or git shows noise. */
describe('stable formatting', () => {
  it('re-importing the same text, even with CRLF line ends, changes no file', () => {
    const repo = gitRepo()
    expect(runCli(['import', seedFile, '--id', 'x'], { cwd: repo }).code).toBe(0)
    commitAll(repo, 'import')
    expect(runCli(['import', seedFile, '--id', 'x', '--force'], { cwd: repo }).code).toBe(0)
    expect(git(repo, 'status', '--porcelain')).toBe('')

    const crlf = path.join(tempDir(), 'seed-crlf.txt')
    writeFileSync(crlf, readFileSync(seedFile, 'utf8').replace(/\r?\n/gu, '\r\n'))
    expect(runCli(['import', crlf, '--id', 'x', '--force'], { cwd: repo }).code).toBe(0)
    expect(git(repo, 'status', '--porcelain')).toBe('')
  })

  it('rebuilding gives a byte-identical dist/, so a site that commits dist/ sees only real changes', () => {
    const repo = gitRepo()
    expect(runCli(['import', seedFile, '--id', 'x'], { cwd: repo }).code).toBe(0)
    expect(runCli(['build'], { cwd: repo }).code).toBe(0)
    commitAll(repo, 'content and site')
    expect(runCli(['build'], { cwd: repo }).code).toBe(0)
    expect(git(repo, 'status', '--porcelain')).toBe('')

    const file = path.join(repo, 'content/x/findings/01-03.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('整改情况:正在整改。', '整改情况:已完成。'))
    expect(runCli(['build'], { cwd: repo }).code).toBe(0)
    const changed = git(repo, 'status', '--porcelain')
      .trimEnd()
      .split('\n')
      .map((line) => line.slice(3))
      .sort()
    expect(changed).toEqual([
      'content/x/findings/01-03.md',
      'dist/index-ongoing.html',
      'dist/index.html',
      'dist/search/x.js',
      'dist/stats.csv',
      'dist/stats.html',
      'dist/stats.json',
      'dist/x/fragment.html',
      'dist/x/index.html',
      'dist/x/notice.json',
      'dist/x/notice.txt',
      'dist/x/print.html'
    ])
  })
})

describe('更新记录 on the notice page', () => {
  it('lists the changes entries of notice.md newest first, with their own dates', () => {
    const dir = tempDir()
    const content = path.join(dir, 'content')
    expect(runCli(['import', seedFile, '--id', 'x', '--content', content]).code).toBe(0)
    const noticeFile = path.join(content, 'x/notice.md')
    const entries =
      'changes:\n  - date: 2021-04-01\n    note: 第一次更新\n  - date: 2021-06-30\n    note: 第二次更新\n  - date: 2021-05-10\n    note: 中间的更新\n'
    writeFileSync(noticeFile, readFileSync(noticeFile, 'utf8').replace(/^---\n/u, `---\n${entries}`))
    const built = runCli(['build', '--content', content, '--out', path.join(dir, 'dist')])
    expect(built.stderr).toBe('')
    const page = readFileSync(path.join(dir, 'dist/x/index.html'), 'utf8')
    const section = page.slice(page.indexOf('更新记录'))
    const order = ['第二次更新', '中间的更新', '第一次更新'].map((note) => section.indexOf(note))
    expect(order.every((index) => index > 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    expect(section).toContain('<time datetime="2021-06-30">2021年6月30日</time>')
  })
})
