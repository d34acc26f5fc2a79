import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { JsonDiagnostic } from '../helpers/content.js'
import { repoRoot, runCli, tempDir } from '../helpers/cli.js'

const fixture = path.join(repoRoot, 'tests', 'fixtures', 'clean')

function check(dir: string): { code: number; diagnostics: JsonDiagnostic[] } {
  const result = runCli(['check', '--content', 'C', '--format', 'json'], { cwd: dir })
  return { code: result.code, diagnostics: JSON.parse(result.stdout) as JsonDiagnostic[] }
}

/** Replaces one exact text in a fixture file, and returns its 1-based line in the file. */
function plant(dir: string, file: string, from: string, to: string): { file: string; line: number } {
  const full = path.join(dir, 'C', file)
  const text = readFileSync(full, 'utf8')
  expect(text.split(from), `${file}: ${from}`).toHaveLength(2)
  const changed = text.replace(from, to)
  writeFileSync(full, changed)
  const line = changed.slice(0, changed.indexOf(to)).split('\n').length
  return { file: `C/${file}`, line }
}

describe('check on clean notices in the standard style', () => {
  it('finds nothing in two clean notices', () => {
    const dir = tempDir()
    cpSync(fixture, path.join(dir, 'C'), { recursive: true })
    const { code, diagnostics } = check(dir)
    expect(diagnostics).toEqual([])
    expect(code).toBe(0)
  })

  it('finds each planted defect at its place, and nothing else', () => {
    const dir = tempDir()
    cpSync(fixture, path.join(dir, 'C'), { recursive: true })
    const health = '2022-county-health'
    const school = '2023-town-education'
    const planted: Array<[string, { file: string; line: number }]> = [
      ['stats-mismatch', plant(dir, `${health}/notice.md`, '反馈的6个问题', '反馈的7个问题')],
      ['name-variant', plant(dir, `${health}/notice.md`, '现将巡察整改进展情况予以公布', '示例县卫生康健委员会现将巡察整改进展情况予以公布')],
      ['punctuation-width', plant(dir, `${health}/findings/01-01.md`, '以传达文件为主，', '以传达文件为主,')],
      ['typo', plant(dir, `${health}/findings/01-03.md`, '建立物资管理台账', '建立物资管理台帐')],
      ['doc-number', plant(dir, `${health}/findings/02-02.md`, '修订《公务接待管理办法》', '按县卫发(2021)8号文件修订《公务接待管理办法》')],
      ['date-format', plant(dir, `${health}/findings/02-03.md`, '2019年提拔', '2019年03月提拔')],
      ['label-variant', plant(dir, `${school}/findings/02-01-01.md`, '问题内容：', '详细问题：')],
      ['status-conflict', plant(dir, `${school}/findings/02-02-02.md`, '建立代收费', '剩余部分计划于6月底前清退，建立代收费')],
      ['private-data', plant(dir, `${school}/findings/02-02-01.md`, '学校未进行监管。', '学校未进行监管，承包人手机13912345678。')],
      ['typo', plant(dir, `${school}/findings/02-01-02.md`, '建立学生心理健康档案', '建立学生心理健康档案档案')]
    ]
    const { code, diagnostics } = check(dir)
    expect(code).toBe(1)
    const found = diagnostics.map((diagnostic) => `${diagnostic.rule} ${diagnostic.file}:${diagnostic.line}`).sort()
    const wanted = planted.map(([rule, place]) => `${rule} ${place.file}:${place.line}`).sort()
    expect(found).toEqual(wanted)
  })

  it('--fix makes the same changes without a cache, and from diagnostics a check or a build stored in the cache', () => {
    // A run that neither fixes nor stores its diagnostics leaves the fixes out of them: the other three must not.
    const planted = (): string => {
      const dir = tempDir()
      cpSync(fixture, path.join(dir, 'C'), { recursive: true })
      plant(dir, '2022-county-health/findings/01-01.md', '以传达文件为主，', '以传达文件为主,')
      plant(dir, '2022-county-health/notice.md', '截至目前，县委', '截止目前，县委')
      plant(dir, '2022-county-health/findings/02-02.md', '修订《公务接待管理办法》', '按县卫发(2021)8号文件修订《公务接待管理办法》')
      return dir
    }
    const changes = (result: { stdout: string }): string[] => result.stdout.split('\n').filter((line) => line.includes(' → '))

    const noCache = planted()
    const withoutCache = runCli(['check', '--content', 'C', '--fix', '--no-cache'], { cwd: noCache })
    expect(
      changes(withoutCache)
        .map((line) => line.replace(/^.*\[(.*)\]$/u, '$1'))
        .sort()
    ).toEqual(['doc-number', 'punctuation-width', 'typo'])

    const afterCheck = planted()
    expect(runCli(['check', '--content', 'C'], { cwd: afterCheck }).code).toBe(0)
    const fromCheckCache = runCli(['check', '--content', 'C', '--fix'], { cwd: afterCheck })

    const afterBuild = planted()
    expect(runCli(['build', '--content', 'C', '--out', 'D'], { cwd: afterBuild }).code).toBe(0)
    const fromBuildCache = runCli(['check', '--content', 'C', '--fix'], { cwd: afterBuild })

    expect(changes(fromCheckCache)).toEqual(changes(withoutCache))
    expect(changes(fromBuildCache)).toEqual(changes(withoutCache))
    for (const dir of [noCache, afterCheck, afterBuild]) {
      expect(readFileSync(path.join(dir, 'C', '2022-county-health/findings/01-01.md'), 'utf8')).toContain('以传达文件为主，')
    }
  })

  it('--fix --format json keeps stdout one JSON array and lists the changes on stderr', () => {
    const dir = tempDir()
    cpSync(fixture, path.join(dir, 'C'), { recursive: true })
    const place = plant(dir, '2022-county-health/findings/01-01.md', '以传达文件为主，', '以传达文件为主,')
    const result = runCli(['check', '--content', 'C', '--format', 'json', '--fix'], { cwd: dir })
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual([])
    expect(result.stderr).toMatch(new RegExp(`^${place.file}:${place.line}:\\d+: “,” → “，” \\[punctuation-width\\]$`, 'mu'))
    expect(readFileSync(path.join(dir, 'C', '2022-county-health/findings/01-01.md'), 'utf8')).toContain('以传达文件为主，')
  })
})
