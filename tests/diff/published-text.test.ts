import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'
import { commitAll, gitRepo, writeFiles } from './git.js'

/**
 * Whatever the records make of a paragraph, a change to any published character must show in
 * every form of the diff: a leader signs off on what it says.
 */
const base = {
  'content/t/notice.md': `---
title: 测试单位巡察整改情况公布
dates:
  published: 2021-03-05
---

按照县委统一部署，县委第一巡察组对测试单位进行了巡察。现将整改情况公布如下。

<!-- 正文 -->

欢迎广大干部群众进行监督。联系电话：0379-12345678。
`,
  'content/t/sections/01.md': '一、党的建设方面\n',
  'content/t/findings/01-01.md': `---
id: a
---

1、学习不够深入

问题内容：理论学习流于形式。

整改措施：制定了年度学习计划。

整改结果：已完成。

此后每季度检查一次学习记录。

| 项目 | 次数 |
| --- | --- |
| 集中学习 | 12 |

下一步将持续巩固整改成果。
`
}

interface Edit {
  name: string
  file: string
  from: string
  to: string
  /** The words the diff must show taken out and put in. */
  removed: string
  inserted: string
}

const finding = 'content/t/findings/01-01.md'
const edits: Edit[] = [
  { name: 'the status after 整改结果', file: finding, from: '整改结果：已完成。', to: '整改结果：正在整改。', removed: '已完成', inserted: '正在整改' },
  { name: 'a paragraph after 整改结果', file: finding, from: '每季度检查', to: '每月检查', removed: '季度', inserted: '月' },
  { name: 'a table row', file: finding, from: '| 集中学习 | 12 |', to: '| 集中学习 | 14 |', removed: '12', inserted: '14' },
  { name: "the finding's closing line", file: finding, from: '持续巩固整改成果', to: '建立长效机制', removed: '持续巩固整改成果', inserted: '建立长效机制' },
  {
    name: "the notice's closing line",
    file: 'content/t/notice.md',
    from: '欢迎广大干部群众进行监督。',
    to: '欢迎社会各界监督。',
    removed: '广大干部群众进行',
    inserted: '社会各界'
  }
]

describe('notice diff compares every published character', () => {
  const repo = gitRepo(true)
  writeFiles(repo, base)
  commitAll(repo, '首次发布')
  afterAll(() => rmSync(repo, { recursive: true, force: true }))

  it.each(edits)(
    'shows a change to $name in text, HTML and JSON',
    (edit) => {
      const file = path.join(repo, edit.file)
      const original = readFileSync(file, 'utf8')
      expect(original).toContain(edit.from)
      writeFileSync(file, original.replace(edit.from, edit.to))
      try {
        const { removed, inserted } = edit
        const text = runCli(['diff', 'HEAD'], { cwd: repo })
        expect(text.code).toBe(0)
        expect(text.stdout).not.toContain('没有变化')
        expect(text.stdout).toContain(`[-${removed}-]`)
        expect(text.stdout).toContain(`{+${inserted}+}`)

        const html = runCli(['diff', 'HEAD', '--format', 'html'], { cwd: repo })
        expect(html.code).toBe(0)
        expect(html.stdout).toContain(`<del>${removed}</del>`)
        expect(html.stdout).toContain(`<ins>${inserted}</ins>`)

        const json = runCli(['diff', 'HEAD', '--format', 'json'], { cwd: repo })
        expect(json.code).toBe(0)
        const parsed = JSON.parse(json.stdout) as {
          notice: Array<{ from: unknown; to: unknown }>
          findings: Array<{ changes: Array<{ from: unknown; to: unknown }> }>
        }
        const changes = [...parsed.notice, ...parsed.findings.flatMap((finding) => finding.changes)]
        expect(changes.some((change) => String(change.from).includes(edit.from) && String(change.to).includes(edit.to))).toBe(true)
      } finally {
        writeFileSync(file, original)
      }
      // Three runs of the command each.
    },
    180_000
  )

  it('never cuts inside a number', () => {
    const file = path.join(repo, finding)
    const original = readFileSync(file, 'utf8')
    writeFileSync(file, original.replace('| 集中学习 | 12 |', '| 集中学习 | 13 |'))
    try {
      const text = runCli(['diff', 'HEAD'], { cwd: repo })
      expect(text.stdout).toContain('[-12-]{+13+}')
    } finally {
      writeFileSync(file, original)
    }
  })
})
