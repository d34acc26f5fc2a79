import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { balanceTitle, layoutTitleUnits, textWidth, titleUnits } from '../../src/print/title-lines.js'

const words = (text: string): string[] => [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)].map((segment) => segment.segment)

/** Offsets where Intl.Segmenter lets a word end. */
function boundaries(text: string): Set<number> {
  const result = new Set<number>([0])
  let offset = 0
  for (const word of words(text)) {
    offset += word.length
    result.add(offset)
  }
  return result
}

describe('balanceTitle', () => {
  it('keeps a title that fits one line on one line', () => {
    expect(balanceTitle('县产业聚集区管委会巡察整改情况公布')).toEqual(['县产业聚集区管委会巡察整改情况公布'])
  })

  it('breaks a long title into even lines at word boundaries', () => {
    const title = '中共伊川县委第四巡察组关于对县产业集聚区管委会巡察反馈意见整改进展情况的通报'
    const lines = balanceTitle(title, 20)
    expect(lines.join('')).toBe(title)
    expect(lines).toHaveLength(2)
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(20)
    const widths = lines.map(textWidth)
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThanOrEqual(2)
    const at = boundaries(title)
    expect(at.has((lines[0] as string).length)).toBe(true)
  })

  it('never starts a line with closing punctuation or ends one with an opening quote', () => {
    const lines = balanceTitle('关于“不忘初心、牢记使命”主题教育整改落实情况的报告', 14)
    expect(lines.join('')).toBe('关于“不忘初心、牢记使命”主题教育整改落实情况的报告')
    for (const line of lines) {
      expect(line).not.toMatch(/^[，。、；：”’）》〕]/u)
      expect(line).not.toMatch(/[“‘（《〔]$/u)
    }
  })

  it('for any title: keeps every character in order, fits the measure, breaks only between words, uses as few lines as fit', () => {
    const hanzi = fc.constantFrom(
      ...'关于巡察整改情况的通报县委第四组产业集聚区管委会反馈意见进展落实主题教育工作党支部'.split(''),
      '、',
      '“',
      '”',
      '（',
      '）',
      '2',
      '0'
    )
    fc.assert(
      fc.property(fc.array(hanzi, { minLength: 1, maxLength: 70 }), fc.integer({ min: 8, max: 24 }), (chars, width) => {
        const title = chars.join('').trim()
        fc.pre(title.length > 0)
        const lines = balanceTitle(title, width)
        expect(lines.join('')).toBe(title)
        for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(width)
        const units = titleUnits(title, width)
        // Breaks fall between units (words with their punctuation), and no unit is longer than a line.
        const unitEnds = new Set<number>()
        let offset = 0
        for (const unit of units) {
          offset += unit.length
          unitEnds.add(offset)
        }
        offset = 0
        for (const line of lines.slice(0, -1)) {
          offset += line.length
          expect(unitEnds.has(offset)).toBe(true)
        }
        // As few lines as a greedy fill would need.
        let greedy = 1
        let current = 0
        for (const unit of units) {
          const unitWidth = textWidth(unit)
          if (current + unitWidth > width) {
            greedy++
            current = 0
          }
          current += unitWidth
        }
        expect(lines.length).toBe(greedy)
      })
    )
  })
})

describe('the one-line fast path of balanceTitle', () => {
  it('gives what setting the title’s words on one line gives: the words joined are the title', () => {
    const char = fc.constantFrom(
      ...'县委巡察组整改情况公布关于不忘初心牢记使命主题教育落实的报告第号一二三四五六七八九十（）“”《》〔〕、，。：；？！—…·ABCxyz0123456789-_.,()[]:'.split(
        ''
      )
    )
    fc.assert(
      fc.property(fc.array(char, { minLength: 1, maxLength: 30 }), fc.integer({ min: 4, max: 30 }), (chars, maxWidth) => {
        const title = chars.join('')
        if (textWidth(title) > maxWidth) return
        expect(titleUnits(title, maxWidth).join('')).toBe(title)
        expect(balanceTitle(title, maxWidth)).toEqual([title])
        // What the segmenting layout, which the shortcut skips, makes of the same title.
        expect(layoutTitleUnits(title, maxWidth)).toEqual([title])
      }),
      { numRuns: 3000 }
    )
  })

  it('gives every title, fitting or not, the layout the segmenting path gives it', () => {
    const char = fc.constantFrom(...'县委巡察组整改情况公布关于（）“”〔〕、，。 ABC0123-.'.split(''))
    fc.assert(
      fc.property(fc.array(char, { minLength: 1, maxLength: 40 }), fc.integer({ min: 4, max: 30 }), (chars, maxWidth) => {
        const title = chars.join('')
        const text = title.trim()
        if (text === '') return
        expect(balanceTitle(title, maxWidth)).toEqual(layoutTitleUnits(text, maxWidth))
      }),
      { numRuns: 3000 }
    )
  })

  it('keeps the white space of a title that fits one line', () => {
    expect(balanceTitle('县委 巡察组', 20)).toEqual(['县委 巡察组'])
  })
})

/** The lines are the title in order, with at most white space left out where a line breaks. */
function expectTitleInLines(title: string, lines: string[]): void {
  let at = 0
  for (const line of lines) {
    expect(line).toBe(line.trim())
    const found = title.indexOf(line, at)
    expect(found, `line ${JSON.stringify(line)} of ${JSON.stringify(title)}`).toBeGreaterThanOrEqual(at)
    expect(title.slice(at, found)).toMatch(/^\s*$/u)
    at = found + line.length
  }
  expect(at).toBe(title.length)
}

describe('spaces between Chinese and Latin words or numbers', () => {
  it('are printed as written (关于 Windows 10 …, not 关于Windows10…)', () => {
    expect(balanceTitle('关于 Windows 10 系统升级工作的通知', 20)).toEqual(['关于 Windows 10 系统升级工作的通知'])
    expect(balanceTitle('关于Windows 10系统升级工作的通知', 20)).toEqual(['关于Windows 10系统升级工作的通知'])
  })

  it('are kept inside every line of a long title, and only dropped where a line breaks', () => {
    const title = '关于 Windows 10 系统升级和 Office 2016 办公软件正版化工作整改情况的通报'
    const lines = balanceTitle(title, 20)
    expect(lines.length).toBeGreaterThan(1)
    expectTitleInLines(title, lines)
    expect(lines.join('\n')).toMatch(/关于 Windows 10 系统/u)
    expect(lines.join('\n')).not.toMatch(/Windows10|10系统|Office2016/u)
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(20)
  })

  it('for any title with spaces: the lines are the title in order, losing only the space at each break, and fit the measure', () => {
    const piece = fc.constantFrom(
      '关于',
      '巡察',
      '整改',
      '情况的',
      '通报',
      'Windows',
      '10',
      'Office',
      '2016',
      'ISO',
      ' ',
      ' ',
      '  ',
      '、',
      '（',
      '）',
      '“',
      '”'
    )
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 30 }), fc.integer({ min: 8, max: 24 }), (pieces, width) => {
        const title = pieces.join('').trim()
        fc.pre(title.length > 0)
        const lines = balanceTitle(title, width)
        expectTitleInLines(title, lines)
        for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(width)
        expect(titleUnits(title, width).join('')).toBe(title)
      }),
      { numRuns: 1000 }
    )
  })
})

describe('names the notice names', () => {
  const title = '伊川县产业集聚区关于县委第四巡察组巡察反馈意见整改情况的公布'
  const names = ['县委第四巡察组', '县产业集聚区管委会', '伊川县产业集聚区', '产业集聚区']

  it('are never split across lines (the segmenter alone breaks 县委第四 / 巡察组)', () => {
    const lines = balanceTitle(title, 20, names)
    expect(lines.join('')).toBe(title)
    expect(lines).toEqual(['伊川县产业集聚区关于县委第四巡察组', '巡察反馈意见整改情况的公布'])
    expect(balanceTitle(title, 20)).not.toEqual(lines)
  })

  it('for any title holding them: no line break falls inside a name that fits a line with a bracket on either side', () => {
    const piece = fc.constantFrom(
      '关于',
      '巡察',
      '整改',
      '情况的',
      '通报',
      '县委第四巡察组',
      '伊川县产业集聚区',
      '县产业集聚区管委会',
      '反馈意见',
      '（',
      '）',
      '、',
      '“',
      '”'
    )
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 16 }), fc.integer({ min: 10, max: 24 }), (pieces, width) => {
        const text = pieces.join('')
        // A run of brackets or quotes, which stays with the word beside it, is not what a title holds.
        fc.pre(!/[（“][（“]|[）”、][）”、]/u.test(text))
        const lines = balanceTitle(text, width, names)
        expect(lines.join('')).toBe(text)
        const breaks = new Set<number>()
        let offset = 0
        for (const line of lines.slice(0, -1)) {
          offset += line.length
          breaks.add(offset)
        }
        for (const name of names) {
          // A name longer than a line has to be cut; so has one whose brackets (which stay with it) make it so.
          if (name.length + 2 > width) continue
          for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            for (let inside = at + 1; inside < at + name.length; inside++) expect(breaks.has(inside), `${lines.join(' / ')} breaks ${name}`).toBe(false)
          }
        }
      }),
      { numRuns: 500 }
    )
  })
})
