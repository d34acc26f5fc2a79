/**
 * Bytes to text. Content files must be UTF-8; an imported notice may also be GB18030/GBK,
 * which Node's full ICU decodes without another dependency.
 */

export type Decoded = { ok: true; text: string; encoding: 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be'; bom: boolean } | { ok: false; reason: 'binary' | 'archive' | 'encoding' }

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

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
  try {
    return { ok: true, text: utf8.decode(body), encoding: 'utf-8', bom }
  } catch {
    if (!allowLegacy) return { ok: false, reason: 'encoding' }
  }
  try {
    return { ok: true, text: new TextDecoder('gb18030', { fatal: true }).decode(body), encoding: 'gb18030', bom: false }
  } catch {
    return { ok: false, reason: 'encoding' }
  }
}

/** Lines of a text with CRLF and CR normalised to LF; the final newline, if any, ends the last line. */
export function splitLines(text: string): string[] {
  const normalised = text.replace(/\r\n?/gu, '\n')
  const trimmed = normalised.replace(/\n+$/u, '')
  return trimmed.length === 0 ? [] : trimmed.split('\n')
}
