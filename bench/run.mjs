// Times notice-press against Eleventy 3 and Hugo on the same generated text, side by side.
// Usage: node bench/run.mjs [--sizes 1,40,400,2000] [--runs 3] [--skip-peers]
// Installs the peers on first use: Hugo from Debian (apt-get install hugo), Eleventy from npm into bench/.tools.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
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

/**
 * Old outputs are moved aside, not removed, until every timing is done. On ext4 without a journal
 * (this machine's disk), creating a file looks past every inode freed in the last minute or so
 * (`recently_deleted`), so a build timed right after 2,000 files were removed paid about 0.6 ms
 * a file it created: 1.3 s of a 400-notice build, more for the tool that writes the most files.
 */
const trash = path.join(work, '.trash')
let trashed = 0
function discard(folder) {
  if (!existsSync(folder)) return
  mkdirSync(trash, { recursive: true })
  renameSync(folder, path.join(trash, String(trashed++)))
}
/** When the last run removed what it had moved aside (milliseconds since the epoch). */
const removedAt = path.join(work, '.trash-removed-at')
const inodesAge = 90_000
if (existsSync(trash)) {
  rmSync(trash, { recursive: true, force: true })
  console.error('removed the outputs an earlier run moved aside; waiting 90 s until their inodes no longer slow down creating files')
  await new Promise((resolve) => setTimeout(resolve, inodesAge))
} else if (existsSync(removedAt)) {
  const wait = Number(readFileSync(removedAt, 'utf8')) + inodesAge - Date.now()
  if (wait > 0) {
    console.error(`the last run removed its old outputs ${Math.round((inodesAge - wait) / 1000)} s ago; waiting ${Math.ceil(wait / 1000)} s more`)
    await new Promise((resolve) => setTimeout(resolve, wait))
  }
}

/**
 * Reads every file under a path (not following links, leaving out the named folders), so that a
 * tool starts with its program and its input in the page cache. This machine's DAMON reclaim
 * evicts page cache idle for a few minutes, and a round of the largest corpus lasts longer than
 * that: without this, whichever tool came after Eleventy's four minutes read its files from disk.
 */
function prime(target, { skip = [], statOnly = [] } = {}) {
  if (!existsSync(target)) return
  const walk = (folder, read) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory() && !skip.includes(entry.name)) walk(full, read && !statOnly.includes(entry.name))
      else if (entry.isFile()) read ? readFileSync(full) : statSync(full)
    }
  }
  if (statSync(target).isDirectory()) walk(target, true)
  else readFileSync(target)
}

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
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...commandArgs], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 30
  })
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

/** notice-press's program, and its input and cache; the warm build's last output is only looked up. */
function primeNoticePress(np) {
  for (const folder of ['bin', 'lib/bundle', 'templates']) prime(path.join(repo, folder))
  prime(np, { skip: ['dist', 'node_modules'], statOnly: ['dist-warm'] })
}
const eleventyBin = path.join(tools, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs')

/** The peers, each on the same files as notice-press (`files`) and on one file per notice (`merged`). */
function peers(dir) {
  const hugoBinary = spawnSync('sh', ['-c', 'command -v hugo'], { encoding: 'utf8' }).stdout.trim()
  const eleventy = (folder) => () => {
    discard(path.join(dir, folder, '_site'))
    prime(tools)
    prime(path.join(dir, folder), { skip: ['_site'] })
    return timed(process.execPath, [eleventyBin, '--quiet', '--input=src', '--output=_site'], path.join(dir, folder))
  }
  const hugo = (folder) => () => {
    discard(path.join(dir, folder, 'public'))
    prime(hugoBinary)
    prime(path.join(dir, folder), { skip: ['public'] })
    return timed('hugo', ['--quiet', '--source', path.join(dir, folder), '--destination', path.join(dir, folder, 'public')], dir)
  }
  return { eleventy: eleventy('eleventy-files'), hugo: hugo('hugo-files'), 'eleventy-merged': eleventy('eleventy'), 'hugo-merged': hugo('hugo') }
}

function measure(size) {
  const dir = path.join(work, `n${size}`)
  const marker = path.join(dir, '.generated-2')
  if (!existsSync(marker)) {
    generate(dir, size, 25)
    writeFileSync(marker, '')
  }
  const np = path.join(dir, 'notice-press')
  const tools = {
    // Every tool builds into an empty output folder, its previous output moved aside outside the timing.
    'notice-press': () => {
      discard(path.join(np, 'dist'))
      primeNoticePress(np)
      return timed(process.execPath, [notice, 'build', '--no-cache', '--content', 'content', '--out', 'dist'], np)
    },
    ...(skipPeers ? {} : peers(dir))
  }
  // Warm: one finding edited since the cache (filled below, untimed) last saw it, and the site
  // rebuilt into a folder of its own, so the cold builds' output does not disturb the cache's.
  const finding = path.join(np, 'content', 'bench-0001', 'findings', '01-01.md')
  const original = readFileSync(finding, 'utf8')
  const cached = ['build', '--content', 'content', '--out', 'dist-warm']
  timed(process.execPath, [notice, ...cached], np)
  let edits = 0
  const measured = {
    ...tools,
    warm: () => {
      writeFileSync(finding, original.replace('问题内容:', `问题内容:（第${++edits}次修改）`))
      primeNoticePress(np)
      return timed(process.execPath, [notice, ...cached], np)
    },
    check: () => {
      primeNoticePress(np)
      return timed(process.execPath, [notice, 'check', '--no-cache', '--content', 'content'], np)
    }
  }
  const samples = Object.fromEntries(Object.keys(measured).map((name) => [name, []]))
  const count = size >= 2000 ? Math.min(runs, 2) : runs
  // Every measurement in every round, in turn: this machine's speed drifts by a third within
  // minutes, and a ratio of two figures taken minutes apart would carry that drift.
  try {
    for (let run = 0; run < count; run++) for (const [name, go] of Object.entries(measured)) samples[name].push(go())
  } finally {
    writeFileSync(finding, original)
  }
  const { warm, check } = samples
  delete samples.warm
  delete samples.check

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
const cell = (sample) => (sample ? `${format(sample.seconds)} (${sample.mib.toFixed(0)})` : '–')
const ratio = (a, b) => (a && b ? format(a.seconds / b.seconds) : '–')
const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} on this machine (${(await import('node:os')).availableParallelism()} cores), medians of ${runs} alternating runs (2 at 2,000 notices); seconds (peak MiB).`,
  '',
  'Cold builds. Peers on the same files as notice-press (a notice file, one file per section and per finding), and on one file per notice (merged):',
  '',
  '| notices | findings | notice-press | Eleventy 3 | Hugo | np / Eleventy | np / Hugo | Eleventy merged | Hugo merged | np / Eleventy merged |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|'
]
for (const result of results) {
  const { 'notice-press': np, eleventy, hugo, 'eleventy-merged': eleventyMerged, 'hugo-merged': hugoMerged } = result.cold
  lines.push(
    `| ${result.size} | ${result.findings} | ${cell(np)} | ${cell(eleventy)} | ${cell(hugo)} | ${ratio(np, eleventy)} | ${ratio(np, hugo)} | ${cell(eleventyMerged)} | ${cell(hugoMerged)} | ${ratio(np, eleventyMerged)} |`
  )
}
lines.push(
  '',
  'notice-press warm (one finding edited, cache filled) and `check --no-cache`:',
  '',
  '| notices | warm | warm / Hugo | warm / Hugo merged | check --no-cache |',
  '|---:|---:|---:|---:|---:|'
)
for (const result of results) {
  lines.push(
    `| ${result.size} | ${cell(result.warm)} | ${ratio(result.warm, result.cold.hugo)} | ${ratio(result.warm, result.cold['hugo-merged'])} | ${cell(result.check)} |`
  )
}
console.log(lines.join('\n'))
// Only now, with every timing done: the next run waits for these inodes to age (see `discard`).
rmSync(trash, { recursive: true, force: true })
writeFileSync(removedAt, String(Date.now()))
