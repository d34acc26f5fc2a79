/**
 * The Atom feed and the sitemap. Dated only from the notices' own dates (published, written,
 * changes), never from the build time, so the same content gives the same bytes.
 */
import type { IndexEntry } from '../model/outputs.js'
import type { SiteConfig } from '../model/schema.js'
import { escapeHtml } from './html.js'

/** Notice dates are calendar days in China: midnight, UTC+8. */
function atomDate(day: string): string {
  return `${day}T00:00:00+08:00`
}

/** The site's root URL with its trailing slash (`https://x.gov.cn/xczg` means the folder `xczg/`). */
export function siteRoot(baseUrl: string): string {
  return baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`
}

export function noticeUrl(baseUrl: string, id: string): string {
  return new URL(`${id}/`, siteRoot(baseUrl)).href
}

function latest(days: ReadonlyArray<string | undefined>): string | undefined {
  return days
    .filter((day): day is string => Boolean(day))
    .sort()
    .at(-1)
}

export function renderAtomFeed(sorted: readonly IndexEntry[], site: SiteConfig, baseUrl: string): string {
  const root = siteRoot(baseUrl)
  // A feed without any dated notice still needs an <updated>; the epoch is stable, a clock is not.
  const updated = latest(sorted.map((entry) => entry.updated)) ?? '1970-01-01'
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${escapeHtml(root)}</id>`,
    `  <title>${escapeHtml(`${site.columnName} - ${site.name}`)}</title>`,
    `  <updated>${atomDate(updated)}</updated>`,
    `  <link rel="alternate" type="text/html" href="${escapeHtml(root)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeHtml(new URL('feed.xml', root).href)}"/>`,
    `  <author><name>${escapeHtml(site.footer.host ?? site.name)}</name></author>`
  ]
  for (const entry of sorted) {
    const url = noticeUrl(baseUrl, entry.id)
    lines.push(
      '  <entry>',
      `    <id>${escapeHtml(url)}</id>`,
      `    <title>${escapeHtml(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeHtml(url)}"/>`,
      `    <updated>${atomDate(entry.updated ?? updated)}</updated>`,
      ...(entry.date ? [`    <published>${atomDate(entry.date)}</published>`] : []),
      ...(entry.unit ? [`    <author><name>${escapeHtml(entry.unit)}</name></author>`] : []),
      `    <summary>${escapeHtml(entry.description)}</summary>`,
      '  </entry>'
    )
  }
  lines.push('</feed>', '')
  return lines.join('\n')
}

export function renderSitemap(sorted: readonly IndexEntry[], baseUrl: string): string {
  const root = siteRoot(baseUrl)
  const newest = latest(sorted.map((entry) => entry.updated))
  const url = (loc: string, lastmod: string | undefined): string[] => [
    '  <url>',
    `    <loc>${escapeHtml(loc)}</loc>`,
    ...(lastmod ? [`    <lastmod>${lastmod}</lastmod>`] : []),
    '  </url>'
  ]
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...url(root, newest)]
  for (const entry of sorted) lines.push(...url(noticeUrl(baseUrl, entry.id), entry.updated))
  lines.push('</urlset>', '')
  return lines.join('\n')
}
