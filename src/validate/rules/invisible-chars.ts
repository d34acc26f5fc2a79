import { publishedFields } from '../frontmatter-values.js'
import { positionIn, type Report, type Rule } from '../rule.js'

/**
 * Characters a reader cannot see that change what a text shows or means: control characters
 * (never published: markup outputs drop them), bidi overrides and isolates (they can reverse a
 * number or a name on screen), zero-width characters (they split a word for search and for the
 * checks) and the Unicode line and paragraph separators. A BOM at the very start of a file is
 * how some editors save, and is read away before this rule sees the text.
 */
const invisible = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/gu

function describe(char: string): string {
  const code = char.codePointAt(0) ?? 0
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `控制字符 ${hex}`
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0x200e || code === 0x200f || code === 0x061c) {
    return `文字方向控制字符 ${hex}（可能让数字或名称在屏幕上倒过来显示）`
  }
  if (code === 0x2028 || code === 0x2029) return `Unicode 行分隔符 ${hex}`
  return `零宽字符 ${hex}`
}

export const invisibleChars: Rule = {
  id: 'invisible-chars',
  severity: 'warning',
  description: '看不见的字符：控制字符、文字方向控制字符（U+202E 等）、零宽字符、U+2028 行分隔符，多是从网页或 Word 复制时带进来的',
  check(notice) {
    const reports: Report[] = []
    const message = (char: string): string => `这里有一个看不见的${describe(char)}：多是复制时带进来的，请删除它（控制字符不会发布）`
    for (const line of notice.document.lines) {
      invisible.lastIndex = 0
      if (!invisible.test(line.text)) continue
      invisible.lastIndex = 0
      for (const match of line.text.matchAll(invisible)) reports.push({ ...positionIn(line, match.index), message: message(match[0]), text: match[0] })
    }
    for (const field of publishedFields(notice)) {
      invisible.lastIndex = 0
      const match = invisible.exec(field.value)
      if (match) reports.push({ ...field.position(), message: `元数据“${field.path.map(String).join('.')}”中${message(match[0]).slice(2)}`, text: match[0] })
    }
    return reports
  }
}
