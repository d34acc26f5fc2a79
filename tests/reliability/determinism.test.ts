/**
 * Deterministic output: the same content gives byte-identical output across runs, time zones
 * and locales, and nothing on the render path reads the clock (except SOURCE_DATE_EPOCH).
 */
import { cpSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot, runCli, seedFile, tempDir } from '../helpers/cli.js'
import { hashTree, minimalContent, runMain } from './support.js'

describe('deterministic output', () => {
  it('two builds of the same content, one under TZ=Pacific/Auckland LANG=C and one under TZ=UTC LANG=zh_CN.UTF-8, are byte-identical', async () => {
    const root = tempDir('notice-determinism-')
    cpSync(minimalContent, path.join(root, 'content'), { recursive: true })
    expect((await runMain(['import', seedFile, '--id', 'seed', '--content', 'content'], root)).code).toBe(0)

    const auckland = runCli(['build', '--content', 'content', '--out', 'a'], { cwd: root, env: { TZ: 'Pacific/Auckland', LANG: 'C', LC_ALL: 'C' } })
    const shanghai = runCli(['build', '--content', 'content', '--out', 'b'], { cwd: root, env: { TZ: 'UTC', LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8' } })
    expect(auckland.code).toBe(0)
    expect(shanghai.code).toBe(0)
    const first = hashTree(path.join(root, 'a'))
    expect(Object.keys(first).length).toBeGreaterThan(5)
    expect(hashTree(path.join(root, 'b'))).toEqual(first)

    // And again in this process, at another moment.
    expect((await runMain(['build', '--content', 'content', '--out', 'c'], root)).code).toBe(0)
    expect(hashTree(path.join(root, 'c'))).toEqual(first)
  })

  it('nothing on the load, validate, render or write path reads the clock, except through SOURCE_DATE_EPOCH', () => {
    const clock = /Date\.now\s*\(|new Date\(\s*\)|performance\.now|process\.hrtime|\.toLocale\w*\(|Intl\.DateTimeFormat/u
    const offenders: string[] = []
    const scan = (folder: string): void => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const file = path.join(folder, entry.name)
        if (entry.isDirectory()) scan(file)
        else if (/\.(?:ts|eta)$/u.test(entry.name)) {
          readFileSync(file, 'utf8')
            .split('\n')
            .forEach((line, index) => {
              if (clock.test(line) && !line.includes('SOURCE_DATE_EPOCH')) offenders.push(`${path.relative(repoRoot, file)}:${index + 1}: ${line.trim()}`)
            })
        }
      }
    }
    for (const folder of ['load', 'model', 'structure', 'markdown', 'text', 'validate', 'render', 'engine', 'search', 'print', 'write'])
      scan(path.join(repoRoot, 'src', folder))
    scan(path.join(repoRoot, 'templates'))
    expect(offenders).toEqual([])
  })
})
