// Time of the validation rules and of the loader's limits check, in-process, on one content folder.
// Run after `npm run compile`:
//   node bench/rules.mjs CONTENT_DIR [--runs N] [--dump FILE]
// Reads the folder once, then times each phase N times (default 5) and prints the median:
//   limits    findLimitBreach over every file's text (as the loader normalises it)
//   frontmatter  splitFrontmatter (the --- split and yaml with positions) of every file
//   markdown  remark-parse + remark-gfm of every file's body: the part of load no change of ours can shorten
//   load      loadNotice for every notice (includes the limits check, as in a build)
//   validate  validateNotice for every loaded notice
//   rule:ID   one rule's check over every notice (the parts of `validate`)
// `--dump FILE` writes, as JSON lines in order: every file's limits result, every rule's raw
// reports per notice (with the `text` that `ignore` entries match), then every notice's
// diagnostics as validateNotice returns them. Two dumps from two versions of the code must be
// byte-identical (`cmp a.jsonl b.jsonl`).
import { writeFileSync } from 'node:fs'
import { findLimitBreach } from '../lib/load/limits.js'
import { splitFrontmatter } from '../lib/load/frontmatter.js'
import { loadNotice } from '../lib/load/notice.js'
import { readContent } from '../lib/load/read.js'
import { loadSite } from '../lib/load/site.js'
import { parseMarkdown } from '../lib/markdown/parse.js'
import { defaultStatusPhrases } from '../lib/model/vocabulary.js'
import { rules } from '../lib/validate/rules/index.js'
import { validateNotice } from '../lib/validate/validate.js'

const args = process.argv.slice(2)
const option = (name) => {
  const at = args.indexOf(name)
  if (at === -1) return undefined
  const value = args[at + 1]
  args.splice(at, 2)
  return value
}
const runs = Number(option('--runs') ?? 5)
const dumpFile = option('--dump')
const contentDir = args[0]
if (!contentDir || !(runs >= 1)) {
  console.error('usage: node bench/rules.mjs CONTENT_DIR [--runs N] [--dump FILE]')
  process.exit(2)
}

const source = await readContent(contentDir, process.cwd())
const { site } = loadSite(source.site)
const statusPhrases = { ...defaultStatusPhrases, ...site.statusPhrases }
// The text the loader hands to findLimitBreach (readPart in src/load/notice.ts).
const texts = source.notices.flatMap((notice) =>
  notice.files.map((file) => ({ path: file.path, text: file.text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n') }))
)

// Wall time, and this process's CPU time (which other work on a busy machine inflates less).
const time = (work) => {
  const cpu = process.cpuUsage()
  const start = process.hrtime.bigint()
  const result = work()
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  const used = process.cpuUsage(cpu)
  return { ms, cpuMs: (used.user + used.system) / 1000, result }
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

const bodies = texts.map(({ path, text }) => splitFrontmatter(path, text).body)

const samples = { limits: [], frontmatter: [], markdown: [], load: [], validate: [] }
for (const rule of rules) samples[`rule:${rule.id}`] = []
const cpuSamples = Object.fromEntries(Object.keys(samples).map((phase) => [phase, []]))
const record = (phase, timed) => {
  samples[phase].push(timed.ms)
  cpuSamples[phase].push(timed.cpuMs)
  return timed.result
}
let notices = []
let diagnosticCount = 0
for (let run = 0; run < runs; run++) {
  record(
    'limits',
    time(() => texts.map(({ text }) => findLimitBreach(text)))
  )
  record(
    'frontmatter',
    time(() => texts.map(({ path, text }) => splitFrontmatter(path, text)))
  )
  record(
    'markdown',
    time(() => bodies.map((body) => parseMarkdown(body)))
  )
  notices = record(
    'load',
    time(() => source.notices.map((notice) => loadNotice(notice, { statusPhrases })))
  )
  const validated = record(
    'validate',
    time(() => notices.map((notice) => validateNotice(notice, site)))
  )
  diagnosticCount = validated.reduce((sum, list) => sum + list.length, 0)
  for (const rule of rules)
    record(
      `rule:${rule.id}`,
      time(() => notices.map((notice) => rule.check(notice, { site })))
    )
}

const files = texts.length
const findings = notices.reduce((sum, notice) => sum + notice.findings.length, 0)
console.log(`${contentDir}: ${notices.length} notices, ${findings} findings, ${files} files, ${diagnosticCount} diagnostics; ${runs} runs, median ms`)
console.log(`${'phase'.padEnd(24)} ${'wall ms'.padStart(9)}   ${'(min, max)'.padEnd(22)} ${'cpu ms'.padStart(9)}`)
for (const [phase, values] of Object.entries(samples)) {
  const range = `(${Math.min(...values).toFixed(1)}, ${Math.max(...values).toFixed(1)})`
  console.log(`${phase.padEnd(24)} ${median(values).toFixed(1).padStart(9)}   ${range.padEnd(22)} ${median(cpuSamples[phase]).toFixed(1).padStart(9)}`)
}

if (dumpFile) {
  const lines = []
  for (const { path, text } of texts) lines.push(JSON.stringify({ kind: 'limits', path, breach: findLimitBreach(text) ?? null }))
  for (const notice of notices) {
    for (const rule of rules) {
      for (const report of rule.check(notice, { site })) lines.push(JSON.stringify({ kind: 'report', notice: notice.id, rule: rule.id, report }))
    }
  }
  for (const notice of notices) {
    for (const diagnostic of validateNotice(notice, site)) lines.push(JSON.stringify({ kind: 'diagnostic', notice: notice.id, diagnostic }))
  }
  writeFileSync(dumpFile, `${lines.join('\n')}\n`)
  console.log(`wrote ${lines.length} lines to ${dumpFile}`)
}
