import { bodyMarker } from '../../markdown/parse.js'
import { markdownNodes } from '../nodes.js'
import type { Report, Rule } from '../rule.js'

const safeProtocol = /^(?:https?:|mailto:|tel:|#|\/|\.{0,2}\/|[^:]*$)/iu
const htmlComment = /^<!--[\s\S]*?-->$/u

export const rawHtml: Rule = {
  id: 'raw-html',
  severity: 'error',
  description: '正文中出现 HTML 代码（如 <script>、onerror=）或不安全的链接（javascript:、data:）',
  check(notice) {
    const reports: Report[] = []
    for (const { node, ...where } of markdownNodes(notice)) {
      if (node.type === 'html') {
        const value = node.value.trim()
        if (htmlComment.test(value) && !bodyMarker.test(value)) continue
        reports.push({ ...where, message: `正文中不能写 HTML 代码（${abbreviate(value)}）：发布时会被删除，请改为纯文字或 Markdown 写法`, text: value })
      } else if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !safeProtocol.test(node.url.trim())) {
        reports.push({ ...where, message: `链接地址“${abbreviate(node.url)}”不安全：只能使用 http、https、mailto 或 tel 链接`, text: node.url })
      }
    }
    return reports
  }
}

function abbreviate(text: string): string {
  const single = text.replace(/\s+/gu, ' ')
  return single.length > 40 ? `${single.slice(0, 40)}…` : single
}
