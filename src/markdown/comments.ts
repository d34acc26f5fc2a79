/**
 * HTML comments are notes for editors (`<!-- 内部备注，勿公开 -->`): they never reach notice.txt or
 * notice.json, inline or beside other HTML. One left open runs to the end, as it does for a browser.
 */
export function withoutComments(html: string): string {
  return html.includes('<!--') ? html.replace(/<!--[\s\S]*?(?:-->|$)/gu, '') : html
}
