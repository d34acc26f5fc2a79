import type { Report, Rule } from '../rule.js'

/**
 * A finding whose status the text does not state is counted as 未标明: the page cannot say it is
 * done or under way, so a person should state it (in the text, or `status:` in the frontmatter).
 */
export const statusMissing: Rule = {
  id: 'status-missing',
  severity: 'warning',
  description: '问题没有写明整改状态（如“已完成”“正在整改”），统计时只能算作“未标明”',
  check(notice) {
    const reports: Report[] = []
    for (const { parsed, record } of notice.findings) {
      // An empty label is reported by empty-finding: one problem, one message.
      if (record.status !== 'unknown' || parsed.labels.some((label) => label.text.trim().length === 0)) continue
      const line = notice.document.lines[parsed.firstLine]
      if (!line) continue
      reports.push({
        file: line.file,
        line: line.line,
        column: line.column,
        message: `问题“${record.title}”没有写明整改状态：请在“整改情况：”的开头写明“已完成”“正在整改”等，或在这个文件的元数据中写 status: done 等`
      })
    }
    return reports
  }
}
