/**
 * How long the loader takes on pathological Markdown, refused (past a bound of src/load/limits.ts)
 * or accepted (just inside the bounds). Run: npx tsx bench/pathological.ts
 */
import { contentLimits } from '../src/load/limits.js'
import { loadNotice } from '../src/load/notice.js'
import { defaultStatusPhrases } from '../src/model/vocabulary.js'

const notice = '---\ntitle: 测试\n---\n\n开头。\n\n<!-- 正文 -->\n'
const inside = contentLimits.markupChars - 10
const inputs: Record<string, string> = {
  'blockquote 10,000 deep (> > >)': `${'> '.repeat(10_000)}文`,
  'blockquote 9,000 deep (>>>)': `${'>'.repeat(9_000)} 文`,
  'list 500 deep': Array.from({ length: 500 }, (_, depth) => `${'  '.repeat(depth)}- 项`).join('\n'),
  'one line of 1,000,000 characters': 'x'.repeat(1_000_000),
  '100,000 *': '*'.repeat(100_000),
  '100,000 [': '['.repeat(100_000),
  'nested emphasis, 300 deep': '*强调 '.repeat(300) + '文* '.repeat(300),
  [`${inside} × "[a](" (inside the bounds)`]: '[a]('.repeat(inside / 2),
  [`${inside} × "_a" (inside the bounds)`]: '_a'.repeat(inside),
  [`${inside} × "\`a" (inside the bounds)`]: '`a'.repeat(inside),
  [`${inside / 2} × "*a " + "a* " (inside the bounds, nested)`]: '*a '.repeat(inside / 4) + 'a* '.repeat(inside / 4),
  '9,000-character Chinese paragraph × 200 (inside the bounds)': Array.from({ length: 200 }, () => '文'.repeat(9_000)).join('\n\n')
}

const load = (text: string): { ms: number; loaded: ReturnType<typeof loadNotice> } => {
  const start = performance.now()
  const loaded = loadNotice(
    {
      id: 'n1',
      files: [
        { path: 'notice.md', ref: 'notice.md', name: 'notice.md', kind: 'notice', text: notice },
        { path: 'f.md', ref: 'f.md', name: '01-01.md', kind: 'finding', text }
      ]
    },
    { statusPhrases: defaultStatusPhrases }
  )
  return { ms: performance.now() - start, loaded }
}

// Each input is loaded three times: the first includes the JIT warming up, the last is the steady state.
console.log(`${'input'.padEnd(60)}   size   first   warm  result`)
for (const [name, body] of Object.entries(inputs)) {
  const text = `---\nid: 1-1\n---\n\n1、标题\n\n${body}\n`
  const first = load(text).ms
  load(text)
  const { ms, loaded } = load(text)
  const refused = loaded.diagnostics.find((diagnostic) => diagnostic.rule === 'limits')
  console.log(
    `${name.padEnd(60)} ${(text.length / 1024).toFixed(0).padStart(6)} KB ${first.toFixed(0).padStart(6)} ms ${ms.toFixed(0).padStart(6)} ms  ${refused ? `refused ${refused.line}:${refused.column}` : 'accepted'}  rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`
  )
}
