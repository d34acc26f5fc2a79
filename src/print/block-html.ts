/**
 * A view paragraph made from a non-paragraph Markdown block (a GFM table, a list) already is block
 * HTML; wrapping it in <p> would be invalid and the browser would tear the paragraph apart.
 */
export function isBlockHtml(html: string): boolean {
  return /^\s*<(?:table|ul|ol|blockquote|pre|hr|div|h[1-6])[\s>]/u.test(html)
}
