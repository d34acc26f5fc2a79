// Writes src/pdf/unicode-stand-ins.ts: code points that stand in for another character in the
// print fonts' cmaps, and the character they share their glyph with.
//
// Chromium's PDF writer gives each glyph the lowest code point the font maps to it. These fonts map
// a radical and its ideograph to one glyph (U+2F00 and U+4E00 both to 一), and FandolFang maps the
// control codes U+0001–U+001F to its space: the PDF's text then reads ⼀ where the page shows 一, and
// U+0001 for a space. The table is read from the fonts' own cmaps, so it holds exactly the pairs
// that happen; where fonts differ (户/戶), the first font listed decides (the Simplified Chinese
// ones the print page uses). Run after changing the fonts: node scripts/unicode-stand-ins.mjs
import { createRequire } from 'node:module'
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const fontkit = require('fontkit')

const fonts = [
  ['/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf'],
  ['/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular'],
  ['/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc', 'NotoSerifCJKsc-Bold'],
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular']
]

/** Kangxi radicals and CJK radical supplements (U+2E80–U+2FDF), and C0 control codes. */
const isStandIn = (code) => (code >= 0x2e80 && code <= 0x2fdf) || (code > 0 && code < 0x20)
// CJK compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F) only when no unified one shares the glyph.
const isCompatibility = (code) => (code >= 0xf900 && code <= 0xfaff) || (code >= 0x2f800 && code <= 0x2fa1f)

const table = new Map()
for (const [file, name] of fonts) {
  const font = name ? fontkit.openSync(file, name) : fontkit.openSync(file)
  const byGlyph = new Map()
  for (const code of font.characterSet) {
    const glyph = font.glyphForCodePoint(code).id
    if (glyph === 0) continue
    const codes = byGlyph.get(glyph) ?? []
    codes.push(code)
    byGlyph.set(glyph, codes)
  }
  for (const code of font.characterSet) {
    if (!isStandIn(code) || table.has(code)) continue
    const same = (byGlyph.get(font.glyphForCodePoint(code).id) ?? []).filter((other) => other >= 0x20 && !isStandIn(other))
    const ideograph = same.find((other) => !isCompatibility(other)) ?? same[0]
    if (ideograph !== undefined) table.set(code, ideograph)
  }
}

const entries = [...table].sort(([a], [b]) => a - b)
const hex = (code) => code.toString(16).toUpperCase()
const shown = (code) => (code <= 0x20 ? `U+${hex(code).padStart(4, '0')}` : String.fromCodePoint(code))
const lines = entries.map(([standIn, meant]) => `  [0x${hex(standIn)}, 0x${hex(meant)}], // ${shown(standIn)} → ${shown(meant)}`)
const out = fileURLToPath(new URL('../src/pdf/unicode-stand-ins.ts', import.meta.url))
writeFileSync(
  out,
  `/**
 * Code points the print fonts map to another character's glyph (radicals U+2E80–U+2FDF, control
 * codes), and that character. Written by scripts/unicode-stand-ins.mjs from the fonts' cmaps
 * (FandolFang, Noto Serif/Sans CJK SC); do not edit by hand.
 */
export const unicodeStandIns: ReadonlyMap<number, number> = new Map([
${lines.join('\n')}
])
`
)
console.log(`${entries.length} stand-ins → ${out}`)
