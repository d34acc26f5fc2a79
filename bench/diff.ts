/**
 * How long `notice diff` takes: the whole command on the seed across two commits, and the pure
 * comparison alone on a synthetic notice of many findings. Run: npm run compile && npx tsx bench/diff.ts
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { compareFindings } from '../src/diff/compare.js'
import { diffWords } from '../src/diff/words.js'
import type { FindingRecord } from '../src/model/schema.js'

const root = path.resolve(import.meta.dirname, '..')
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
const run = (cwd: string, command: string, ...args: string[]): void => {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`)
}

const repo = mkdtempSync(path.join(tmpdir(), 'notice-bench-'))
try {
  const gitArgs = ['-c', 'user.name=b', '-c', 'user.email=b@example.com']
  run(repo, 'git', 'init', '-q')
  run(repo, process.execPath, path.join(root, 'bin/notice.js'), 'import', path.join(root, 'seeds/000_cf95e3e12b08fb36.txt'), '--id', 'x')
  run(repo, 'git', 'add', '-A')
  run(repo, 'git', ...gitArgs, 'commit', '-qm', 'one')
  const file = path.join(repo, 'content/x/findings/01-03.md')
  writeFileSync(file, readFileSync(file, 'utf8').replace('整改情况:正在整改。', '整改情况:已完成。'))
  run(repo, 'git', ...gitArgs, 'commit', '-qam', 'two')
  for (const format of ['json', 'html', 'text']) {
    const times: number[] = []
    for (let index = 0; index < 5; index++) {
      const start = performance.now()
      run(repo, process.execPath, path.join(root, 'bin/notice.js'), 'diff', 'HEAD~1', 'HEAD', '--format', format)
      times.push(performance.now() - start)
    }
    console.log(`notice diff HEAD~1 HEAD --format ${format} (seed, 25 findings): median ${median(times).toFixed(0)} ms of 5 runs`)
  }
} finally {
  rmSync(repo, { recursive: true, force: true })
}

const text = readFileSync(path.join(root, 'seeds/000_cf95e3e12b08fb36.txt'), 'utf8').replace(/\s+/gu, '').slice(0, 300)
const records = (count: number, edit: boolean): FindingRecord[] =>
  Array.from({ length: count }, (_, index) => ({
    id: `f${index}`,
    anchor: `f-f${index}`,
    path: [1, index + 1],
    title: `问题${index}`,
    status: 'done' as const,
    statusText: '已完成',
    sustained: false,
    problem: text,
    rectification: edit && index % 10 === 0 ? text.replace('整改', '整改落实') : text,
    labels: [],
    fields: [],
    source: { file: 'x', line: 1 }
  }))
const before = records(1000, false)
const after = records(1000, true)
let start = performance.now()
compareFindings(before, after)
console.log(`compareFindings, 1000 findings, 100 edited: ${(performance.now() - start).toFixed(0)} ms`)
start = performance.now()
for (let index = 0; index < 100; index++) diffWords(text, text.replace('整改', '整改落实'))
console.log(`diffWords on a 300-character text: ${((performance.now() - start) / 100).toFixed(2)} ms each (mean of 100)`)
