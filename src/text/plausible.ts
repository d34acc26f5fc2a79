/**
 * How much a decoded text looks like Chinese prose, to tell a right guess of an encoding from a
 * wrong one. Bytes read with the wrong Chinese encoding still decode, but into rare characters,
 * kana, Greek, box drawing and private-use code points; real notices use the common characters.
 * The common sets are read from the decoders themselves: GB2312's 6763 characters (GB18030 bytes
 * B0A1–F7FE) and Big5's 5401 frequently used ones (A440–C67E).
 */

const han = /\p{Script=Han}/u

let gb2312: Set<string> | undefined
let big5Common: Set<string> | undefined

function hanOf(encoding: string, leads: [number, number], trails: ReadonlyArray<[number, number]>): Set<string> {
  // One buffer of every pair, decoded at once: an undefined pair gives U+FFFD (and its trail byte,
  // when ASCII, on its own), which is no Han character, so the set holds exactly the range's Han.
  const bytes: number[] = []
  for (let lead = leads[0]; lead <= leads[1]; lead++) {
    for (const [from, to] of trails) for (let trail = from; trail <= to; trail++) bytes.push(lead, trail)
  }
  const set = new Set<string>()
  for (const char of new TextDecoder(encoding).decode(new Uint8Array(bytes))) if (han.test(char)) set.add(char)
  return set
}

export type CommonSet = 'simplified' | 'traditional' | 'either'

function commonHan(which: CommonSet): (char: string) => boolean {
  gb2312 ??= hanOf('gb18030', [0xb0, 0xf7], [[0xa1, 0xfe]])
  big5Common ??= hanOf(
    'big5',
    [0xa4, 0xc6],
    [
      [0x40, 0x7e],
      [0xa1, 0xfe]
    ]
  )
  const simplified = gb2312
  const traditional = big5Common
  if (which === 'simplified') return (char) => simplified.has(char)
  if (which === 'traditional') return (char) => traditional.has(char)
  return (char) => simplified.has(char) || traditional.has(char)
}

/** Characters no notice is written in: kana, Greek, Cyrillic, box drawing, Latin-1 letters, private use, U+FFFD. */
const foreign = /[\u0080-\u024f\u0370-\u04ff\u0590-\u08ff\u2500-\u259f\u3040-\u30ff\u3130-\u318f\uac00-\ud7af\ue000-\uf8ff\ufffd]/u

export interface Oddness {
  /** Han characters and foreign characters looked at. */
  counted: number
  /** Of those, rare Han characters and foreign characters. */
  odd: number
}

export function oddness(text: string, which: CommonSet): Oddness {
  const isCommon = commonHan(which)
  let counted = 0
  let odd = 0
  for (const char of text) {
    if (char < '\u0080') continue
    if (han.test(char)) {
      counted++
      if (!isCommon(char)) odd++
    } else if (foreign.test(char)) {
      counted++
      odd++
    }
  }
  return { counted, odd }
}

/** Share of odd characters, 0 when too few characters were seen to judge. */
export function oddShare(text: string, which: CommonSet, minimum = 4): number {
  const { counted, odd } = oddness(text, which)
  return counted < minimum ? 0 : odd / counted
}

export function isCommonHan(char: string, which: CommonSet = 'either'): boolean {
  return commonHan(which)(char)
}
