import { locate } from '../../load/frontmatter.js'
import { printTitleWidth, textWidth } from '../../print/title-lines.js'
import type { Report, Rule } from '../rule.js'

/** notice.md `print.titleLines`: the lines, joined, must be the title, and each must fit the print page's title measure. */
export const printTitleLines: Rule = {
  id: 'print-title-lines',
  severity: 'error',
  description: 'notice.md 的 print.titleLines（打印版标题分行）连起来与标题不同，或有一行超过 20 个字',
  check(notice) {
    const lines = notice.meta.print?.titleLines
    const file = notice.noticeFile
    if (!lines || !file) return []
    const reports: Report[] = []
    const title = notice.record.title
    if (lines.join('').replace(/\s/gu, '') !== title.replace(/\s/gu, '')) {
      reports.push({
        file: file.file.path,
        ...locate(file.frontmatter, ['print', 'titleLines'], 'key'),
        message: `print.titleLines 连起来是“${lines.join('')}”，与标题“${title}”不同：请让各行连起来正好是标题（只在词与词之间分行），或删去 print.titleLines 由程序自动分行`,
        text: lines.join('')
      })
    }
    for (const [index, line] of lines.entries()) {
      if (textWidth(line) <= printTitleWidth) continue
      reports.push({
        file: file.file.path,
        ...locate(file.frontmatter, ['print', 'titleLines', index], 'value'),
        message: `打印版标题第 ${index + 1} 行“${line}”超过 ${printTitleWidth} 个字，一行排不下：请在词与词之间再分一行`,
        text: line
      })
    }
    return reports
  }
}
