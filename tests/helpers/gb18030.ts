/**
 * A GB18030 encoder for test files, built from Node's own GB18030 decoder: every two-byte
 * sequence is decoded once and reversed. Covers GBK (all characters of ordinary notices).
 */
let table: Map<string, [number, number]> | undefined

function reverseTable(): Map<string, [number, number]> {
  if (table) return table
  table = new Map()
  const decoder = new TextDecoder('gb18030')
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      const char = decoder.decode(new Uint8Array([lead, trail]))
      if (char.length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, [lead, trail])
    }
  }
  return table
}

export function encodeGb18030(text: string): Uint8Array {
  const bytes: number[] = []
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    if (code < 0x80) {
      bytes.push(code)
      continue
    }
    const pair = reverseTable().get(char)
    if (!pair) throw new Error(`no two-byte GB18030 code for ${char}`)
    bytes.push(...pair)
  }
  return new Uint8Array(bytes)
}
