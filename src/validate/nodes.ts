import type { Nodes } from 'mdast'
import type { LoadedNotice } from '../load/notice.js'

export interface PlacedNode {
  node: Nodes
  file: string
  line: number
  column: number
}

/** Every Markdown node of a notice's lines, in document order, with the place in its file where it starts. */
export function markdownNodes(notice: LoadedNotice): PlacedNode[] {
  const placed: PlacedNode[] = []
  for (const line of notice.document.lines) {
    const root = line.node
    const start = root?.position?.start
    if (!root || !start) continue
    // A line's tree was parsed on its own: its positions count from the line's block, not the file.
    const lineShift = line.line - start.line
    const visit = (node: Nodes): void => {
      const position = node.position?.start
      placed.push({ node, file: line.file, line: (position?.line ?? start.line) + lineShift, column: position?.column ?? 1 })
      if ('children' in node) for (const child of node.children) visit(child as Nodes)
    }
    visit(root as Nodes)
  }
  return placed
}
