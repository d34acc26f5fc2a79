import { findMojibake, type Mojibake } from '../../text/mojibake.js'
import { publishedFields } from '../frontmatter-values.js'
import { positionIn, type Report, type Rule } from '../rule.js'

/**
 * Mojibake pasted in from an earlier wrong conversion: UTF-8 text read as GBK (`关键` shows as
 * `鍏抽敭`) and the `锟斤拷` left where characters were lost. The file itself is fine UTF-8, so
 * nothing else notices; the published notice would carry the gibberish.
 */
function message(text: string, found: Mojibake): string {
  const shown = text.slice(found.index, found.index + found.length)
  const quoted = shown.length > 20 ? `${shown.slice(0, 20)}…` : shown
  return found.original === undefined
    ? `“${quoted}”是乱码：这里的文字在编码转换中已经丢失，请从原始文件重新复制这段文字`
    : `“${quoted}”像是乱码（UTF-8 文字被当作 GBK 读出），原文可能是“${found.original}”：请从原始文件重新复制这段文字，或改为正确的文字`
}

export const mojibake: Rule = {
  id: 'mojibake',
  severity: 'warning',
  description: '乱码：UTF-8 文字被当作 GBK 读出（如“鍏抽敭”，原文“关键”），或编码转换中丢失文字留下的“锟斤拷”',
  check(notice) {
    const reports: Report[] = []
    for (const line of notice.document.lines) {
      for (const found of findMojibake(line.text))
        reports.push({ ...positionIn(line, found.index), message: message(line.text, found), text: line.text.slice(found.index, found.index + found.length) })
    }
    for (const field of publishedFields(notice)) {
      const [found] = findMojibake(field.value)
      if (found)
        reports.push({
          ...field.position(),
          message: `元数据“${field.path.map(String).join('.')}”中${message(field.value, found)}`,
          text: field.value.slice(found.index, found.index + found.length)
        })
    }
    return reports
  }
}
