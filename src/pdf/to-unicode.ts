/**
 * Repairs the text of a PDF font's ToUnicode CMap: where it maps a glyph to a Kangxi radical or a
 * CJK radical supplement (U+2E80–U+2FDF), it maps it to the ideograph the glyph is drawn for; where
 * to a control code, to the space it is drawn as.
 *
 * Chromium gives each glyph the lowest code point its font maps to it, and CJK fonts map U+2F00 ⼀
 * and U+4E00 一 to one glyph: copied, searched or read aloud, the PDF says ⼀. No free font for the
 * 仿宋, 黑体 and 宋体 faces of the print page avoids it (FandolFang and Noto CJK all map radicals
 * so), so the CMaps are mended after printing. Pure: text in, text out.
 */
import { unicodeStandIns } from './unicode-stand-ins.js'

const blockPattern = /(\d+)\s+beginbf(char|range)\s([\s\S]*?)endbf\2\s*/gu
const hexPattern = /<([0-9A-Fa-f]*)>/gu

/** The string a CMap hex destination (UTF-16BE) stands for. */
function fromUtf16Hex(hex: string): string {
  const units: number[] = []
  for (let index = 0; index + 4 <= hex.length; index += 4) units.push(parseInt(hex.slice(index, index + 4), 16))
  return String.fromCharCode(...units)
}

function toUtf16Hex(text: string): string {
  let hex = ''
  for (let index = 0; index < text.length; index++) hex += text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0')
  return hex
}

function replaceStandIns(text: string): string {
  let result = ''
  for (const char of text) {
    const ideograph = unicodeStandIns.get(char.codePointAt(0) ?? 0)
    result += ideograph === undefined ? char : String.fromCodePoint(ideograph)
  }
  return result
}

function hasStandIn(text: string): boolean {
  for (const char of text) if (unicodeStandIns.has(char.codePointAt(0) ?? 0)) return true
  return false
}

/** Every source code (hex, as written) and the text it maps to, from bfchar and bfrange blocks. */
function mappings(cmap: string): Array<[string, string]> {
  const result: Array<[string, string]> = []
  for (const block of cmap.matchAll(blockPattern)) {
    const hexes = [...(block[3] ?? '').matchAll(hexPattern)].map((match) => match[1] ?? '')
    if (block[2] === 'char') {
      for (let index = 0; index + 1 < hexes.length; index += 2) result.push([hexes[index] ?? '', fromUtf16Hex(hexes[index + 1] ?? '')])
      continue
    }
    // bfrange: `<lo> <hi> <dst>` (dst counts up with the code) or `<lo> <hi> [<dst> <dst> …]`.
    const body = block[3] ?? ''
    for (const range of body.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]*>)/gu)) {
      const [low, high, destination] = [range[1] ?? '', range[2] ?? '', range[3] ?? '']
      const width = low.length
      const from = parseInt(low, 16)
      const to = parseInt(high, 16)
      const code = (value: number): string => value.toString(16).toUpperCase().padStart(width, '0')
      if (destination.startsWith('[')) {
        const targets = [...destination.matchAll(hexPattern)].map((match) => fromUtf16Hex(match[1] ?? ''))
        for (let value = from; value <= to; value++) result.push([code(value), targets[value - from] ?? ''])
      } else {
        const start = fromUtf16Hex(destination.slice(1, -1))
        // The last UTF-16 unit counts up along the range.
        const head = start.slice(0, -1)
        const last = start.charCodeAt(start.length - 1)
        for (let value = from; value <= to; value++) result.push([code(value), head + String.fromCharCode(last + value - from)])
      }
    }
  }
  return result
}

/** The CMap with stand-ins mapped to the characters they are drawn as; the same text when it has none. */
export function repairToUnicode(cmap: string): string {
  const entries = mappings(cmap)
  if (!entries.some(([, text]) => hasStandIn(text))) return cmap
  // Rewritten as bfchar blocks alone (at most 100 entries each, as the CMap format allows), where the first block was.
  const blocks: string[] = []
  for (let index = 0; index < entries.length; index += 100) {
    const chunk = entries.slice(index, index + 100)
    blocks.push(`${chunk.length} beginbfchar\n${chunk.map(([code, text]) => `<${code}> <${toUtf16Hex(replaceStandIns(text))}>`).join('\n')}\nendbfchar\n`)
  }
  let placed = false
  return cmap.replace(blockPattern, () => {
    if (placed) return ''
    placed = true
    return blocks.join('')
  })
}
