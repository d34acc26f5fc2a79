// Times `notice build --pdf`: the seed alone, then the seed imported under 20 ids in one build.
// Run after `npm run compile`: node bench/pdf.mjs [count]
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../', import.meta.url))
const bin = path.join(root, 'bin', 'notice.js')
const seed = path.join(root, 'seeds', '000_cf95e3e12b08fb36.txt')
const count = Number(process.argv[2] ?? 20)
const notice = (args) => execFileSync(process.execPath, [bin, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

function timeBuild(ids) {
  const dir = mkdtempSync(path.join(tmpdir(), 'notice-bench-'))
  try {
    const content = path.join(dir, 'content')
    for (const id of ids) notice(['import', seed, '--id', id, '--content', content])
    const timings = {}
    for (const pdf of [false, true]) {
      const start = process.hrtime.bigint()
      notice(['build', '--content', content, '--out', path.join(dir, pdf ? 'dist-pdf' : 'dist'), ...(pdf ? ['--pdf'] : [])])
      timings[pdf ? 'withPdf' : 'withoutPdf'] = Number(process.hrtime.bigint() - start) / 1e9
    }
    return timings
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const one = timeBuild(['seed'])
console.log(
  `1 notice:   build ${one.withoutPdf.toFixed(2)} s, build --pdf ${one.withPdf.toFixed(2)} s (PDF part ${(one.withPdf - one.withoutPdf).toFixed(2)} s)`
)
const many = timeBuild(Array.from({ length: count }, (_, index) => `notice-${String(index + 1).padStart(2, '0')}`))
console.log(
  `${count} notices: build ${many.withoutPdf.toFixed(2)} s, build --pdf ${many.withPdf.toFixed(2)} s (PDF part ${(many.withPdf - many.withoutPdf).toFixed(2)} s, ${((many.withPdf - many.withoutPdf) / count).toFixed(2)} s a notice)`
)
