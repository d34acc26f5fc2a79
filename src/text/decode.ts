/**
 * Bytes to text. Content files must be UTF-8; an imported notice may also be GB18030/GBK or Big5,
 * which Node's full ICU decodes without another dependency.
 */
import { oddShare } from './plausible.js'

export type Decoded =
  | {
      ok: true
      text: string
      encoding: 'utf-8' | 'gb18030' | 'big5' | 'utf-16le' | 'utf-16be'
      bom: boolean
      /** The bytes were also valid UTF-8, but read so they were mojibake: GB18030 was taken instead. */
      notUtf8?: boolean
    }
  | { ok: false; reason: 'binary' | 'archive' | 'encoding' }

/**
 * Shares of rare or foreign characters (see plausible.ts). A notice in the right encoding has
 * almost none; one read in the wrong Chinese encoding has a third or more. Between the two, the
 * first reading is kept.
 */
const mojibakeShare = 0.2
const plausibleShare = 0.05

function decodeStrict(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return undefined
  }
}

/** A zip archive's first bytes: a .docx, .xlsx or .zip saved under a text file's name. */
const isArchive = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04

export function decodeText(bytes: Uint8Array, { allowLegacy }: { allowLegacy: boolean }): Decoded {
  // "PK\x03\x04" is valid UTF-8: without this a Word file would be read as text.
  if (isArchive(bytes)) return { ok: false, reason: 'archive' }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const body = bom ? bytes.subarray(3) : bytes
  if (body.includes(0)) return { ok: false, reason: 'binary' }
  const asUtf8 = decodeStrict('utf-8', body)
  if (asUtf8 !== undefined) {
    // GBK bytes can happen to be valid UTF-8 (short texts mostly): then UTF-8 reads rare characters.
    if (allowLegacy && oddShare(asUtf8, 'either') > mojibakeShare) {
      const asGb = decodeStrict('gb18030', body)
      if (asGb !== undefined && oddShare(asGb, 'simplified') < plausibleShare) return { ok: true, text: asGb, encoding: 'gb18030', bom: false, notUtf8: true }
    }
    return { ok: true, text: asUtf8, encoding: 'utf-8', bom }
  }
  if (!allowLegacy) return { ok: false, reason: 'encoding' }
  const asGb = decodeStrict('gb18030', body)
  if (asGb === undefined) return { ok: false, reason: 'encoding' }
  // Big5 (traditional Chinese, Taiwan and Hong Kong) bytes are nearly all valid GBK: read as
  // GB18030 they give mojibake, so a reading that is mostly rare characters is tried as Big5.
  if (oddShare(asGb, 'simplified') > mojibakeShare) {
    const asBig5 = decodeStrict('big5', body)
    if (asBig5 !== undefined && oddShare(asBig5, 'traditional') < plausibleShare) return { ok: true, text: asBig5, encoding: 'big5', bom: false }
  }
  return { ok: true, text: asGb, encoding: 'gb18030', bom: false }
}

/** Lines of a text with CRLF and CR normalised to LF; the final newline, if any, ends the last line. */
export function splitLines(text: string): string[] {
  const normalised = text.replace(/\r\n?/gu, '\n')
  const trimmed = normalised.replace(/\n+$/u, '')
  return trimmed.length === 0 ? [] : trimmed.split('\n')
}
