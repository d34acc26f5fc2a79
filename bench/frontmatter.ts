/**
 * How long splitFrontmatter takes on the notice.md files of a generated corpus, this version
 * against an earlier one (by default the one before the simple-frontmatter fast path), timed in
 * one process in alternating rounds. Run: npx tsx bench/frontmatter.ts [--notices 400] [--rounds 15] [--base REV] [--current-first]
 * The first pass of each is cold; whichever runs first also pays for what the two share (the
 * split, the `yaml` module's first use), so run it both ways (--current-first) to see both.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
// @ts-expect-error The bench generator is plain JavaScript without types.
import { generate } from './corpus.mjs'
import { splitFrontmatter, type Frontmatter } from '../src/load/frontmatter.js'

type Split = (file: string, text: string) => Frontmatter

const root = path.resolve(import.meta.dirname, '..')
const { values } = parseArgs({ options: { notices: { type: 'string', default: '400' }, rounds: { type: 'string', default: '15' }, base: { type: 'string' }, 'current-first': { type: 'boolean', default: false } } })
const notices = Number(values.notices)
const rounds = Number(values.rounds)
const median = (times: number[]): number => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0
const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim()

/** The revision before the fast path came: the parent of the commit that added simple-frontmatter.ts. */
function defaultBase(): string {
  const added = git('log', '--diff-filter=A', '--format=%H', '--', 'src/load/simple-frontmatter.ts').split('\n').pop()
  if (!added) throw new Error('simple-frontmatter.ts has no commit yet: pass --base REV')
  return `${added}^`
}

/**
 * The earlier frontmatter.ts, written next to the bench so its packages resolve from the same
 * node_modules; its one relative import is a type, which tsx drops.
 */
async function loadBase(revision: string, folder: string): Promise<Split> {
  const file = path.join(folder, 'frontmatter.ts')
  writeFileSync(file, git('show', `${revision}:src/load/frontmatter.ts`))
  const module = (await import(file)) as { splitFrontmatter: Split }
  return module.splitFrontmatter
}

function readNotices(): { file: string; text: string }[] {
  const corpus = mkdtempSync(path.join(tmpdir(), 'notice-bench-frontmatter-'))
  try {
    ;(generate as (out: string, notices: number, findings: number) => void)(corpus, notices, 25)
    return Array.from({ length: notices }, (_, index) => {
      const file = path.join(corpus, 'notice-press', 'content', `bench-${String(index + 1).padStart(4, '0')}`, 'notice.md')
      return { file, text: readFileSync(file, 'utf8') }
    })
  } finally {
    rmSync(corpus, { recursive: true, force: true })
  }
}

/** Milliseconds for one pass over every file; the data is read so the work cannot be skipped. */
function pass(split: Split, files: readonly { file: string; text: string }[]): number {
  let keys = 0
  const start = performance.now()
  for (const { file, text } of files) keys += Object.keys(split(file, text).data as object).length
  const elapsed = performance.now() - start
  if (keys === 0) throw new Error('no frontmatter read')
  return elapsed
}

const files = readNotices()
const baseFolder = mkdtempSync(path.join(root, 'bench', '.base-'))
try {
  const revision = values.base ?? defaultBase()
  const base = await loadBase(revision, baseFolder)
  const times = { base: [] as number[], current: [] as number[] }
  const first = { base: 0, current: 0 }
  if (values['current-first']) {
    first.current = pass(splitFrontmatter, files)
    first.base = pass(base, files)
  } else {
    first.base = pass(base, files)
    first.current = pass(splitFrontmatter, files)
  }
  for (let round = 0; round < rounds; round++) {
    // Alternate which goes first, so neither always runs on a warmer heap.
    const order = round % 2 === 0 ? (['base', 'current'] as const) : (['current', 'base'] as const)
    for (const which of order) times[which].push(pass(which === 'base' ? base : splitFrontmatter, files))
  }
  const fastPath = files.filter(({ file, text }) => splitFrontmatter(file, text).document === undefined).length
  const row = (name: string, firstPass: number, all: number[]): string =>
    `${name.padEnd(26)} first pass ${firstPass.toFixed(1).padStart(6)} ms   median ${median(all).toFixed(1).padStart(6)} ms   min ${Math.min(...all).toFixed(1).padStart(6)} ms   per file ${((median(all) / files.length) * 1000).toFixed(1)} µs`
  console.log(`splitFrontmatter over ${files.length} notice.md files, ${rounds} alternating rounds; fast path taken by ${fastPath} of ${files.length}; first pass: ${values['current-first'] ? 'current' : 'base'} first`)
  console.log(row(`base (${git('rev-parse', '--short', revision)})`, first.base, times.base))
  console.log(row('current', first.current, times.current))
  console.log(`median ratio current / base: ${(median(times.current) / median(times.base)).toFixed(3)}`)
} finally {
  rmSync(baseFolder, { recursive: true, force: true })
}
