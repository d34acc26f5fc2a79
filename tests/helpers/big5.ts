/**
 * A Big5 encoder for test files, built from Node's own Big5 decoder: every two-byte sequence is
 * decoded once and reversed.
 */
let table: Map<string, [number, number]> | undefined

export function encodeBig5(text: string): Uint8Array {
  if (!table) {
    table = new Map()
    const decoder = new TextDecoder('big5')
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        const char = decoder.decode(new Uint8Array([lead, trail]))
        if ([...char].length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, [lead, trail])
      }
    }
  }
  const bytes: number[] = []
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    if (code < 0x80) {
      bytes.push(code)
      continue
    }
    const pair = table.get(char)
    if (!pair) throw new Error(`no Big5 code for ${char}`)
    bytes.push(...pair)
  }
  return new Uint8Array(bytes)
}
