/**
 * Opens a .docx: the zip (fflate) and the XML parts Word keeps the text in (@xmldom/xmldom), found
 * through the package's relationships as Word finds them, not by fixed names. Bytes in, parsed
 * parts out; a damaged file comes back as a reason, never as an exception.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Element } from '@xmldom/xmldom'

/** The WordprocessingML namespace: `w:` in every part this reader looks at. */
export const wNs = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const relationshipsNs = 'http://schemas.openxmlformats.org/package/2006/relationships'
const officeDocumentType = /\/officeDocument$/u

export interface DocxPackage {
  document: Element
  numbering?: Element
  styles?: Element
  footnotes?: Element
  endnotes?: Element
  /** docProps/custom.xml: name → text value. */
  customProperties: Record<string, string>
}

export type PackageOutcome = { ok: true; parts: DocxPackage } | { ok: false; message: string }

// Required at first use, not imported: the CLI runs as one bundled script, and these stay outside it.
const load = createRequire(import.meta.url)
let libraries: { unzipSync: typeof import('fflate').unzipSync; DOMParser: typeof import('@xmldom/xmldom').DOMParser } | undefined
function libs(): NonNullable<typeof libraries> {
  libraries ??= {
    unzipSync: (load('fflate') as typeof import('fflate')).unzipSync,
    DOMParser: (load('@xmldom/xmldom') as typeof import('@xmldom/xmldom')).DOMParser
  }
  return libraries
}

class DamagedPart extends Error {}

export function openDocx(bytes: Uint8Array): PackageOutcome {
  let files: Record<string, Uint8Array>
  try {
    files = libs().unzipSync(bytes)
  } catch {
    return { ok: false, message: '文件已损坏，无法作为 .docx 打开（压缩包不完整）：请在 Word 或 WPS 中打开后重新另存为 .docx 再导入' }
  }
  const decoder = new TextDecoder('utf-8')
  const parse = (name: string): Element | undefined => {
    const data = files[name]
    if (!data) return undefined
    let failure: string | undefined
    const parser = new (libs().DOMParser)({
      onError: (level, message) => {
        if (level !== 'warning') failure ??= message
      }
    })
    let root: Element | null = null
    try {
      root = parser.parseFromString(decoder.decode(data), 'application/xml').documentElement
    } catch (error) {
      failure ??= error instanceof Error ? error.message : String(error)
    }
    if (failure !== undefined || !root) throw new DamagedPart(name)
    return root
  }
  try {
    const packageRels = relationships(parse('_rels/.rels'), '')
    const documentPath = packageRels.find((rel) => officeDocumentType.test(rel.type))?.target ?? 'word/document.xml'
    const document = parse(documentPath)
    if (!document) {
      return { ok: false, message: '这个压缩包里没有 Word 正文（word/document.xml），不是 .docx 文件：请在 Word 或 WPS 中另存为 .docx 再导入' }
    }
    const documentRels = relationships(parse(relsPathOf(documentPath)), path.posix.dirname(documentPath))
    const part = (kind: string): Element | undefined => {
      const target = documentRels.find((rel) => rel.type.endsWith(`/${kind}`))?.target
      return target ? parse(target) : undefined
    }
    const parts: DocxPackage = { document, customProperties: customProperties(parse('docProps/custom.xml')) }
    const numbering = part('numbering')
    const styles = part('styles')
    const footnotes = part('footnotes')
    const endnotes = part('endnotes')
    if (numbering) parts.numbering = numbering
    if (styles) parts.styles = styles
    if (footnotes) parts.footnotes = footnotes
    if (endnotes) parts.endnotes = endnotes
    return { ok: true, parts }
  } catch (error) {
    if (error instanceof DamagedPart) {
      return { ok: false, message: `文件已损坏：其中的 ${error.message} 不是完整的 XML。请在 Word 或 WPS 中打开后重新另存为 .docx 再导入` }
    }
    throw error
  }
}

function relsPathOf(partPath: string): string {
  return path.posix.join(path.posix.dirname(partPath), '_rels', `${path.posix.basename(partPath)}.rels`)
}

function relationships(root: Element | undefined, base: string): Array<{ type: string; target: string }> {
  if (!root) return []
  const out: Array<{ type: string; target: string }> = []
  for (const element of Array.from(root.getElementsByTagNameNS(relationshipsNs, 'Relationship'))) {
    if (element.getAttribute('TargetMode') === 'External') continue
    const target = element.getAttribute('Target') ?? ''
    const resolved = target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(base, target))
    out.push({ type: element.getAttribute('Type') ?? '', target: resolved })
  }
  return out
}

function customProperties(root: Element | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  if (!root) return out
  for (const property of Array.from(root.childNodes)) {
    if (property.nodeType !== 1) continue
    const element = property as Element
    const name = element.getAttribute('name')
    if (name) out[name] = element.textContent ?? ''
  }
  return out
}
