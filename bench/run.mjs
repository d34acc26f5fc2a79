// Times notice-press against Eleventy 3 and Hugo on the same generated text, side by side.
// Usage: node bench/run.mjs [--sizes 1,40,400,2000] [--runs 3] [--skip-peers]
// Installs the peers on first use: Hugo from Debian (apt-get install hugo), Eleventy from npm into bench/.tools.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { generate } from './corpus.mjs'

const benchDir = path.dirname(fileURLToPath(import.meta.url))
const repo = path.join(benchDir, '..')
const tools = path.join(benchDir, '.tools')
const work = path.join(benchDir, '.work')
const args = process.argv.slice(2)
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`)
  return index === -1 ? fallback : args[index + 1]
}
const sizes = option('sizes', '1,40,400,2000').split(',').map(Number)
const runs = Number(option('runs', '3'))
const skipPeers = args.includes('--skip-peers')

function sh(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { encoding: 'utf8', ...options })
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed: ${result.stderr || result.stdout}`)
  return result.stdout
}

function ensurePeers() {
  if (!spawnSync('hugo', ['version']).stdout) {
    sh('apt-get', ['install', '-y', '-qq', 'hugo'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  }
  if (!existsSync(path.join(tools, 'node_modules', '@11ty', 'eleventy'))) {
    sh('npm', ['install', '--prefix', tools, '--no-audit', '--no-fund', '@11ty/eleventy@3.1.8'])
  }
}

/** Runs a command under GNU time; returns wall seconds and peak resident memory in MiB. */
function timed(command, commandArgs, cwd) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...commandArgs], { cwd, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 })
  if (result.status !== 0) throw new Error(`${command} failed (${result.status}): ${result.stderr.slice(-2000)}`)
  const [seconds, kilobytes] = result.stderr.trim().split('\n').pop().split(' ').map(Number)
  return { seconds, mib: kilobytes / 1024 }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

const notice = path.join(repo, 'bin', 'notice.js')
const eleventyBin = path.join(tools, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs')

function measure(size) {
  const dir = path.join(work, `n${size}`)
  const marker = path.join(dir, '.generated')
  if (!existsSync(marker)) {
    generate(dir, size, 25)
    writeFileSync(marker, '')
  }
  const np = path.join(dir, 'notice-press')
  const tools = {
    // Every tool builds into an empty output folder, its previous output removed outside the timing.
    'notice-press': () => {
      rmSync(path.join(np, 'dist'), { recursive: true, force: true })
      return timed(process.execPath, [notice, 'build', '--no-cache', '--content', 'content', '--out', 'dist'], np)
    },
    ...(skipPeers
      ? {}
      : {
          eleventy: () => {
            rmSync(path.join(dir, 'eleventy', '_site'), { recursive: true, force: true })
            return timed(process.execPath, [eleventyBin, '--quiet', '--input=src', '--output=_site'], path.join(dir, 'eleventy'))
          },
          hugo: () => {
            rmSync(path.join(dir, 'hugo', 'public'), { recursive: true, force: true })
            return timed('hugo', ['--quiet', '--source', path.join(dir, 'hugo'), '--destination', path.join(dir, 'hugo', 'public')], dir)
          }
        })
  }
  const samples = Object.fromEntries(Object.keys(tools).map((name) => [name, []]))
  const count = size >= 2000 ? Math.min(runs, 2) : runs
  // Alternate the tools run by run so machine noise falls on all of them alike.
  for (let run = 0; run < count; run++) for (const [name, go] of Object.entries(tools)) samples[name].push(go())

  // Warm: the cache is filled by a cached build, then one finding is edited and the site rebuilt.
  timed(process.execPath, [notice, 'build', '--content', 'content', '--out', 'dist'], np)
  const finding = path.join(np, 'content', 'bench-0001', 'findings', '01-01.md')
  const original = readFileSync(finding, 'utf8')
  const warm = []
  for (let run = 0; run < count; run++) {
    writeFileSync(finding, original.replace('问题内容:', `问题内容:（第${run + 1}次修改）`))
    warm.push(timed(process.execPath, [notice, 'build', '--content', 'content', '--out', 'dist'], np))
  }
  writeFileSync(finding, original)
  timed(process.execPath, [notice, 'build', '--content', 'content', '--out', 'dist'], np)
  const check = []
  for (let run = 0; run < count; run++) check.push(timed(process.execPath, [notice, 'check', '--no-cache', '--content', 'content'], np))

  const summary = (list) => ({ seconds: median(list.map((sample) => sample.seconds)), mib: Math.max(...list.map((sample) => sample.mib)) })
  return {
    size,
    findings: size * 25,
    cold: Object.fromEntries(Object.entries(samples).map(([name, list]) => [name, summary(list)])),
    warm: summary(warm),
    check: summary(check),
    runs: count
  }
}

if (!skipPeers) ensurePeers()
sh('npm', ['run', 'compile'], { cwd: repo })
const results = sizes.map((size) => {
  const result = measure(size)
  console.error(JSON.stringify(result))
  return result
})

const format = (value) => value.toFixed(2)
const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} on this machine (${(await import('node:os')).availableParallelism()} cores), medians of ${runs} alternating runs (2 at 2,000 notices).`,
  '',
  '| notices | findings | notice-press cold s (MiB) | Eleventy 3 s (MiB) | Hugo s (MiB) | np / Eleventy | np / Hugo | notice-press warm s (MiB) | warm / Hugo | check --no-cache s |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|'
]
for (const result of results) {
  const np = result.cold['notice-press']
  const eleventy = result.cold.eleventy
  const hugo = result.cold.hugo
  lines.push(
    `| ${result.size} | ${result.findings} | ${format(np.seconds)} (${np.mib.toFixed(0)}) | ${eleventy ? `${format(eleventy.seconds)} (${eleventy.mib.toFixed(0)})` : '–'} | ${hugo ? `${format(hugo.seconds)} (${hugo.mib.toFixed(0)})` : '–'} | ${eleventy ? format(np.seconds / eleventy.seconds) : '–'} | ${hugo ? format(np.seconds / hugo.seconds) : '–'} | ${format(result.warm.seconds)} (${result.warm.mib.toFixed(0)}) | ${hugo ? format(result.warm.seconds / hugo.seconds) : '–'} | ${format(result.check.seconds)} |`
  )
}
console.log(lines.join('\n'))
