/**
 * Markdown to HTML for the lines of a notice: remark-rehype, rehype-sanitize (GitHub's schema:
 * no scripts, no event handlers, no javascript: URLs), rehype-stringify.
 */
import type { Root as HastRoot } from 'hast'
import type { PhrasingContent, Root, RootContent } from 'mdast'
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { withoutComments } from '../markdown/comments.js'
import { remoteAddress } from '../markdown/remote.js'

const sanitizeSchema = {
  ...defaultSchema,
  // Anchors in a notice are ours (f-1-4-2); user ids are dropped rather than prefixed.
  clobber: [],
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel'] }
}

/**
 * hast-util-to-html leaves `>` in text as it is: valid HTML, yet html-validate (and some CMS
 * filters) reject a raw `>`. After sanitising, text with one becomes a raw node of the text fully
 * escaped, the only raw HTML the stringifier is allowed to print.
 */
function escapeGreaterThan() {
  const visit = (node: HastRoot | HastRoot['children'][number]): void => {
    if (!('children' in node)) return
    node.children.forEach((child, index) => {
      if (child.type === 'text' && child.value.includes('>')) node.children[index] = { type: 'raw', value: escapeHtml(child.value) } as unknown as typeof child
      else visit(child)
    })
  }
  return (tree: HastRoot): void => visit(tree)
}

/**
 * Images from another host never reach a page: the remote-resource rule refuses them, and when a
 * site turns it off they become their alt text, so no output loads anything from elsewhere.
 */
function dropRemoteImages() {
  const visit = (node: HastRoot | HastRoot['children'][number]): void => {
    if (!('children' in node)) return
    node.children.forEach((child, index) => {
      if (child.type === 'element' && child.tagName === 'img' && remoteAddress.test(String(child.properties.src ?? ''))) {
        node.children[index] = { type: 'text', value: String(child.properties.alt ?? '') }
      } else visit(child)
    })
  }
  return (tree: HastRoot): void => visit(tree)
}

const toHtml = unified()
  .use(remarkRehype)
  .use(rehypeSanitize, sanitizeSchema)
  .use(dropRemoteImages)
  .use(escapeGreaterThan)
  .use(rehypeStringify, { allowDangerousHtml: true })

export function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;')
}

/** HTML of a Markdown tree, sanitised. */
export function markdownToHtml(root: Root): string {
  const hast = toHtml.runSync(root) as HastRoot
  return toHtml.stringify(hast)
}

/**
 * Inline HTML for characters [start, end) of a line's plain text. Works on the line's Markdown
 * node, so emphasis and links survive; a line with no node is plain text.
 */
export function inlineHtml(text: string, node: RootContent | undefined, start = 0, end = text.length): string {
  if (!node || (node.type !== 'paragraph' && node.type !== 'heading')) return escapeText(text.slice(start, end))
  // Fast path: plain text needs no tree; the property test in tests/markdown holds it equal to the pipeline.
  if (node.children.length === 1 && node.children[0]?.type === 'text') {
    const slice = text.slice(start, end)
    if (!/[&<>]/u.test(slice)) return slice
  }
  const children = sliceInline(node.children, start, end)
  // Inside a paragraph: at the root, remark-rehype puts a line break between inline nodes, and a
  // browser shows it as a space in Chinese text (详见 这里 。 for 详见[这里](…)。).
  const html = markdownToHtml({ type: 'root', children: [{ type: 'paragraph', children }] })
  return html.startsWith('<p>') && html.endsWith('</p>') ? html.slice(3, -4) : html
}

/** Text as HTML with line breaks kept. */
export function escapeText(text: string): string {
  return escapeHtml(text).replace(/\n/gu, '<br>\n')
}

/** HTML of a whole block (tables, lists, quotes written in Markdown). */
export function blockHtml(node: RootContent): string {
  return markdownToHtml({ type: 'root', children: [node] })
}

function sliceInline(children: readonly PhrasingContent[], start: number, end: number): PhrasingContent[] {
  const out: PhrasingContent[] = []
  let offset = 0
  for (const child of children) {
    const length = plainLength(child)
    const from = offset
    const to = offset + length
    offset = to
    if (to <= start || from >= end) continue
    if (child.type === 'text') {
      out.push({ type: 'text', value: child.value.slice(Math.max(0, start - from), Math.min(length, end - from)) })
    } else if (child.type === 'break') {
      out.push(child)
    } else if ('children' in child && (from < start || to > end)) {
      const inner = sliceInline(child.children as PhrasingContent[], Math.max(0, start - from), Math.min(length, end - from))
      out.push({ ...child, children: inner } as PhrasingContent)
    } else {
      out.push(child)
    }
  }
  return out
}

function plainLength(node: PhrasingContent): number {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value.length
    case 'html':
      return withoutComments(node.value).length
    case 'break':
      return 1
    case 'image':
      return (node.alt ?? '').length
    case 'footnoteReference':
      return node.identifier.length + 3
    default:
      return 'children' in node ? (node.children as PhrasingContent[]).reduce((sum, child) => sum + plainLength(child), 0) : 0
  }
}
