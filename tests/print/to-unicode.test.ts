import { describe, expect, it } from 'vitest'
import { repairToUnicode } from '../../src/pdf/to-unicode.js'
import { unicodeStandIns } from '../../src/pdf/unicode-stand-ins.js'

const cmap = (body: string): string =>
  `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n${body}endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n`

/** Every code and the text it maps to, read back from bfchar entries. */
const entries = (text: string): Record<string, string> =>
  Object.fromEntries(
    [...text.replace(/begincodespacerange[\s\S]*?endcodespacerange/u, '').matchAll(/<([0-9A-F]+)> <([0-9A-F]+)>\n/gu)].map((match) => [
      match[1],
      String.fromCharCode(...(match[2]?.match(/.{4}/gu) ?? []).map((unit) => parseInt(unit, 16)))
    ])
  )

describe('repairToUnicode', () => {
  it('maps radicals in bfchar entries to the ideographs drawn, and the control codes FandolFang gives its space to a space', () => {
    const repaired = repairToUnicode(cmap('3 beginbfchar\n<01> <2F00>\n<02> <2EC5>\n<03> <0001>\nendbfchar\n'))
    expect(entries(repaired)).toEqual({ '01': '一', '02': '见', '03': ' ' })
    expect(repaired).toMatch(/^\/CIDInit[\s\S]*begincodespacerange[\s\S]*endcmap[\s\S]*end\nend\n$/u)
  })

  it('splits a bfrange that runs through radicals, and keeps its other codes', () => {
    // <10>–<13> → U+2F08…U+2F0B (⼈⼉⼊⼋), and an array range.
    const repaired = repairToUnicode(cmap('2 beginbfrange\n<10> <13> <2F08>\n<20> <21> [<4E2D> <2F1D>]\nendbfrange\n1 beginbfchar\n<30> <0041>\nendbfchar\n'))
    expect(entries(repaired)).toEqual({ '10': '人', '11': '儿', '12': '入', '13': '八', '20': '中', '21': '口', '30': 'A' })
    expect(repaired).not.toMatch(/bfrange/u)
  })

  it('leaves a map without stand-ins as it is, byte for byte', () => {
    const plain = cmap('1 beginbfrange\n<10> <13> <4E00>\nendbfrange\n')
    expect(repairToUnicode(plain)).toBe(plain)
  })

  it('writes at most 100 entries a block, as the CMap format allows', () => {
    const repaired = repairToUnicode(cmap('1 beginbfrange\n<0100> <01F9> <2F00>\nendbfrange\n'))
    const counts = [...repaired.matchAll(/(\d+) beginbfchar/gu)].map((match) => Number(match[1]))
    expect(counts).toEqual([100, 100, 50])
    expect(Object.keys(entries(repaired))).toHaveLength(250)
    // Each radical the fonts draw as an ideograph is that ideograph now; the rest keep their own code.
    for (const [code, text] of Object.entries(entries(repaired))) {
      const radical = 0x2f00 + parseInt(code, 16) - 0x100
      expect(text.codePointAt(0)).toBe(unicodeStandIns.get(radical) ?? radical)
    }
  })
})

describe('the stand-in table read from the fonts', () => {
  it('maps each Kangxi radical to an ideograph its compatibility form agrees with (or to the Simplified form the fonts draw)', () => {
    for (const [standIn, meant] of unicodeStandIns) {
      if (standIn < 0x2f00 || standIn > 0x2fd5) continue
      const nfkc = String.fromCodePoint(standIn).normalize('NFKC')
      // ⼾ U+2F3E decomposes to 戶; the Simplified Chinese fonts draw 户 U+6237 with its glyph.
      if (standIn === 0x2f3e) expect(meant).toBe(0x6237)
      else expect(String.fromCodePoint(meant), `U+${standIn.toString(16)}`).toBe(nfkc)
    }
    expect(unicodeStandIns.get(0x2f00)).toBe(0x4e00)
    expect(unicodeStandIns.get(0x2ec5)).toBe(0x89c1)
  })
})
