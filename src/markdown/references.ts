/**
 * Reference-style links and images (`[这里][r1]` with `[r1]: https://…` elsewhere in the file)
 * become plain links and images when the file is loaded. Each line of a notice is rendered on its
 * own, without the file's definitions: left as references, the page printed `[这里][r1]` while
 * notice.txt printed `这里`, and the rules that read link and image addresses (remote-resource,
 * raw-html) never saw the address.
 */
import type { Definition, Nodes, Root } from 'mdast'

export function resolveReferences(root: Root): void {
  const definitions = new Map<string, Definition>()
  for (const node of root.children) {
    // CommonMark: the first definition of a label wins.
    if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node)
  }
  if (definitions.size > 0) replaceIn(root, definitions)
}

function replaceIn(node: Nodes, definitions: ReadonlyMap<string, Definition>): void {
  if (!('children' in node)) return
  node.children.forEach((child, index) => {
    if (child.type === 'linkReference' || child.type === 'imageReference') {
      const definition = definitions.get(child.identifier)
      if (definition) {
        const common = { url: definition.url, title: definition.title ?? null, ...(child.position ? { position: child.position } : {}) }
        const replacement: Nodes =
          child.type === 'linkReference' ? { type: 'link', ...common, children: child.children } : { type: 'image', ...common, alt: child.alt ?? null }
        ;(node.children as Nodes[])[index] = replacement
      }
    }
    replaceIn(node.children[index] as Nodes, definitions)
  })
}
