import type { ParsedDocument } from '../structure/types.js'

/** notice.txt: the notice's lines as written, LF line ends, one final newline. */
export function renderText(document: ParsedDocument): string {
  const text = document.lines.map((line) => line.text).join('\n')
  return text.length === 0 ? '' : `${text}\n`
}
