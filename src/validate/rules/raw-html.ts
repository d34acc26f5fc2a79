import type { Nodes } from 'mdast'
import { bodyMarker } from '../../markdown/parse.js'
import type { Report, Rule } from '../rule.js'

const safeProtocol = /^(?:https?:|mailto:|tel:|#|\/|\.{0,2}\/|[^:]*$)/iu
const htmlComment = /^<!--[\s\S]*?-->$/u

export const rawHtml: Rule = {
  id: 'raw-html',
  severity: 'error',
  description: '正文中出现 HTML 代码（如 <script>、onerror=）或不安全的链接（javascript:、data:）',
  check(notice) {
    const reports: Report[] = []
    for (const line of notice.document.lines) {
      const node = line.node
      const start = node?.position?.start
      if (!node || !start) continue
      const lineShift = line.line - start.line
      visit(node, (child) => {
        const position = child.position?.start
        const where = { file: line.file, line: (position?.line ?? start.line) + lineShift, column: position?.column ?? 1 }
        if (child.type === 'html') {
          const value = child.value.trim()
          if (htmlComment.test(value) && !bodyMarker.test(value)) return
          reports.push({ ...where, message: `正文中不能写 HTML 代码（${abbreviate(value)}）：发布时会被删除，请改为纯文字或 Markdown 写法`, text: value })
        } else if ((child.type === 'link' || child.type === 'image' || child.type === 'definition') && !safeProtocol.test(child.url.trim())) {
          reports.push({ ...where, message: `链接地址“${abbreviate(child.url)}”不安全：只能使用 http、https、mailto 或 tel 链接`, text: child.url })
        }
      })
    }
    return reports
  }
}

function visit(node: Nodes, callback: (node: Nodes) => void): void {
  callback(node)
  if ('children' in node) for (const child of node.children) visit(child as Nodes, callback)
}

function abbreviate(text: string): string {
  const single = text.replace(/\s+/gu, ' ')
  return single.length > 40 ? `${single.slice(0, 40)}…` : single
}
