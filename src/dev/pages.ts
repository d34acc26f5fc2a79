/** The dev server's own short pages (not found, refused, paused): never part of a built site. */

export function devPage(title: string, message: string, link?: { href: string; text: string }): string {
  const back = link ? ` <a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a>` : ''
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}${back}</p></body></html>`
}

export function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;')
}
