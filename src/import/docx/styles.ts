/**
 * Paragraph styles as far as the reader needs them: the numbering a style carries (Word's heading
 * styles are often numbered through them), alignment, font size and bold, each inherited along
 * `w:basedOn` as Word inherits it.
 */
import { wAttr, wChild, wChildren, wNumber, wToggle, wVal, type Element } from './xml.js'

export interface ParagraphLook {
  numId?: string
  ilvl?: number
  align?: string
  /** Font size in half-points. */
  size?: number
  bold?: boolean
}

interface StyleEntry {
  basedOn?: string
  own: ParagraphLook
}

export interface Styles {
  /** What a paragraph of this style looks like, its own settings over those inherited. */
  look(styleId: string | undefined): ParagraphLook
  /** The size of text with no size set anywhere. */
  defaultSize: number
}

export function readStyles(root: Element | undefined): Styles {
  const entries = new Map<string, StyleEntry>()
  let defaultParagraph: string | undefined
  let defaultSize = 21
  if (root) {
    const defaults = wChild(wChild(wChild(root, 'docDefaults'), 'rPrDefault'), 'rPr')
    const size = wNumber(defaults, 'sz')
    if (size !== undefined) defaultSize = size
    for (const style of wChildren(root, 'style')) {
      if (wAttr(style, 'type') !== 'paragraph') continue
      const id = wAttr(style, 'styleId')
      if (!id) continue
      if (wAttr(style, 'default') === '1' || wAttr(style, 'default') === 'true') defaultParagraph = id
      const basedOn = wVal(style, 'basedOn')
      entries.set(id, { ...(basedOn ? { basedOn } : {}), own: lookOf(wChild(style, 'pPr'), wChild(style, 'rPr')) })
    }
  }
  const resolved = new Map<string, ParagraphLook>()
  const resolve = (id: string, seen: Set<string>): ParagraphLook => {
    const cached = resolved.get(id)
    if (cached) return cached
    const entry = entries.get(id)
    if (!entry || seen.has(id)) return {}
    seen.add(id)
    const base = entry.basedOn ? resolve(entry.basedOn, seen) : {}
    const look = { ...base, ...entry.own }
    resolved.set(id, look)
    return look
  }
  return {
    look: (styleId) => {
      const id = styleId ?? defaultParagraph
      return id ? resolve(id, new Set()) : {}
    },
    defaultSize
  }
}

/** The settings written on a paragraph (or a style) itself; absent ones are left out so inheritance shows through. */
export function lookOf(paragraphProperties: Element | undefined, runProperties: Element | undefined): ParagraphLook {
  const look: ParagraphLook = {}
  const numbering = wChild(paragraphProperties, 'numPr')
  const numId = wVal(numbering, 'numId')
  const ilvl = wNumber(numbering, 'ilvl')
  if (numId !== undefined) look.numId = numId
  if (ilvl !== undefined) look.ilvl = ilvl
  const align = wVal(paragraphProperties, 'jc')
  if (align !== undefined) look.align = align
  const size = wNumber(runProperties, 'sz')
  if (size !== undefined) look.size = size
  const bold = wToggle(runProperties, 'b')
  if (bold !== undefined) look.bold = bold
  return look
}
