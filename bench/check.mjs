// Time of `checkContent` (all rules) on the seed notice, imported into a temporary folder.
// Run after `npm run compile`: node bench/check.mjs [runs]
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkContent } from '../lib/engine/pipeline.js'
import { readContent } from '../lib/load/read.js'

const root = fileURLToPath(new URL('../', import.meta.url))
const runs = Number(process.argv[2] ?? 20)
const dir = mkdtempSync(path.join(tmpdir(), 'notice-bench-'))
try {
  execFileSync(process.execPath, [path.join(root, 'bin/notice.js'), 'import', path.join(root, 'seeds/000_cf95e3e12b08fb36.txt'), '--id', 'x', '--content', dir])
  const source = await readContent(dir, process.cwd())
  checkContent(source)
  const times = []
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint()
    const { diagnostics } = checkContent(source)
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
    if (run === 0) console.log(`diagnostics: ${diagnostics.length}`)
  }
  times.sort((a, b) => a - b)
  console.log(
    `checkContent on the seed, ${runs} runs: median ${times[Math.floor(runs / 2)].toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times[runs - 1].toFixed(1)} ms`
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
