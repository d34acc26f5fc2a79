import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dateProblems } from '../../src/validate/rules/date-format.js'
import { proseText } from './prose-arbitrary.js'

/** Lines dense in dates, real and impossible: digits of every length beside 年, 月 and 日. */
const datePieces = ['年', '月', '日', '0', '1', '2', '3', '9', '00', '06', '12', '13', '28', '29', '30', '31', '32', '99', '2021', '2024', '1900', '2100', '123', '.', '，', '于', '中', ' ']
const number = fc.constantFrom('', '0', '1', '2', '6', '00', '06', '09', '12', '13', '28', '29', '30', '31', '32', '99', '123', '2021')
const date = fc
  .tuple(fc.constantFrom('', '2021', '2024', '1900', '2100', '12021', '.2021', '于'), fc.constantFrom('年', '', '年'), number, fc.constantFrom('月', '月', ''), number, fc.constantFrom('日', '日', ''))
  .map((parts) => parts.join(''))
const dateText = fc
  .array(fc.oneof({ weight: 2, arbitrary: date }, { weight: 1, arbitrary: fc.constantFrom(...datePieces) }), { maxLength: 8 })
  .map((parts) => parts.join(''))

describe('date-format', () => {
  it('finds the same problems with the screen for impossible dates as without it', () => {
    let impossible = 0
    fc.assert(
      fc.property(fc.oneof({ weight: 4, arbitrary: dateText }, { weight: 1, arbitrary: proseText }), (text) => {
        const unscreened = dateProblems(text, { screen: false })
        if (unscreened.some((problem) => problem.message.includes('不存在'))) impossible++
        expect(dateProblems(text)).toEqual(unscreened)
      }),
      { numRuns: 6000 }
    )
    // The generator must reach the patterns the screen guards, not only pass them by.
    expect(impossible).toBeGreaterThan(300)
  })

  it('reports a month or a day that does not exist, and passes real dates', () => {
    expect(dateProblems('2021年13月1日检查，2月30日复查').map((problem) => problem.written)).toEqual(['2021年13月', '2月30日'])
    expect(dateProblems('2021年2月29日')).toHaveLength(1)
    expect(dateProblems('2024年2月29日、12月31日、6月1日')).toEqual([])
  })
})
