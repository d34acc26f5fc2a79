/**
 * A notice on several inspected units gives each its own top-level section (`一、县教育局党组`).
 * Found when every top-level section names a unit, and there are at least two.
 */
import { recognitionKey } from './recognise.js'
import type { ParsedDocument } from './types.js'

export interface InspectedUnit {
  name: string
  /** Index of the unit's heading line in the document. */
  line: number
  /** Indices of the findings in the unit's section, in order. */
  findings: number[]
}

const reportWords = /(?:关于)?(?:巡察|巡视)?(?:反馈)?(?:问题)?(?:的)?整改(?:落实|进展)?情况[。.．]?$/u
const unitName = /(?:党组|党委|党工委|党总支|党支部|委员会|局|委|办公室|中心|公司|集团|医院|学校|中学|小学|镇|乡|街道|院|所|站|大队|处|厅|社|馆)$/u
const notAUnit = /[，,；;：:、“”]|方面|问题|工作|建设|责任|管理/u

export function inspectedUnits(document: ParsedDocument): InspectedUnit[] {
  const headings = document.headings.filter((heading) => !heading.inline && heading.line >= 0)
  const top = Math.min(...headings.map((heading) => heading.rank))
  const sections = headings.filter((heading) => heading.rank === top)
  if (sections.length < 2) return []
  const names = sections.map((heading) => {
    const name = heading.title.trim().replace(/[。.．]$/u, '')
    const key = recognitionKey(name).replace(reportWords, '')
    return key.length >= 3 && key.length <= 30 && unitName.test(key) && !notAUnit.test(key) ? name.slice(0, key.length) : undefined
  })
  if (names.some((name) => name === undefined)) return []
  const units: InspectedUnit[] = sections.map((heading, index) => ({ name: names[index] ?? '', line: heading.line, findings: [] }))
  document.findings.forEach((finding, index) => {
    const unit = units.findLast((candidate) => candidate.line <= finding.firstLine)
    unit?.findings.push(index)
  })
  return units.every((unit) => unit.findings.length > 0) ? units : []
}
