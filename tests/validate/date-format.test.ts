import { describe, expect, it } from 'vitest'
import { dateProblems } from '../../src/validate/rules/date-format.js'

describe('date-format', () => {
  it('reports a month or a day that does not exist, and passes real dates', () => {
    expect(dateProblems('2021年13月1日检查，2月30日复查').map((problem) => problem.written)).toEqual(['2021年13月', '2月30日'])
    expect(dateProblems('2021年2月29日')).toHaveLength(1)
    expect(dateProblems('2024年2月29日、12月31日、6月1日')).toEqual([])
  })
})
