// A deterministic, mutated copy of a content folder, for comparing diagnostics dumps
// (bench/rules.mjs --dump) of two versions of the rules on text that trips them far more often
// than a proofread notice does: ASCII marks next to Chinese, English words and digits, doubled
// words and marks, dictionary typos, swapped characters of the notice's own names, broken dates
// and document numbers, characters outside the BMP, odd spaces. Not a benchmark corpus.
//   node bench/noisy.mjs SOURCE_CONTENT_DIR DEST_DIR [--seed N]
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const args = process.argv.slice(2)
const seedAt = args.indexOf('--seed')
let seed = seedAt === -1 ? 1 : Number(args.splice(seedAt, 2)[1])
const [from, to] = args
if (!from || !to) {
  console.error('usage: node bench/noisy.mjs SOURCE_CONTENT_DIR DEST_DIR [--seed N]')
  process.exit(2)
}

// mulberry32: the same folder for the same seed on every machine.
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = (list) => list[Math.floor(random() * list.length)]

const pieces = [
  ',',
  ',',
  ':',
  ':',
  ';',
  '(',
  ')',
  '?',
  '!',
  ' ',
  '  ',
  '\t',
  '（',
  '）',
  '(',
  ')',
  ', ',
  ' ,',
  '(1)',
  '()',
  '(）',
  '（)',
  'abc',
  'A',
  'PPP',
  '(PPP)',
  '(其中5套)',
  'Revitalization (Pilot)',
  '12',
  '3',
  '2,3',
  '1:2',
  '电话68359030;',
  ' a, b ',
  'x;',
  '5)',
  '𠀀',
  '𠀀𠀁',
  '𠀀𠀀𠀁𠀀𠀀𠀁',
  '\u00a0',
  '\u3000',
  '\u2003',
  '“',
  '”',
  '—',
  '…',
  '‘',
  '\ufeff',
  '的的',
  '的的的',
  '的的确确',
  '、等',
  '，，',
  '。。',
  '；；',
  '清查清查',
  '一个一个',
  '哈哈哈哈',
  '研究研究研究',
  '整改整改',
  '落实落实落实落实',
  '巡查',
  '巡查期间',
  '为落实',
  '，为落实',
  '有于',
  '截止目前',
  '截止',
  '震摄',
  '部份',
  '再接再励',
  '不尽人意',
  '工做',
  '2024717日',
  '2021年03月',
  '2月30日',
  '2021年13月',
  '〔2021〕13号',
  '(2021)13号',
  '（2021）第013号',
  '[2020]7',
  '共10家，其中4家、6家、1家',
  '（其中3个、2个）',
  '13812345678',
  '110101199003074258',
  '计划于',
  '待资金到位后',
  '正在'
]
const suffixes = '区局委办会院厅组部所站队司心社校'

/** The text with two neighbouring characters of one of its own body names swapped. */
function swapName(text) {
  const ends = []
  for (let index = 4; index < text.length; index++) if (suffixes.includes(text[index])) ends.push(index)
  if (ends.length === 0) return text
  const end = pick(ends)
  const at = end - 1 - Math.floor(random() * 4)
  if (at < 1 || !/^\p{Script=Han}{2}$/u.test(text.slice(at - 1, at + 1))) return text
  return text.slice(0, at - 1) + text[at] + text[at - 1] + text.slice(at + 1)
}

function mutateLine(line) {
  if (line.trim() === '' || line.startsWith('<!--') || random() < 0.25) return line
  let text = line
  const edits = 1 + Math.floor(random() * 4)
  for (let edit = 0; edit < edits; edit++) {
    if (random() < 0.2) {
      text = swapName(text)
      continue
    }
    // Never at the start of a line: that would turn prose into Markdown structure.
    const at = 1 + Math.floor(random() * text.length)
    text = text.slice(0, at) + pick(pieces) + text.slice(at)
  }
  return random() < 0.05 ? `${text}${pick([',', ';', ':', ' :', '(', ')'])}` : text
}

function mutateFile(file) {
  const source = readFileSync(file, 'utf8')
  const match = /^(---\n[\s\S]*?\n---\n)([\s\S]*)$/u.exec(source)
  let front = match ? match[1] : ''
  const body = match ? match[2] : source
  if (front && path.basename(file) === 'notice.md' && random() < 0.5) {
    front = front.replace(/\n---\n$/u, '\nnames:\n  declared: [产业集聚区党工委, 县委巡察办]\n  abbreviations: [集聚区管委会]\n---\n')
  }
  writeFileSync(file, front + body.split('\n').map(mutateLine).join('\n'))
}

function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) walk(full)
    else if (name.endsWith('.md')) mutateFile(full)
  }
}

rmSync(to, { recursive: true, force: true })
cpSync(from, to, { recursive: true })
walk(to)
const siteFile = path.join(to, 'site.yml')
let site = ''
try {
  site = readFileSync(siteFile, 'utf8')
} catch {}
site = site.replace(/^names:[\s\S]*?(?=^\S)/mu, '').replace(/^typos:[\s\S]*?(?=^\S)/mu, '')
writeFileSync(
  siteFile,
  `${site}${site.endsWith('\n') || site === '' ? '' : '\n'}names:\n  declared: [产业集聚区管委会, 伊川县产业集聚区]\n  abbreviations: []\ntypos:\n  - { wrong: 工做, right: 工作, reason: 常见笔误 }\n  - { wrong: 工作作, right: 工作, reason: 多打一字 }\n`
)
console.log(`wrote ${to}`)
