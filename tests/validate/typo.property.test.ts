import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { matches } from '../../src/validate/prose.js'
import { confusions, type Confusion } from '../../src/validate/rules/typo-dictionary.js'
import { applies, dictionary, dictionaryFinding, findTypos, type TypoFinding } from '../../src/validate/rules/typo.js'
import { site } from '../check/notice-fixture.js'
import { proseText } from './prose-arbitrary.js'

/*
 * findTypos against the plain version it replaced, kept here as the reference: one `indexOf`
 * loop per dictionary entry and one regex per pattern.
 */
const doubled = /(\p{Script=Han}{2,4})\1/gu
const wordLikeDouble = /^(?:[一二两三四五六七八九十几每]\p{Script=Han}|(\p{Script=Han})\1+)$/u
const doubledDe = /的的(?!确确)/gu
const enumerationDeng = /、等/gu
const doubledMark = /([，。、；：！？])\1/gu

function reference(text: string, entries: readonly Confusion[]): TypoFinding[] {
  const found: TypoFinding[] = []
  const taken: Array<[number, number]> = []
  const free = (start: number, end: number): boolean => taken.every(([from, to]) => end <= from || start >= to)
  for (const entry of entries) {
    for (let at = text.indexOf(entry.wrong); at !== -1; at = text.indexOf(entry.wrong, at + 1)) {
      const end = at + entry.wrong.length
      if (!free(at, end) || !applies(entry, text, at)) continue
      taken.push([at, end])
      found.push(dictionaryFinding(entry, at))
    }
  }
  for (const match of matches(doubled, text)) {
    const unit = match[1] ?? ''
    if (wordLikeDouble.test(unit) || !free(match.index, match.index + match[0].length)) continue
    found.push({ offset: match.index, length: match[0].length, text: match[0], message: `“${match[0]}”中的“${unit}”重复了：应为“${unit}”` })
  }
  for (const match of matches(doubledDe, text)) found.push({ offset: match.index, length: 2, text: '的的', message: '“的的”重复了一个“的”' })
  for (const match of matches(enumerationDeng, text)) {
    const lead = /\p{Script=Han}{0,3}$/u.exec(text.slice(0, match.index))?.[0] ?? ''
    found.push({ offset: match.index, length: 2, text: `${lead}、等`, message: `“${lead}、等”：“等”前面不用顿号，应删去“、”` })
  }
  for (const match of matches(doubledMark, text)) found.push({ offset: match.index, length: 2, text: match[0], message: `标点“${match[1]}”重复了` })
  return found.sort((a, b) => a.offset - b.offset)
}

/** The built-in dictionary plus site entries that overlap it and each other. */
const entries = dictionary(
  site({
    typos: [
      { wrong: '工做', right: '工作', reason: '笔误' },
      { wrong: '工作作', right: '工作', reason: '多字' },
      { wrong: '巡查', right: '巡察', reason: '重复的条目' },
      { wrong: '查清查', right: '查清', reason: '与词语重复相交' },
      { wrong: '𠀀𠀀', right: '𠀀', reason: '两个代码单元的字' },
      { wrong: '乙', right: '甲', reason: '一个字的条目' }
    ]
  })
)
const dictionaryPieces = [...new Set(confusions.flatMap((entry) => [entry.wrong, entry.right, entry.example, entry.lookAlike]))]
const typoPieces = [
  '工做', '工作作', '工作', '查清查', '安全', '没', '未', '不', '，', '、', '等', '、等', '的', '的的', '确确', '的的确确', '一个', '每天', '哈',
  '清查', '清查清查', '研究研究研究', '𠀀', '𠀀𠀀', '𠀀中', '\ud840', '\udc00', '。。', '！！', '，，，', ',', ' '
]
/** Few Han characters, some outside the BMP, so that units of two to four characters come twice. */
const reduplicated = fc
  .array(fc.constantFrom('𠀀', '𠀁', '𪚥', '甲', '乙', '一', '个', '、', '等'), { minLength: 1, maxLength: 5 })
  .chain((unit) => fc.array(fc.constantFrom(unit.join(''), unit.join(''), '𠀀', '甲', '的'), { maxLength: 5 }))
  .map((parts) => parts.join(''))
const text = fc.oneof(
  proseText,
  reduplicated,
  fc.array(fc.constantFrom(...dictionaryPieces, ...typoPieces, ...typoPieces), { maxLength: 12 }).map((parts) => parts.join(''))
)

describe('findTypos', () => {
  it('finds the same typos as the reference for any text', () => {
    let findings = 0
    fc.assert(
      fc.property(text, (line) => {
        const result = findTypos(line, entries)
        findings += result.length
        expect(result).toEqual(reference(line, entries))
      }),
      { numRuns: 20_000 }
    )
    expect(findings).toBeGreaterThan(5000)
  })

  it('agrees with the reference on reduplications and leads it depends on', () => {
    const cases = ['𠀀甲乙丙𠀀甲乙丙', '𠀀𪚥𪚥𪚥𠀀𪚥𪚥𪚥', '清查清查清查', '一个一个', '哈哈哈哈', '落实落实落实落实', '𠀀中𠀀中', '中𠀀中𠀀中', '的的的的', '的的的确确', '𠀀中、等', '甲乙丙丁、等', '，，，，', '巡查巡查', '查清查清查']
    for (const line of cases) expect(findTypos(line, entries), line).toEqual(reference(line, entries))
  })
})
