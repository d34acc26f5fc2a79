import { createHash } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
// @ts-expect-error The bench generator is plain JavaScript without types.
import { generate } from '../../bench/corpus.mjs'
import { growthThreshold } from '../../src/build/young-generation.js'
import { repoRoot, tempDir } from '../helpers/cli.js'

const programModule = pathToFileURL(path.join(repoRoot, 'bin', 'program.js')).href
const bundle = path.join(repoRoot, 'lib', 'bundle', 'main.cjs')

/** Loads a bundle as bin/notice.js does, in a process of its own, runs it with `args` and reports what became of its code cache. */
function load(bundlePath: string, args: readonly string[], save = false, cwd = repoRoot): { codeCache: string; code: number; out: string } {
  const script = `
    import { loadProgram } from ${JSON.stringify(programModule)}
    const program = loadProgram(${JSON.stringify(bundlePath)})
    let out = ''
    const code = await program.main(${JSON.stringify(args)}, { out: (text) => (out += text), err: (text) => (out += text), isTTY: false, cwd: ${JSON.stringify(cwd)} })
    ${save ? 'program.saveCodeCache()' : ''}
    console.log(JSON.stringify({ codeCache: program.codeCache, code, out }))`
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd })
  if (result.status !== 0) throw new Error(result.stderr)
  return JSON.parse(result.stdout) as { codeCache: string; code: number; out: string }
}

/**
 * A copy of the bundle with its worker files, where it can find package.json, as in the
 * repository; without its code cache.
 */
function bundleCopy(): string {
  const root = tempDir()
  const folder = path.join(root, 'lib', 'bundle')
  cpSync(path.dirname(bundle), folder, { recursive: true, filter: (source) => !source.endsWith('.v8-cache') })
  copyFileSync(path.join(repoRoot, 'package.json'), path.join(root, 'package.json'))
  return path.join(folder, 'main.cjs')
}

describe('the code cache of the bundled CLI', () => {
  it('is written by the compile and used by the command as it starts', () => {
    const run = load(bundle, ['--version'])
    expect(run.codeCache).toBe('used')
    expect(run.out.trim()).toBe((JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version)
  })

  it('is absent until saved after a run, and used from then on', () => {
    const copy = bundleCopy()
    expect(load(copy, ['--version'], true).codeCache).toBe('absent')
    expect(load(copy, ['--version']).codeCache).toBe('used')
  })

  it('is not used for another bundle of the same length, which runs its own code', () => {
    const copy = bundleCopy()
    load(copy, ['--help'], true)
    const original = '巡察整改情况通报的静态网站生成器'
    const replacement = '巡察整改情况通报的静态网站工具箱'
    const text = readFileSync(copy, 'utf8')
    expect(text).toContain(original)
    writeFileSync(copy, text.replace(original, replacement))
    expect(readFileSync(copy).length).toBe(Buffer.byteLength(text))
    const run = load(copy, ['--help'])
    expect(run.codeCache).toBe('stale')
    expect(run.out).toContain(replacement)
    expect(run.out).not.toContain(original)
  })

  it('saved after a run that let the young generation grow, is used by the next run', () => {
    // A run of many notices changes a V8 flag while it works; V8 refuses a cache made under other flags.
    const root = tempDir('notice-code-cache-')
    ;(generate as (dir: string, notices: number, findings: number) => void)(root, growthThreshold, 2)
    const cwd = path.join(root, 'notice-press')
    const copy = bundleCopy()
    const run = load(copy, ['check', '--no-cache'], true, cwd)
    expect(run.out).toContain('content/bench-')
    expect(load(copy, ['--version'], false, cwd).codeCache).toBe('used')
  })

  it('is refused by V8 when damaged, and the command still runs', () => {
    const copy = bundleCopy()
    const digest = createHash('sha256').update(readFileSync(copy)).digest()
    writeFileSync(`${copy}.v8-cache`, Buffer.concat([digest, Buffer.from('not what V8 wrote')]))
    const run = load(copy, ['--version'])
    expect(run.codeCache).toBe('refused')
    expect(run.code).toBe(0)
    expect(run.out.trim()).toMatch(/^\d+\.\d+\.\d+$/u)
  })
})
