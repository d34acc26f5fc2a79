/**
 * Finds ID-card and mobile numbers however they are written: split by spaces, dashes (ASCII,
 * full-width, en and em), dots, no-break or zero-width characters, in full-width digits, or glued
 * to Latin letters. Digits are read in groups; a number is a run of whole groups, so a number is
 * never cut out of a longer one (a 备案号 of 18 digits holds no mobile number).
 */

export interface NumberHit {
  kind: 'id' | 'mobile'
  /** UTF-16 offsets of the number's first and last characters (end exclusive) in the text. */
  start: number
  end: number
  /** The number's digits (ID numbers with their check character), as one would dial or type them. */
  digits: string
}

/** Characters people put between the digits of a number, or that slip in by copying. */
const separators = new Set([
  ' ',
  '\t',
  '\u00a0',
  '\u3000',
  '\u2000',
  '\u2001',
  '\u2002',
  '\u2003',
  '\u2004',
  '\u2005',
  '\u2006',
  '\u2007',
  '\u2008',
  '\u2009',
  '\u200a',
  '\u202f',
  '\u205f',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u180e',
  '-',
  '\u2010',
  '\u2011',
  '\u2012',
  '\u2013',
  '\u2014',
  '\u2015',
  '\u2212',
  '\ufe58',
  '\ufe63',
  '\uff0d',
  '~',
  '\u301c',
  '\uff5e',
  '.',
  '\uff0e',
  '\u00b7',
  '\u30fb',
  '\u2027',
  '+',
  '\uff0b',
  '(',
  ')',
  '\uff08',
  '\uff09'
])
/** At most this many separator characters between two groups of one number (` - `, `——`). */
const maxGap = 3

interface Group {
  start: number
  end: number
  digits: string
  /** The group ends with a check character X. */
  x: boolean
}

const number = /\p{N}/u
/** A number has at least 11 digits (a mobile number). */
const minDigits = 11

/** The value of a decimal digit written in ASCII, full width or as a mathematical digit (０, 𝟕 …), or undefined. */
function digitOf(char: string): string | undefined {
  if (char >= '0' && char <= '9') return char
  // Only characters of Unicode's number categories normalize to a digit: the rest skip NFKC.
  if (!number.test(char)) return undefined
  const normal = char.normalize('NFKC')
  return normal.length === 1 && normal >= '0' && normal <= '9' ? normal : undefined
}

const checkXs = ['X', 'x', '\uff38', '\uff58']
const isX = (char: string): boolean => checkXs.includes(char)

/**
 * A numeral and the numerals, check characters and separators after it: any other character ends
 * a run of groups, and those before the first numeral start none, so runs are read in these
 * stretches only, not character by character through the prose.
 */
const numberStretch = new RegExp(`\\p{N}[\\p{N}${[...checkXs, ...separators].map((char) => `\\u{${char.codePointAt(0)?.toString(16)}}`).join('')}]*`, 'gu')

/** Runs of digit groups that may form one number, each run a list of groups, in a text that starts at `offset`. */
function runsOf(text: string, offset: number): Group[][] {
  const runs: Group[][] = []
  let run: Group[] = []
  let group: Group | undefined
  let gap = 0
  const closeGroup = (): void => {
    if (group) run.push(group)
    group = undefined
  }
  const closeRun = (): void => {
    closeGroup()
    if (run.length > 0) runs.push(run)
    run = []
    gap = 0
  }
  let index = offset
  for (const char of text) {
    const at = index
    index += char.length
    const digit = digitOf(char)
    if (digit !== undefined) {
      if (group?.x) closeRun()
      if (!group) {
        if (gap > maxGap) closeRun()
        group = { start: at, end: at, digits: '', x: false }
      }
      group.digits += digit
      group.end = index
      gap = 0
    } else if (group && !group.x && isX(char)) {
      group.x = true
      group.end = index
    } else if (separators.has(char)) {
      closeGroup()
      if (run.length > 0) gap++
    } else closeRun()
  }
  closeRun()
  return runs
}

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const checkCharacters = '10X98765432'

/** GB 11643: the 18th character is the ISO 7064 MOD 11-2 check of the first 17, and the birth date is real. */
export function isIdNumber(value: string): boolean {
  if (!/^\d{17}[0-9Xx]$/u.test(value)) return false
  const sum = weights.reduce((total, weight, index) => total + weight * Number(value[index]), 0)
  if (checkCharacters[sum % 11] !== value[17]?.toUpperCase()) return false
  const year = Number(value.slice(6, 10))
  if (year < 1900 || year > 2099) return false
  const month = Number(value.slice(10, 12))
  const day = Number(value.slice(12, 14))
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

const mobileDigits = /^(?:86)?(1[3-9]\d{9})$/u

/**
 * Every ID-card and mobile number in `text`. Groups of a number split by separators have at least
 * three digits each (a `+86` prefix two): small numbers side by side (`13 12 45`) are not a number.
 */
export function findPersonalNumbers(text: string): NumberHit[] {
  const hits: NumberHit[] = []
  for (const stretch of text.matchAll(numberStretch)) {
    // Shorter than a number's digits alone: it holds none.
    if (stretch[0].length < minDigits) continue
    for (const run of runsOf(stretch[0], stretch.index)) {
      for (let first = 0; first < run.length; first++) {
        const hit = numberFrom(run, first)
        if (!hit) continue
        hits.push(hit.hit)
        first = hit.last
      }
    }
  }
  return hits
}

/** The number that starts at group `first` of a run: an ID number if the groups make one, else a mobile number. */
function numberFrom(run: readonly Group[], first: number): { hit: NumberHit; last: number } | undefined {
  const firstGroup = run[first] as Group
  const start = firstGroup.start
  let mobile: { hit: NumberHit; last: number } | undefined
  let digits = ''
  for (let last = first; last < run.length; last++) {
    const group = run[last] as Group
    const split = last > first
    if (split && (group.digits.length < 3 || run[last - 1]?.x)) break
    digits += group.digits
    if (digits.length > 18) break
    const id = group.x ? (digits.length === 17 ? `${digits}X` : '') : digits
    if (id.length === 18 && isIdNumber(id)) return { hit: { kind: 'id', start, end: group.end, digits: id }, last }
    const groupsFit = !split || firstGroup.digits.length >= 3 || firstGroup.digits === '86'
    const dialled = mobileDigits.exec(digits)?.[1]
    if (!mobile && groupsFit && dialled) {
      // A Latin x glued after a mobile number is a letter, not part of it.
      mobile = { hit: { kind: 'mobile', start, end: group.x ? group.end - 1 : group.end, digits: dialled }, last }
    }
  }
  return mobile
}
