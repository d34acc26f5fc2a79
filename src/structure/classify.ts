/**
 * Context-free recognisers for one line of a notice. They only say what a line could be;
 * the document parser decides with the context (open headings, labels seen) what it is.
 */
import { labelAliases, parseChineseNumber, sustainedPhrase, type HeadingScheme, type LabelKind, type Status } from '../model/vocabulary.js'
import { recognitionKey } from './recognise.js'

const indentPattern = /^[ \t\u3000]*/u
const cnNumeral = '[一二三四五六七八九十百零〇两]+'

const headingPatterns: ReadonlyArray<{ scheme: HeadingScheme; pattern: RegExp; chinese: boolean }> = [
  { scheme: 'cn', pattern: new RegExp(`^(${cnNumeral})[、.．]`, 'u'), chinese: true },
  { scheme: 'cn-paren', pattern: new RegExp(`^[（(](${cnNumeral})[）)]`, 'u'), chinese: true },
  { scheme: 'num', pattern: /^(\d{1,3})(?:[、．]|\.(?!\d))/u, chinese: false },
  { scheme: 'num-paren', pattern: /^[（(](\d{1,3})[）)]/u, chinese: false },
  { scheme: 'shi', pattern: new RegExp(`^(${cnNumeral})是(?=[^，,、。；;：:]|$)`, 'u'), chinese: true }
]

export interface HeadingMatch {
  scheme: HeadingScheme
  number: number
  /** The numbering as written, e.g. `1、`, `（一）`, `一是`. */
  numberText: string
  /** Offset of the numbering in the line (after any indentation). */
  offset: number
  /** The heading sentence after the numbering. */
  title: string
  titleOffset: number
  /** Text that follows the heading sentence in the same paragraph ('' when none). */
  body: string
  bodyOffset: number
}

const sentenceEnd = /[。！？!?]/u

export function matchHeading(line: string): HeadingMatch | undefined {
  const indent = indentPattern.exec(line)?.[0].length ?? 0
  const rest = recognitionKey(line).slice(indent)
  for (const { scheme, pattern, chinese } of headingPatterns) {
    const match = pattern.exec(rest)
    if (!match) continue
    const digits = match[1] ?? ''
    const number = chinese ? parseChineseNumber(digits) : Number.parseInt(digits, 10)
    if (!Number.isFinite(number) || number < 1) continue
    const numberText = line.slice(indent, indent + match[0].length)
    const titleOffset = indent + numberText.length
    const after = line.slice(titleOffset)
    if (after.trim().length === 0) continue
    const { title, body, bodyStart } = splitHeadingSentence(after)
    return { scheme, number, numberText, offset: indent, title, titleOffset, body, bodyOffset: titleOffset + bodyStart }
  }
  return undefined
}

/**
 * A heading may carry its body in the same paragraph: `1、标题。正文……`. The title is the first
 * sentence when something follows it; a colon before the first sentence end also closes a title
 * when a label follows (`1、标题。整改情况：…`).
 */
function splitHeadingSentence(text: string): { title: string; body: string; bodyStart: number } {
  const end = sentenceEnd.exec(text)
  if (!end) return { title: text, body: '', bodyStart: text.length }
  const cut = end.index + end[0].length
  const body = text.slice(cut)
  if (body.trim().length === 0) return { title: text, body: '', bodyStart: text.length }
  return { title: text.slice(0, cut), body, bodyStart: cut }
}

export interface LabelMatch {
  /** The label word in simplified script, e.g. `详细问题` (for `詳細問題` too). */
  label: string
  /** The label word as written. */
  written: string
  kind: LabelKind
  offset: number
  /** The label with its brackets and separator as written, e.g. `问题内容:`. */
  raw: string
  text: string
  textOffset: number
}

const labelPattern = new RegExp(
  `^([【\\[]?)(${Object.keys(labelAliases)
    .sort((a, b) => b.length - a.length)
    .join('|')})([】\\]]?)[ \\t]*([:：])`,
  'u'
)

export function matchLabel(line: string, from = 0): LabelMatch | undefined {
  const indent = indentPattern.exec(line.slice(from))?.[0].length ?? 0
  const offset = from + indent
  const match = labelPattern.exec(recognitionKey(line).slice(offset))
  if (!match) return undefined
  // The label word in simplified script names its kind; `raw` keeps it as written.
  const label = match[2] ?? ''
  const kind = labelAliases[label]
  if (!kind) return undefined
  if ((match[1] === '') !== (match[3] === '')) return undefined
  const raw = line.slice(offset, offset + match[0].length)
  const open = (match[1] ?? '').length
  return { label, written: raw.slice(open, open + label.length), kind, offset, raw, text: line.slice(offset + raw.length), textOffset: offset + raw.length }
}

export interface StatusMatch {
  phrase: string
  status: Exclude<Status, 'unknown'>
  sustained: boolean
  /** Offset of the phrase in the text it was found in. */
  offset: number
  /** The whole status clause as written, e.g. `已完成,长期坚持。`. */
  clause: string
}

const clauseBoundary = /^[，,。；;、：:）)】\]\s]|^$/u
const clauseOpen = /^[ \t\u3000]*[（(【[]?/u
const clauseEnd = /^[，,。；;、]?/u
const bracketClose = /^[）)】\]]?/u

/** The status phrase at the head of a rectification text, longest phrase first. */
export function matchStatus(text: string, phrases: Readonly<Record<string, Exclude<Status, 'unknown'>>>): StatusMatch | undefined {
  const key = recognitionKey(text)
  const open = clauseOpen.exec(key)?.[0] ?? ''
  const rest = key.slice(open.length)
  const phrase = sortedPhrases(phrases).find((candidate) => rest.startsWith(candidate) && clauseBoundary.test(rest.slice(candidate.length)))
  if (!phrase) return undefined
  const status = phrases[phrase]
  if (!status) return undefined
  let position = open.length + phrase.length
  let sustained = phrase.endsWith(sustainedPhrase)
  const separator = clauseEnd.exec(key.slice(position))?.[0] ?? ''
  if (key.startsWith(sustainedPhrase, position + separator.length)) {
    sustained = true
    position += separator.length + sustainedPhrase.length
  }
  position += bracketClose.exec(key.slice(position))?.[0].length ?? 0
  position += clauseEnd.exec(key.slice(position))?.[0].length ?? 0
  return { phrase: text.slice(open.length, open.length + phrase.length), status, sustained, offset: open.length, clause: text.slice(0, position) }
}

const sentencePattern = /[^。！？!?；;\n]+[。！？!?；;]?/gu
/** What may follow a status phrase that states the status: the end of a clause, or 整改/中/了 before it. */
const statementEnd = /^(?:整改|工作)?(?:中|了)?(?:[，,。；;！!）)】\]\s]|$)/u
/** A negation before the phrase reverses it; 的 after it makes it an attribute (`已完成的事项`). */
const negated = /(?:未|尚未|没有|不|未能|无法)$/u
const sustainedInSentence = /长期坚持/u

/**
 * The status a text states. First at its head (`已完成。…`); else in the prose, as a careful reader
 * finds it: the statement about the finding, searched from the last sentence back, a phrase that ends
 * its clause (`该问题已整改到位。`), not one in passing (`对已完成的事项`, `已完成整改3项`).
 */
export function findStatus(text: string, phrases: Readonly<Record<string, Exclude<Status, 'unknown'>>>): StatusMatch | undefined {
  const trimmed = /^\s*/u.exec(text)?.[0].length ?? 0
  const head = matchStatus(text.slice(trimmed), phrases)
  if (head) return { ...head, offset: head.offset + trimmed }
  const key = recognitionKey(text)
  const sentences = [...key.matchAll(sentencePattern)]
  const sorted = sortedPhrases(phrases)
  for (let index = sentences.length - 1; index >= 0; index--) {
    const sentence = sentences[index]
    if (!sentence) continue
    const start = sentence.index ?? 0
    const found = lastStatement(sentence[0], sorted)
    if (!found) continue
    const status = phrases[found.phrase]
    if (!status) continue
    const offset = start + found.at
    return {
      phrase: text.slice(offset, offset + found.phrase.length),
      status,
      sustained: found.phrase.endsWith(sustainedPhrase) || sustainedInSentence.test(sentence[0].slice(found.at)),
      offset,
      clause: ''
    }
  }
  return undefined
}

function lastStatement(sentence: string, sorted: readonly string[]): { phrase: string; at: number } | undefined {
  let best: { phrase: string; at: number } | undefined
  for (let at = 0; at < sentence.length; at++) {
    const phrase = sorted.find((candidate) => sentence.startsWith(candidate, at))
    if (!phrase) continue
    const after = sentence.slice(at + phrase.length)
    // `长期坚持` says the status only when no other phrase of the sentence does (`已完成，长期坚持`).
    if (statementEnd.test(after) && !negated.test(sentence.slice(0, at)) && !(best && phrase === sustainedPhrase)) best = { phrase, at }
    at += phrase.length - 1
  }
  return best
}

const phraseCache = new WeakMap<object, string[]>()
function sortedPhrases(phrases: Readonly<Record<string, unknown>>): string[] {
  let sorted = phraseCache.get(phrases)
  if (!sorted) {
    sorted = Object.keys(phrases).sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))
    phraseCache.set(phrases, sorted)
  }
  return sorted
}

/** A point opening a text inline: `一是…` at the head of a problem text. */
export function matchInlinePoint(text: string): { number: number; numberText: string; title: string } | undefined {
  const heading = matchHeading(text)
  if (heading?.scheme !== 'shi') return undefined
  return { number: heading.number, numberText: heading.numberText, title: heading.title }
}

export interface StatsSentence {
  total?: number
  done?: number
  inProgress?: number
  rate?: number
}

/** `截至目前,巡察反馈的N个问题,已完成整改X个、正在整改Y个,整改完成率Z%`. */
export function matchStats(text: string): StatsSentence | undefined {
  const line = recognitionKey(text)
  if (!/截[至止]|目前|共/u.test(line) || !/个问题|问题\d+个|问题共\d+个/u.test(line)) return undefined
  const number = (pattern: RegExp): number | undefined => {
    const match = pattern.exec(line)
    return match?.[1] === undefined ? undefined : Number(match[1])
  }
  const total = number(/(\d+)个问题/u) ?? number(/问题共?(\d+)个/u)
  if (total === undefined) return undefined
  const result: StatsSentence = { total }
  const done = number(/(?:已完成整改|已整改完成|已完成|已整改到位|已整改|完成整改)(\d+)个/u)
  if (done !== undefined) result.done = done
  const inProgress = number(/(?:正在整改|整改中|持续整改)(\d+)个/u)
  if (inProgress !== undefined) result.inProgress = inProgress
  const rate = number(/(\d+(?:\.\d+)?)[%％]/u)
  if (rate !== undefined) result.rate = rate
  return result
}

/** The closing's first words, after any numbering of its own (`1.联系电话：…`). */
const closingStart =
  /^[ \t\u3000]*(?:(?:\d{1,2}|[一二三四五六七八九十]{1,2})[.．、]|[（(]\d{1,2}[）)])?[ \t\u3000]*(欢迎|如有|如对|特此|联系方式|联系电话|联系人|监督电话|举报电话|电话|传真|电子邮箱|邮箱|电子信箱|通讯地址|联系地址|来信地址|地址|邮编|邮政编码|邮政信箱|信箱|来信|来访|网络举报|举报网址)/u
/** Lines that end a document after its date: （此件公开发布）, notes, footnotes, 抄送. */
const trailingNote =
  /^[ \t\u3000]*(?:[（(](?:此件|本件|此文)[^）)]*[）)][ \t\u3000]*$|(?:注|备注)[ \t\u3000]*\d*[:：]|[①②③④⑤⑥⑦⑧⑨⑩]|\[\d{1,2}\]|(?:抄送|印发)[:：])/u
const datePattern = /^[ \t\u3000]*(\d{4})年(\d{1,2})月(\d{1,2})日[ \t\u3000]*$/u
const chineseDatePattern = /^[ \t\u3000]*([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日[ \t\u3000]*$/u
const signatureSuffix =
  /(委员会|党委|党组|党工委|工委|管委会|办公室|巡察办|巡视办|领导小组|政府|人民政府|局|委|厅|办|中心|公司|集团|支部|总支|学校|医院|院)[ \t\u3000]*$/u

export function isClosingStart(line: string): boolean {
  const key = recognitionKey(line)
  return closingStart.test(key) || trailingNote.test(key)
}

/**
 * A signature wrapped over two lines: a short line without punctuation right above a signature line
 * (`中共某某县委巡察工作` / `领导小组办公室`).
 */
export function isSignatureStart(line: string, next: string | undefined): boolean {
  const text = recognitionKey(line).trim()
  return (
    next !== undefined &&
    text.length >= 2 &&
    text.length <= 24 &&
    !/[。，,；;：:！？!?、]/u.test(text) &&
    !matchHeading(line) &&
    isSignatureLine(next) &&
    !matchDateLine(line)
  )
}

export interface DateMatch {
  year: number
  month: number
  day: number
}

export function matchDateLine(text: string): DateMatch | undefined {
  const line = recognitionKey(text)
  const arabic = datePattern.exec(line)
  if (arabic) return { year: Number(arabic[1]), month: Number(arabic[2]), day: Number(arabic[3]) }
  const chinese = chineseDatePattern.exec(line)
  if (!chinese) return undefined
  const year = Number([...(chinese[1] ?? '')].map((char) => parseChineseNumber(char)).join(''))
  return { year, month: parseChineseNumber(chinese[2] ?? ''), day: parseChineseNumber(chinese[3] ?? '') }
}

/** A short line naming an issuing body, with no sentence punctuation. */
export function isSignatureLine(line: string): boolean {
  const text = recognitionKey(line).trim()
  return text.length >= 2 && text.length <= 40 && !/[。，,；;：:！？!?、]/u.test(text) && signatureSuffix.test(text) && !matchHeading(line)
}

const titleWords = /(通报|公告|公布|情况|报告|通知)/u

/** A first line that reads as a notice title: short, no closing full stop, not a heading or label. */
export function isTitleLine(line: string): boolean {
  const text = recognitionKey(line).trim()
  return (
    text.length >= 4 &&
    text.length <= 80 &&
    titleWords.test(text) &&
    !/[。；;：:]$/u.test(text) &&
    !/[。]/u.test(text) &&
    !matchHeading(line) &&
    !matchLabel(line)
  )
}

export interface ContactMatch {
  phones: string[]
  emails: string[]
  address?: string
  postcode?: string
}

const phonePattern = /(?:电话|热线|传真)[^0-9（(]{0,6}([（(]?0\d{2,3}[）)]?[-－—]?\d{7,8}|\d{7,8}|1[3-9]\d{9}|\d{3,4}[-－—]\d{7,8})/gu
const emailPattern = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/gu
const addressPattern = /(?:通讯地址|联系地址|来信地址|地址|邮政信箱)[:：]\s*([^；;。，,]+)/u
const postcodePattern = /(?:邮编|邮政编码)[:：]?\s*(\d{6})/u

export function matchContact(text: string): ContactMatch {
  const line = recognitionKey(text)
  const phones = [...line.matchAll(phonePattern)].map((match) => match[1] ?? '').filter(Boolean)
  const emails = [...line.matchAll(emailPattern)].map((match) => match[0])
  const result: ContactMatch = { phones, emails }
  const address = addressPattern.exec(line)?.[1]
  if (address) result.address = address.trim()
  const postcode = postcodePattern.exec(line)?.[1]
  if (postcode) result.postcode = postcode
  return result
}
