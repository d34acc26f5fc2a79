/** Reading WordprocessingML elements by their `w:` names, whatever prefix a writer gave the namespace. */
import type { Element } from '@xmldom/xmldom'
import { wNs } from './package.js'

export type { Element }

export function elementChildren(element: Element): Element[] {
  const out: Element[] = []
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) out.push(node as Element)
  }
  return out
}

/** `w:` children named `name` (all `w:` children when no name is given). */
export function wChildren(element: Element, name?: string): Element[] {
  return elementChildren(element).filter((child) => child.namespaceURI === wNs && (name === undefined || child.localName === name))
}

export function wChild(element: Element | undefined, name: string): Element | undefined {
  if (!element) return undefined
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).namespaceURI === wNs && (node as Element).localName === name) return node as Element
  }
  return undefined
}

/** A `w:` attribute, e.g. `w:val`. */
export function wAttr(element: Element | undefined, name: string): string | undefined {
  if (!element) return undefined
  const value = element.getAttributeNS(wNs, name)
  return value === null || value === '' ? (element.hasAttributeNS(wNs, name) ? '' : undefined) : value
}

export function wVal(element: Element | undefined, name: string): string | undefined {
  return wAttr(wChild(element, name), 'val')
}

/** An on/off property (`<w:b/>`, `<w:b w:val="0"/>`): undefined when absent. */
export function wToggle(properties: Element | undefined, name: string): boolean | undefined {
  const element = wChild(properties, name)
  if (!element) return undefined
  const value = wAttr(element, 'val')
  return !(value === '0' || value === 'false' || value === 'off')
}

export function wNumber(element: Element | undefined, name: string): number | undefined {
  const value = wVal(element, name)
  if (value === undefined) return undefined
  const number = Number(value)
  return Number.isFinite(number) ? number : undefined
}
