import { positionIn, type Report, type Rule } from '../rule.js'

export const emptyFinding: Rule = {
  id: 'empty-finding',
  severity: 'error',
  description: '问题没有内容，或“问题内容：”“整改情况：”等标签后面是空的',
  check(notice) {
    const reports: Report[] = []
    for (const { parsed } of notice.findings) {
      for (const label of parsed.labels) {
        if (label.text.trim().length > 0) continue
        const line = notice.document.lines[label.line]
        if (!line) continue
        reports.push({ ...positionIn(line, label.textOffset), message: `“${label.raw}”后面没有内容：请写出${label.label}，或删除这个标签`, text: label.raw })
      }
      if (parsed.problem.trim().length === 0 && parsed.title.trim().length === 0) {
        const line = notice.document.lines[parsed.firstLine]
        if (line) reports.push({ file: line.file, line: line.line, column: line.column, message: '这个问题没有写出问题内容：请补充“问题内容：……”' })
      }
    }
    return reports
  }
}
