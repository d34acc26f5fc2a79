import { locate } from '../../load/frontmatter.js'
import type { Report, Rule } from '../rule.js'

export const duplicateId: Rule = {
  id: 'duplicate-id',
  severity: 'error',
  description: '两个问题文件用了同一个 id（常见于复制文件后忘了改 id）',
  check(notice) {
    const reports: Report[] = []
    const seen = new Map<string, string>()
    for (const part of notice.parts) {
      const id = part.finding?.id
      if (id === undefined) continue
      const first = seen.get(id)
      if (first === undefined) {
        seen.set(id, part.file.path)
        continue
      }
      reports.push({
        file: part.file.path,
        ...locate(part.frontmatter, ['id'], 'value'),
        message: `问题编号 id: ${id} 已在 ${first} 中使用：id 必须唯一，复制文件后请改成一个新的编号`,
        text: id
      })
    }
    return reports
  }
}
