/**
 * What the opening paragraph says about the inspection: team, unit, dates, basis. Written to
 * notice.md so the page's metadata is filled in; the text itself stays as it was.
 */
import type { NoticeFrontmatter } from '../model/schema.js'

const teamPattern = /((?:[省市县区]委|市委|县委|区委|省委)?(?:第[一二三四五六七八九十]+|[一二三四五六七八九十]+)?(?:专项)?(?:巡察|巡视)组)/u
const rangePattern = /(\d{4})年(\d{1,2})月(\d{1,2})日(?:起)?(?:至|到|—|-|－)(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日/u
const unitPattern = /对([^，,。；;]{2,40}?)(?:党组织|党组|党委|党工委)?(?:开展|进行)了?(?:为期[^，,。]*?)?(?:常规|专项|机动)?(?:巡察|巡视)/u
const basisPattern = /(《[^》]{2,40}》)/u

const iso = (year: number, month: number, day: number): string | undefined => {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export function inspectionFromOpening(opening: string): NonNullable<NoticeFrontmatter['inspection']> {
  const inspection: NonNullable<NoticeFrontmatter['inspection']> = {}
  const team = teamPattern.exec(opening)?.[1]
  if (team) inspection.team = team
  const unit = unitPattern.exec(opening)?.[1]
  if (unit) inspection.unit = unit.replace(/^(?:县|市|区)?委?第?[一二三四五六七八九十]*(?:巡察|巡视)组(?:从|于)?/u, '')
  const range = rangePattern.exec(opening)
  if (range) {
    const startYear = Number(range[1])
    const startMonth = Number(range[2])
    const start = iso(startYear, startMonth, Number(range[3]))
    const endYear = range[4] ? Number(range[4]) : startYear
    const endMonth = range[5] ? Number(range[5]) : startMonth
    const end = iso(endYear, endMonth, Number(range[6]))
    if (start) inspection.start = start
    if (end && (!start || end >= start)) inspection.end = end
  }
  return inspection
}

export function basisFromOpening(opening: string): string | undefined {
  return basisPattern.exec(opening)?.[1]
}
