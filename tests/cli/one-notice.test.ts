import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'
import { writeContent, type JsonDiagnostic } from '../helpers/content.js'
import { commitAll, git, writeFiles } from '../diff/git.js'

/** Two notices, each with a fixable half-width comma between Chinese characters. */
function notice(id: string, title: string, problem: string): Record<string, string> {
  return {
    [`${id}/notice.md`]: `---\ntitle: ${title}\n---\n\n开头。\n\n<!-- 正文 -->\n\n欢迎监督。\n`,
    [`${id}/sections/01.md`]: '一、第一部分\n',
    [`${id}/findings/01-01.md`]: `---\nid: 1-1\n---\n\n1、第一个问题\n\n问题内容：${problem}\n\n整改情况：已完成。措施一。\n`
  }
}

const twoNotices = { ...notice('alpha', '甲单位通报', '学习不够,流于形式。'), ...notice('beta', '乙单位通报', '台账不全,记录缺失。') }

describe('one notice at a time', () => {
  it('check lists only the named notice, by id or by path, and says what the others hold', () => {
    const root = writeContent(twoNotices)
    for (const arg of ['alpha', 'content/alpha', 'content/alpha/findings/01-01.md']) {
      const result = runCli(['check', arg, '--format', 'json'], { cwd: root })
      expect(result.code).toBe(0)
      const files = (JSON.parse(result.stdout) as JsonDiagnostic[]).map((diagnostic) => diagnostic.file)
      expect(files.length).toBeGreaterThan(0)
      expect(files.every((file) => file.startsWith('content/alpha/'))).toBe(true)
    }
    const text = runCli(['check', 'beta'], { cwd: root })
    expect(text.stdout).toContain('content/beta/findings/01-01.md')
    expect(text.stdout).not.toContain('content/alpha/')
    expect(text.stdout).toContain('其他通报另有')
  })

  it('check --fix rewrites only the named notice', () => {
    const root = writeContent(twoNotices)
    const result = runCli(['check', 'alpha', '--fix'], { cwd: root })
    expect(result.code).toBe(0)
    expect(readFileSync(path.join(root, 'content/alpha/findings/01-01.md'), 'utf8')).toContain('学习不够，流于形式。')
    expect(readFileSync(path.join(root, 'content/beta/findings/01-01.md'), 'utf8')).toContain('台账不全,记录缺失。')
  })

  it('refuses an unknown notice and a notice folder given as --content, saying what to write', () => {
    const root = writeContent(twoNotices)
    const unknown = runCli(['check', 'gamma'], { cwd: root })
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('找不到通报“gamma”')
    expect(unknown.stderr).toContain('alpha、beta')

    const misread = runCli(['check', '--content', 'content/alpha'], { cwd: root })
    expect(misread.code).toBe(2)
    expect(misread.stderr).toContain('是一个通报的文件夹')
    expect(misread.stderr).toContain('notice check alpha')
    expect(misread.stderr).not.toContain('删除')
  })

  it('build still builds the whole site, and reports the named notice', () => {
    const root = writeContent(twoNotices)
    const result = runCli(['build', 'beta', '--out', 'site'], { cwd: root })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('已生成 2 个通报')
    expect(result.stdout).toContain('通报 beta：site/beta/index.html')
    expect(result.stdout).not.toContain('通报 alpha')
  })

  it('diff compares only the named notices, after one or two revisions', () => {
    const root = writeContent(twoNotices)
    git(root, 'init', '-q')
    commitAll(root, '首次发布')
    writeFiles(root, {
      'content/alpha/findings/01-01.md': notice('alpha', '甲单位通报', '学习不够深入。')['alpha/findings/01-01.md'] ?? '',
      'content/beta/findings/01-01.md': notice('beta', '乙单位通报', '台账不全。')['beta/findings/01-01.md'] ?? ''
    })
    const one = runCli(['diff', 'HEAD', 'beta', '--format', 'json'], { cwd: root })
    expect(one.code).toBe(0)
    const json = JSON.parse(one.stdout) as { findings: Array<{ id: string; change: string }> }
    expect(json.findings).toEqual([expect.objectContaining({ id: '1-1', change: 'changed' })])
    commitAll(root, '修改')
    const two = runCli(['diff', 'HEAD~1', 'HEAD', 'content/alpha'], { cwd: root })
    expect(two.code).toBe(0)
    expect(two.stdout).toContain('通报 alpha')
    expect(two.stdout).not.toContain('通报 beta')
  })
})
