import { remoteAddress } from '../../markdown/remote.js'
import { markdownNodes } from '../nodes.js'
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
    for (const { node, ...where } of markdownNodes(notice)) {
      if (node.type !== 'image' || !remoteAddress.test(node.url)) continue
      const url = node.url
      reports.push({
        ...where,
        message: `图片地址“${url.length > 60 ? `${url.slice(0, 60)}…` : url}”在其他网站上：发布的页面和 PDF 不能从其他网站加载内容，请删除这张图片，或改为文字说明`,
        text: url
      })
    }
    return reports
  }
}
