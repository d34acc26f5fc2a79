import { matches } from '../prose.js'
import { reportAt, type Report, type Rule } from '../rule.js'

/**
 * Words that say the work is still ahead. `待` only with what it waits for (`待资金到位后`,
 * `待批复`), never in 接待 or 对待; `将` alone is a standing commitment, not unfinished work.
 */
const futureWork =
  /计划于|计划在|计划到|今年计划|拟于|拟在|预计于|预计在|(?<![接对期等优款善招虐看宽厚])待(?![遇人客命])[^，,。；;：:]{0,15}?(?:后|批复|审批|研究|出台|完成|落实|解决|到位)|正在(?!整改[，,。；;]|办理[，,。；;])|尚未|仍未|还未/u

export const statusConflict: Rule = {
  id: 'status-conflict',
  severity: 'warning',
  description: '标为“已完成”的问题，整改情况里还写着以后要做的事（计划于…、待…后、正在…）',
  check(notice) {
    const reports: Report[] = []
    for (const { parsed, record } of notice.findings) {
      if (record.status !== 'done') continue
      const labels = parsed.labels
      labels.forEach((label, position) => {
        if (label.kind !== 'rectification') return
        const next = labels[position + 1]
        const lastLine = next ? next.line - 1 : parsed.lastLine
        for (let index = label.line; index <= lastLine; index++) {
          const line = notice.document.lines[index]
          if (!line) continue
          let from = index === label.line ? label.textOffset : 0
          if (index === label.line && parsed.status && label.text.startsWith(parsed.status.clause)) from += parsed.status.clause.length
          for (const match of matches(futureWork, line.text.slice(from))) {
            const offset = from + match.index
            const message = `这个问题标为“${record.statusText || '已完成'}”，但整改情况里写着“${match[0]}”，说明还有工作没做完：请核对整改状态，或改写这句话`
            reports.push(reportAt(line, offset, message, match[0]))
            return
          }
        }
      })
    }
    return reports
  }
}
