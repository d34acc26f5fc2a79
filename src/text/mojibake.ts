/**
 * Mojibake left in a text by an earlier conversion, found where the text itself still holds the
 * original: UTF-8 bytes that some tool read as GBK (`关键` → `鍏抽敭`) can be encoded back to GBK
 * and read as the UTF-8 they were. `锟斤拷` is what is left of characters already lost (U+FFFD
 * read the same way): nothing can bring those back.
 */
import { isCommonHan } from './plausible.js'

let gbkTable: Map<string, number> | undefined
let possibleMojibake: RegExp | undefined

/** The two-byte GBK codes (lead << 8 | trail) with leads in the range, and their characters, read from Node's GB18030 decoder. */
function gbkRows(firstLead: number, lastLead: number): { codes: number[]; chars: string[] } {
  const codes: number[] = []
  const bytes: number[] = []
  for (let lead = firstLead; lead <= lastLead; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      codes.push((lead << 8) | trail)
      bytes.push(lead, trail)
    }
  }
  // Every such pair is a character of GB18030's two-byte table: decoded at once they line up.
  return { codes, chars: [...new TextDecoder('gb18030').decode(new Uint8Array(bytes))] }
}

/** Each character's two GBK bytes (lead << 8 | trail). */
function gbkCode(char: string): number | undefined {
  if (!gbkTable) {
    const table = new Map<string, number>()
    const { codes, chars } = gbkRows(0x81, 0xfe)
    if (chars.length === codes.length) {
      for (const [index, char] of chars.entries()) if (!table.has(char)) table.set(char, codes[index] ?? 0)
    }
    // A GBK reader makes € of a lone byte 0x80 (a UTF-8 continuation byte), not of its two-byte code.
    table.delete('€')
    gbkTable = table
  }
  return gbkTable.get(char)
}

/**
 * Two CJK characters in UTF-8 are six bytes, 0xE4–0xE9 first and fourth; read as GBK, whichever
 * way the pairs fall, one of the characters made of them has 0xE4–0xE9 as its first byte. Text
 * with none of those characters holds no mojibake to bring back, and is not re-encoded.
 */
function mayHoldMojibake(text: string): boolean {
  possibleMojibake ??= new RegExp(`[${gbkRows(0xe4, 0xe9).chars.join('')}]`, 'u')
  return possibleMojibake.test(text)
}

export interface Mojibake {
  /** UTF-16 index and length in the text. */
  index: number
  length: number
  /** What the text most likely said, or undefined when it is lost (锟斤拷). */
  original?: string
}

/** What is left of characters already lost (U+FFFD read as GBK), in runs. */
export const lostCharacters = /(?:锟斤拷)+/gu

/** A chain of UTF-8 three-byte CJK characters in `bytes` from `start`: the characters. */
function utf8Chain(bytes: readonly number[], start: number): string {
  let text = ''
  for (let at = start; at + 2 < bytes.length; at += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[at], bytes[at + 1], bytes[at + 2]]
    if (a < 0xe4 || a > 0xe9 || (b & 0xc0) !== 0x80 || (c & 0xc0) !== 0x80) break
    const char = String.fromCodePoint(((a & 0x0f) << 12) | ((b & 0x3f) << 6) | (c & 0x3f))
    if (!isCommonHan(char)) break
    text += char
  }
  return text
}

export function findMojibake(text: string): Mojibake[] {
  const found: Mojibake[] = []
  for (const match of text.matchAll(lostCharacters)) found.push({ index: match.index, length: match[0].length })
  if (!mayHoldMojibake(text)) return found
  const chars = [...text]
  let offset = 0
  const offsets = chars.map((char) => {
    const at = offset
    offset += char.length
    return at
  })
  for (let start = 0; start < chars.length; ) {
    // A run of characters with two-byte GBK codes, as a GBK reader would have produced.
    const bytes: number[] = []
    const charOfByte: number[] = []
    let end = start
    for (; end < chars.length; end++) {
      const code = (chars[end] ?? '') >= '\u0080' ? gbkCode(chars[end] ?? '') : undefined
      if (code === undefined) break
      bytes.push(code >> 8, code & 0xff)
      charOfByte.push(end, end)
    }
    if (end - start >= 3) {
      for (let at = 0; at < bytes.length; at++) {
        const original = utf8Chain(bytes, at)
        // Two whole characters at least: one can happen by chance in real text.
        if ([...original].length < 2) continue
        const first = start + (charOfByte[at] ?? 0)
        const last = start + (charOfByte[at + [...original].length * 3 - 1] ?? 0)
        const index = offsets[first] ?? 0
        found.push({ index, length: (offsets[last] ?? 0) + (chars[last]?.length ?? 1) - index, original })
        at += [...original].length * 3 - 1
      }
    }
    start = Math.max(end, start + 1)
  }
  return found.sort((a, b) => a.index - b.index)
}
