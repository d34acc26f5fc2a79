import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium } from 'playwright-core'
import path from 'node:path'
import { HtmlValidate } from 'html-validate'
import { describe, expect, it } from 'vitest'
import { repoRoot, runCli, tempDir } from '../helpers/cli.js'
import { commitAll, gitRepo, writeFiles } from './git.js'

interface DiffJson {
  from: string
  to: string
  notice: Array<{ field: string; from: unknown; to: unknown }>
  findings: Array<{ id: string; change: string; status: { from: string; to: string } | null; changes: Array<{ field: string; from: unknown; to: unknown }> }>
}

const notice = (title: string, published: string): string => `---
title: ${title}
dates:
  published: ${published}
---

按照县委统一部署，县委第一巡察组对测试单位进行了巡察。现将整改情况公布如下。

<!-- 正文 -->

联系电话：12345678。
`

const finding = (id: string, heading: string, problem: string, rectification: string): string => `---
id: ${id}
---

${heading}

问题内容：${problem}

整改情况：${rectification}
`

const firstVersion = {
  'content/t/notice.md': notice('测试单位巡察整改情况公布', '2021-03-05'),
  'content/t/sections/01.md': '一、党的建设方面\n',
  'content/t/findings/01-01.md': finding('a', '1、学习不够深入', '理论学习流于形式。', '正在整改。制定了年度学习计划。'),
  'content/t/findings/01-02.md': finding('b', '2、台账不规范', '会议记录不全。', '已完成。补齐了会议记录。'),
  'content/t/findings/01-03.md': finding('c', '3、制度执行不严', '财务报销审核不严。', '已完成。修订了报销制度。'),
  'content/t/findings/01-04.md': finding('e', '4、作风不够扎实', '下基层调研较少。', '已完成，长期坚持。建立了联系点制度。')
}

/** a: status 正在整改 → 已完成; b: removed; c: renumbered 3 → 2; e: renumbered 4 → 3 and its problem edited; d: added. */
function secondVersion(root: string): void {
  for (const file of ['01-02.md', '01-03.md', '01-04.md']) rmSync(path.join(root, 'content/t/findings', file))
  writeFiles(root, {
    'content/t/notice.md': notice('测试单位关于巡察整改进展情况的通报', '2021-06-30'),
    'content/t/findings/01-01.md': finding('a', '1、学习不够深入', '理论学习流于形式。', '已完成。制定了年度学习计划。'),
    'content/t/findings/01-02.md': finding('c', '2、制度执行不严', '财务报销审核不严。', '已完成。修订了报销制度。'),
    'content/t/findings/01-03.md': finding('e', '3、作风不够扎实', '领导干部下基层调研较少。', '已完成，长期坚持。建立了联系点制度。'),
    'content/t/findings/01-04.md': finding('d', '4、公务用车管理不规范', '车辆使用登记不全。', '正在整改。')
  })
}

function repoWithTwoVersions(): string {
  const repo = gitRepo()
  writeFiles(repo, firstVersion)
  commitAll(repo, 'first version')
  secondVersion(repo)
  commitAll(repo, 'second version')
  return repo
}

describe('notice diff on a small notice', () => {
  it('reports a status change, a text edit, renumbering as moves, an added and a removed finding, and changed notice fields', () => {
    const repo = repoWithTwoVersions()
    const result = runCli(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: repo })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const json = JSON.parse(result.stdout) as DiffJson
    const byId = new Map(json.findings.map((entry) => [entry.id, entry]))
    expect(json.findings.map((entry) => entry.id)).toEqual(['a', 'b', 'c', 'e', 'd'])

    expect(byId.get('a')?.change).toBe('changed')
    expect(byId.get('a')?.status).toEqual({ from: 'in_progress', to: 'done' })

    expect(byId.get('b')?.change).toBe('removed')
    expect(byId.get('b')?.changes).toContainEqual({ field: 'title', from: '台账不规范', to: null })

    expect(byId.get('c')?.change).toBe('moved')
    expect(byId.get('c')?.status).toBeNull()
    expect(byId.get('c')?.changes).toEqual([{ field: 'position', from: '1-3', to: '1-2' }])

    expect(byId.get('e')?.change).toBe('changed')
    expect(byId.get('e')?.changes).toEqual([
      { field: 'position', from: '1-4', to: '1-3' },
      { field: 'problem', from: '下基层调研较少。', to: '领导干部下基层调研较少。' },
      {
        field: 'text',
        from: '作风不够扎实\n问题内容：下基层调研较少。\n整改情况：已完成，长期坚持。建立了联系点制度。',
        to: '作风不够扎实\n问题内容：领导干部下基层调研较少。\n整改情况：已完成，长期坚持。建立了联系点制度。'
      }
    ])

    expect(byId.get('d')?.change).toBe('added')
    expect(byId.get('d')?.changes).toContainEqual({ field: 'title', from: null, to: '公务用车管理不规范' })

    expect(json.notice).toEqual([
      { field: 'title', from: '测试单位巡察整改情况公布', to: '测试单位关于巡察整改进展情况的通报' },
      { field: 'dates.published', from: '2021-03-05', to: '2021-06-30' }
    ])
  })

  it('drafts the update note with the date from notice.md, and the HTML page passes html-validate', async () => {
    const repo = repoWithTwoVersions()
    const note = runCli(['diff', 'HEAD~1', 'HEAD', '--format', 'note'], { cwd: repo })
    expect(note.code).toBe(0)
    expect(note.stdout).toContain('- date: 2021-06-30\n')
    for (const phrase of [
      '修改了标题和发布日期',
      '“学习不够深入”由正在整改改为已完成',
      '修改了“作风不够扎实”的问题内容',
      '新增问题“公务用车管理不规范”',
      '删除问题“台账不规范”',
      '“制度执行不严”由 1-3 改为 1-2'
    ]) {
      expect(note.stdout).toContain(phrase)
    }
    // Readers of the 更新记录 never see internal ids.
    expect(note.stdout).not.toMatch(/(?:^|[^a-z])[abcde] /u)

    const html = runCli(['diff', 'HEAD~1', 'HEAD', '--format', 'html'], { cwd: repo }).stdout
    expect(html).toContain('<ins>领导干部</ins>')
    // Before and after side by side: the deletions on the left, the insertions on the right.
    expect(html).toContain('<td>测试单位巡察整改情况<del>公布</del></td><td>测试单位<ins>关于</ins>巡察整改<ins>进展</ins>情况<ins>的通报</ins></td>')
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html)
    expect(report.results.flatMap((entry) => entry.messages.map((message) => `${message.ruleId}: ${message.message}`))).toEqual([])
    // Three runs of the command and html-validate's start: more than the default minute on a loaded machine.
  }, 180_000)

  it('drafts a note for each changed notice, an undated one too, never dated from the original publication', () => {
    const repo = gitRepo()
    writeFiles(repo, {
      ...firstVersion,
      'content/u/notice.md': '---\ntitle: 另一单位巡察整改情况公布\n---\n\n开头。\n\n<!-- 正文 -->\n\n欢迎监督。\n',
      'content/u/findings/01.md': finding('x', '1、问题一', '内容。', '正在整改。')
    })
    commitAll(repo, 'two notices')
    writeFiles(repo, {
      'content/t/findings/01-02.md': finding('b', '2、台账不规范', '会议记录不全。', '已完成。补齐了全部会议记录。'),
      'content/u/findings/01.md': finding('x', '1、问题一', '内容。', '已完成。')
    })
    const note = runCli(['diff', 'HEAD', '--format', 'note'], { cwd: repo })
    expect(note.code).toBe(0)
    expect(note.stdout).toContain('通报 t')
    expect(note.stdout).toContain('通报 u')
    expect(note.stdout).toContain('“问题一”由正在整改改为已完成')
    // t was first published 2021-03-05 and this change does not move that date: not the update's date.
    expect(note.stdout).not.toContain('2021-03-05')
    expect(note.stderr).toContain('今天的日期')
  })

  it('prefixes finding ids with the notice id when the content holds several notices', () => {
    const repo = gitRepo()
    writeFiles(repo, firstVersion)
    commitAll(repo, 'one notice')
    writeFiles(repo, {
      'content/u/notice.md': notice('另一单位巡察整改情况公布', '2021-04-01'),
      'content/u/findings/01.md': finding('x', '1、问题一', '内容。', '已完成。')
    })
    commitAll(repo, 'second notice')
    const json = JSON.parse(runCli(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: repo }).stdout) as DiffJson
    expect(json.notice).toEqual([{ field: 'u/notice', from: null, to: '另一单位巡察整改情况公布' }])
    expect(json.findings.map((entry) => `${entry.id} ${entry.change}`)).toEqual([
      't/a unchanged',
      't/b unchanged',
      't/c unchanged',
      't/e unchanged',
      'u/x added'
    ])
  })

  it('exits 2 with a Chinese message outside a git repository, for an unknown revision and without a revision', () => {
    const outside = tempDir()
    writeFiles(outside, firstVersion)
    const env = { GIT_CEILING_DIRECTORIES: path.dirname(outside) }
    const notRepo = runCli(['diff', 'HEAD'], { cwd: outside, env })
    expect(notRepo.code).toBe(2)
    expect(notRepo.stderr).toContain('不在 git 仓库中')
    expect(notRepo.stderr).not.toMatch(/\n\s+at /u)

    const repo = repoWithTwoVersions()
    const unknown = runCli(['diff', 'no-such-tag'], { cwd: repo })
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('找不到版本“no-such-tag”')
    const option = runCli(['diff', '--', '--output=x'], { cwd: repo })
    expect(option.code).toBe(2)

    const missing = runCli(['diff'], { cwd: repo })
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('缺少要比较的版本')

    const folder = runCli(['diff', 'HEAD', '--content', 'elsewhere'], { cwd: repo })
    expect(folder.code).toBe(2)
    expect(folder.stderr).toContain('elsewhere')
  })

  // util-linux `script` gives the command a real terminal, as a user's shell would.
  it.skipIf(!existsSync('/usr/bin/script'))('colours the summary on a terminal, but not with NO_COLOR', () => {
    const repo = repoWithTwoVersions()
    const command = `${process.execPath} ${path.join(repoRoot, 'bin/notice.js')} diff HEAD~1 HEAD`
    const onTerminal = (env: NodeJS.ProcessEnv): string =>
      spawnSync('/usr/bin/script', ['-qec', command, '/dev/null'], { cwd: repo, encoding: 'utf8', env }).stdout
    const { NO_COLOR: _ignored, ...withoutNoColor } = process.env
    expect(onTerminal(withoutNoColor)).toContain('\x1b[31m正在整改\x1b[0m')
    expect(onTerminal({ ...withoutNoColor, NO_COLOR: '1' })).not.toContain('\x1b[')
  })

  it.skipIf(!existsSync('/usr/bin/chromium'))('gives a redline page that passes axe (WCAG 2.1 AA) on a phone and makes no requests', async () => {
    const repo = repoWithTwoVersions()
    const html = runCli(['diff', 'HEAD~1', 'HEAD', '--format', 'html'], { cwd: repo }).stdout
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
    })
    try {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } })
      const requests: string[] = []
      page.on('request', (request) => requests.push(request.url()))
      await page.setContent(html)
      await page.addScriptTag({ content: axeSource })
      // Evaluated in the page (the tests compile without DOM types, so the code goes in as text).
      const violations = await page.evaluate<string[]>(
        `axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((result) => result.violations.map((violation) => violation.id))`
      )
      expect(violations).toEqual([])
      expect(requests).toEqual([])
      const overflow = await page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth')
      expect(overflow).toBe(false)
    } finally {
      await browser.close()
    }
  })
})
