import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli, seedFile, tempDir } from '../helpers/cli.js'
import { commitAll, git, gitRepo } from './git.js'

interface DiffJson {
  from: string
  to: string
  notice: Array<{ field: string; from: unknown; to: unknown }>
  findings: Array<{ id: string; change: string; status: { from: string; to: string } | null; changes: Array<{ field: string; from: unknown; to: unknown }> }>
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8')
  expect(text).toContain(from)
  writeFileSync(file, text.replace(from, to))
}

describe('the seed notice across two commits: one status change and one text edit', () => {
  let repo = ''
  afterAll(() => rmSync(repo, { recursive: true, force: true }))
  beforeAll(() => {
    repo = gitRepo(true)
    const imported = runCli(['import', seedFile, '--id', 'x'], { cwd: repo })
    expect(imported.code).toBe(0)
    commitAll(repo, 'import the seed')
    edit(path.join(repo, 'content/x/findings/01-03.md'), '整改情况:正在整改。', '整改情况:已完成。')
    edit(path.join(repo, 'content/x/findings/02-01-01.md'), '发展公司严格遵循本办法执行', '发展公司严格执行本办法')
    commitAll(repo, 'rectification progress')
  })

  it('reports exactly those two findings as changed in JSON, the first in_progress → done', () => {
    const result = runCli(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: repo })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const json = JSON.parse(result.stdout) as DiffJson
    expect(Object.keys(json)).toEqual(['from', 'to', 'notice', 'findings'])
    expect(json.from).toBe(git(repo, 'rev-parse', 'HEAD~1').trim())
    expect(json.to).toBe(git(repo, 'rev-parse', 'HEAD').trim())
    expect(json.notice).toEqual([])
    expect(json.findings).toHaveLength(25)
    const changed = json.findings.filter((finding) => finding.change !== 'unchanged')
    expect(changed.map((finding) => finding.id)).toEqual(['1-3', '2-1-1'])
    expect(changed.map((finding) => finding.change)).toEqual(['changed', 'changed'])
    expect(changed[0]?.status).toEqual({ from: 'in_progress', to: 'done' })
    expect(changed[1]?.status).toBeNull()
    expect(changed[1]?.changes.map((change) => change.field)).toEqual(['rectification', 'text'])
    for (const finding of json.findings.filter((candidate) => candidate.change === 'unchanged')) {
      expect(finding.status).toBeNull()
      expect(finding.changes).toEqual([])
    }
  })

  it('marks the text edit with <ins> and <del> in the HTML redline', () => {
    const result = runCli(['diff', 'HEAD~1', 'HEAD', '--format', 'html'], { cwd: repo })
    expect(result.code).toBe(0)
    const html = result.stdout
    expect(html).toMatch(/^<!DOCTYPE html>/u)
    expect(html).toContain('修订对照')
    const edited = html.slice(html.indexOf('id="x-f-2-1-1"'))
    const section = edited.slice(0, edited.indexOf('</article>'))
    expect(section).toMatch(/<del>[^<]*遵循[^<]*<\/del>/u)
    expect(section).toMatch(/<ins>[^<]*执行[^<]*<\/ins>/u)
    expect(html).not.toMatch(/<link|<script|src=|https?:\/\//u)
  })

  it('drafts an update note naming the status change and the edited finding', () => {
    const result = runCli(['diff', 'HEAD~1', 'HEAD', '--format', 'note', '--date', '2021-06-30'], { cwd: repo })
    expect(result.code).toBe(0)
    const entries = parse(result.stdout) as Array<{ date: string; note: string }>
    expect(entries).toHaveLength(1)
    expect(entries[0]?.date).toBe('2021-06-30')
    expect(entries[0]?.note).toContain('“公租房闲置问题整改不力”由正在整改改为已完成')
    // 2-1-1 is named by its heading, the point it opens with.
    expect(entries[0]?.note).toContain('修改了“应招标未招标。”的整改情况')
    expect(entries[0]?.note).not.toContain('修改了“公租房闲置问题整改不力”')
  })

  it('dates the draft today when the notice has no date and none is given, and says so, rather than taking one from git', () => {
    const result = runCli(['diff', 'HEAD~1', 'HEAD', '--format', 'note'], { cwd: repo })
    expect(result.code).toBe(0)
    const now = new Date()
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
    expect((parse(result.stdout) as Array<{ date: string }>)[0]?.date).toBe(today)
    expect(result.stderr).toContain(`今天的日期 ${today}`)
    expect(result.stderr).toContain('--date')
  })

  it('prints a plain summary without colour codes when piped', () => {
    const result = runCli(['diff', 'HEAD~1', 'HEAD'], { cwd: repo, env: { NO_COLOR: '' } })
    expect(result.code).toBe(0)
    expect(result.stdout).not.toContain('\x1b[')
    expect(result.stdout).toContain('1-3')
    expect(result.stdout).toContain('正在整改 → 已完成')
    expect(result.stdout).toContain('[-')
    expect(result.stdout).toContain('{+')
    expect(result.stdout).toContain('未变 23 个')
  })

  it('works in a shallow clone and explains a revision the clone does not hold', () => {
    const clone = path.join(tempDir(), 'clone')
    git(path.dirname(clone), 'clone', '-q', '--depth', '2', `file://${repo}`, clone)
    expect(git(clone, 'rev-parse', '--is-shallow-repository').trim()).toBe('true')
    const result = runCli(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: clone })
    expect(result.code).toBe(0)
    const json = JSON.parse(result.stdout) as DiffJson
    expect(json.findings.filter((finding) => finding.change === 'changed').map((finding) => finding.id)).toEqual(['1-3', '2-1-1'])
    const missing = runCli(['diff', 'HEAD~2'], { cwd: clone })
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('HEAD~2')
    expect(missing.stderr).toContain('浅克隆')
  })

  it('compares with the working tree when the second revision is left out, and writes --out whole', () => {
    edit(path.join(repo, 'content/x/findings/03-05.md'), '整改情况:', '整改情况:（已核实）')
    try {
      const out = path.join(repo, 'out', 'diff.json')
      const result = runCli(['diff', 'HEAD', '--format', 'json', '--out', out], { cwd: repo })
      expect(result.code).toBe(0)
      expect(result.stdout).toBe('')
      const json = JSON.parse(readFileSync(out, 'utf8')) as DiffJson
      expect(json.to).toBe('working-tree')
      expect(json.findings.filter((finding) => finding.change !== 'unchanged').map((finding) => finding.id)).toEqual(['3-5'])
      expect(readdirSync(path.dirname(out))).toEqual(['diff.json'])
    } finally {
      git(repo, 'checkout', '--', 'content')
    }
  })
})
