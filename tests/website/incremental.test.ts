/** The dev server's build: a change to one notice folder re-reads and re-renders that notice only. */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { IncrementalBuild } from '../../src/dev/incremental.js'
import { readContent } from '../../src/load/read.js'
import { bundledTemplates, readTemplates } from '../../src/render/read-templates.js'
import { createRenderer } from '../../src/render/templates.js'
import { tempDir } from '../helpers/cli.js'
import { copySeedContent, seedId } from './fixture.js'

describe('IncrementalBuild', () => {
  it('re-reads only the folders it is told about, keeps the rest, and lists every notice', async () => {
    const content = copySeedContent(tempDir())
    cpSync(path.join(content, seedId), path.join(content, 'copy'), { recursive: true })
    const templates = await readTemplates(bundledTemplates)
    const build = new IncrementalBuild(createRenderer(templates.sources, templates.assets))
    build.replaceAll(await readContent(content, process.cwd()))
    const before = build.snapshot().files

    const edit = (id: string, marker: string): void => {
      const file = path.join(content, id, 'findings', '01-01.md')
      writeFileSync(file, readFileSync(file, 'utf8').replace('主题教育。', `主题教育。${marker}`))
    }
    edit(seedId, '（改动甲）')
    edit('copy', '（改动乙：未通知，不应被读到）')
    const only = new Set([seedId])
    build.replaceNotices(only, await readContent(content, process.cwd(), { only }))
    const after = build.snapshot().files

    expect(after.get(`${seedId}/index.html`)).toContain('（改动甲）')
    expect(after.get('copy/index.html')).toBe(before.get('copy/index.html'))
    expect(after.get('index.html')).toContain('copy/index.html')
    expect(after.get('index.html')).toContain(`${seedId}/index.html`)
  })

  it('drops a notice whose folder is gone and reports check errors per notice', async () => {
    const content = copySeedContent(tempDir())
    cpSync(path.join(content, seedId), path.join(content, 'gone'), { recursive: true })
    const templates = await readTemplates(bundledTemplates)
    const build = new IncrementalBuild(createRenderer(templates.sources, templates.assets))
    build.replaceAll(await readContent(content, process.cwd()))
    expect(build.snapshot().files.has('gone/index.html')).toBe(true)
    const finding = path.join(content, seedId, 'findings', '03-05.md')
    writeFileSync(finding, readFileSync(finding, 'utf8').replace(/^id: .*$/mu, 'id: 3-4-1'))
    const only = new Set([seedId])
    build.replaceNotices(only, await readContent(content, process.cwd(), { only }))
    expect(build.snapshot().diagnostics.some((diagnostic) => diagnostic.rule === 'duplicate-id' && diagnostic.severity === 'error')).toBe(true)

    rmSync(path.join(content, 'gone'), { recursive: true })
    build.replaceNotices(new Set(['gone']), await readContent(content, process.cwd(), { only: new Set(['gone']) }))
    expect([...build.snapshot().files.keys()].some((file) => file.startsWith('gone/'))).toBe(false)
    expect(build.snapshot().files.get('index.html')).not.toContain('gone/index.html')
  })
})
