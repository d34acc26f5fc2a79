import { standardLabels } from '../../model/vocabulary.js'
import { positionIn, type Report, type Rule } from '../rule.js'

export const labelVariant: Rule = {
  id: 'label-variant',
  severity: 'warning',
  description: '问题标签用了不规范的写法（如“详细问题”应为“问题内容”）',
  check(notice) {
    const reports: Report[] = []
    for (const { parsed } of notice.findings) {
      for (const label of parsed.labels) {
        const standard = standardLabels[label.kind]
        if (standard.includes(label.label)) continue
        const line = notice.document.lines[label.line]
        if (!line) continue
        const offset = line.text.lastIndexOf(label.label, label.textOffset)
        reports.push({
          ...positionIn(line, Math.max(0, offset)),
          message: `标签“${label.label}”不规范：应写作“${standard.join('”或“')}”`,
          text: label.label
        })
      }
    }
    return reports
  }
}
