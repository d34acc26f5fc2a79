/**
 * Encoders for test files in the two-byte Chinese encodings, built from Node's own decoders:
 * every two-byte sequence is decoded once and reversed. ASCII stays one byte.
 */
const tables = new Map<string, Map<string, [number, number]>>()

function reverseTable(encoding: string): Map<string, [number, number]> {
  let table = tables.get(encoding)
  if (table) return table
  table = new Map()
  const decoder = new TextDecoder(encoding)
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const char = decoder.decode(new Uint8Array([lead, trail]))
      if ([...char].length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, [lead, trail])
    }
  }
  tables.set(encoding, table)
  return table
}

function encode(text: string, encoding: string): Uint8Array {
  const bytes: number[] = []
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    if (code < 0x80) {
      bytes.push(code)
      continue
    }
    const pair = reverseTable(encoding).get(char)
    if (!pair) throw new Error(`no two-byte ${encoding} code for ${char}`)
    bytes.push(...pair)
  }
  return new Uint8Array(bytes)
}

/** Big5, as Taiwanese and Hong Kong offices' files come. */
export const encodeBig5 = (text: string): Uint8Array => encode(text, 'big5')

/** GB18030's two-byte part, GBK: all characters of ordinary notices. */
export const encodeGb18030 = (text: string): Uint8Array => encode(text, 'gb18030')
