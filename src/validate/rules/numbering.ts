import { formatChineseNumber } from '../../model/vocabulary.js'
import type { ParsedHeading } from '../../structure/types.js'
import { positionIn, type Report, type Rule } from '../rule.js'

/** Renders a number in the scheme of a heading, for messages: 三、 （三） 3、 （3） 三是. */
function numbered(heading: ParsedHeading, value: number): string {
  const digits = /\d/u.test(heading.numberText) ? String(value) : formatChineseNumber(value)
  return heading.numberText.replace(/\d+|[一二三四五六七八九十百零〇两]+/u, digits)
}

export const numbering: Rule = {
  id: 'numbering',
  severity: 'error',
  description: '标题编号（一、（一）1、（1）一是）不连续、重复或顺序颠倒',
  check(notice) {
    const reports: Report[] = []
    const last = new Map<string, ParsedHeading>()
    for (const heading of notice.document.headings) {
      if (heading.dropped) continue
      const key = `${heading.path.slice(0, -1).join('.')}|${heading.rank}`
      const previous = last.get(key)
      last.set(key, heading)
      const expected = previous ? (previous.through ?? previous.number) + 1 : 1
      if (heading.number === expected) continue
      const line = notice.document.lines[heading.line]
      if (!line) continue
      const position = positionIn(line, line.text.indexOf(heading.numberText))
      const found = heading.numberText
      const want = numbered(heading, expected)
      let message: string
      if (!previous) message = `这一级的第一个标题应从“${want}”开始，这里是“${found}”`
      else if (heading.number === (previous.through ?? previous.number)) message = `编号“${found}”重复：上一个标题也是这个编号，这里应为“${want}”`
      else if (heading.number < expected)
        message = `编号顺序颠倒：上一个是“${numbered(heading, previous.through ?? previous.number)}”，这里是“${found}”，应为“${want}”`
      else message = `编号不连续：上一个是“${numbered(heading, previous.through ?? previous.number)}”，这里跳到了“${found}”，应为“${want}”`
      reports.push({ ...position, message, text: found })
    }
    return reports
  }
}
