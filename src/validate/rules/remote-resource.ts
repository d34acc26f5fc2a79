import type { Nodes } from 'mdast'
import { remoteAddress } from '../../markdown/remote.js'
import type { Report, Rule } from '../rule.js'


/**
 * An image from another host: the published page would load it from there (telling that host who
 * reads the notice, and showing whatever it serves that day), and `build --pdf` would fetch it on
 * the build machine. Links to other sites are fine: they are followed only when clicked.
 */
export const remoteResource: Rule = {
  id: 'remote-resource',
  severity: 'error',
  description: '图片引用了其他网站的地址（http://…）：发布的页面和 PDF 不从其他网站加载任何内容',
  check(notice) {
    const reports: Report[] = []
    for (const line of notice.document.lines) {
      const node = line.node
      const start = node?.position?.start
      if (!node || !start) continue
      const lineShift = line.line - start.line
      visit(node as Nodes, (child) => {
        const url = child.type === 'image' ? child.url : undefined
        if (url === undefined || !remoteAddress.test(url)) return
        const position = child.position?.start
        reports.push({
          file: line.file,
          line: (position?.line ?? start.line) + lineShift,
          column: position?.column ?? 1,
          message: `图片地址“${url.length > 60 ? `${url.slice(0, 60)}…` : url}”在其他网站上：发布的页面和 PDF 不能从其他网站加载内容，请删除这张图片，或改为文字说明`,
          text: url
        })
      })
    }
    return reports
  }
}

function visit(node: Nodes, callback: (node: Nodes) => void): void {
  callback(node)
  if ('children' in node) for (const child of node.children) visit(child as Nodes, callback)
}
