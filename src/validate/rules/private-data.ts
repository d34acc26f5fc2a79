import { matches, proseLines } from '../prose.js'
import { positionIn, type Report, type Rule } from '../rule.js'

const idNumber = /(?<![0-9A-Za-z])([1-9]\d{5})((?:19|20)\d{2})(\d{2})(\d{2})(\d{3})([0-9Xx])(?![0-9A-Za-z])/gu
const mobile = /(?<![0-9A-Za-z])(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?![0-9A-Za-z])/gu
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const checkCharacters = '10X98765432'

/** GB 11643: the 18th character is the ISO 7064 MOD 11-2 check of the first 17. */
export function isIdNumber(value: string): boolean {
  if (!/^\d{17}[0-9Xx]$/u.test(value)) return false
  const sum = weights.reduce((total, weight, index) => total + weight * Number(value[index]), 0)
  if (checkCharacters[sum % 11] !== value[17]?.toUpperCase()) return false
  const year = Number(value.slice(6, 10))
  const month = Number(value.slice(10, 12))
  const day = Number(value.slice(12, 14))
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

const digitsOf = (value: string): string => value.replace(/\D/gu, '').replace(/^86(?=1\d{10}$)/u, '')

function masked(value: string): string {
  const digits = digitsOf(value)
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`
}

export const privateData: Rule = {
  id: 'private-data',
  severity: 'error',
  description: '公开文本中出现身份证号码或个人手机号码（落款联系方式和元数据 contact 中的号码除外）',
  check(notice) {
    const reports: Report[] = []
    const declared = new Set([notice.meta.contact?.phone ?? []].flat().map(digitsOf))
    for (const { line, role } of proseLines(notice)) {
      const text = line.text
      for (const match of matches(idNumber, text)) {
        if (!isIdNumber(match[0])) continue
        reports.push({
          ...positionIn(line, match.index),
          message: `公开文本中出现了身份证号码（${match[0].slice(0, 6)}********${match[0].slice(-4)}）：这是个人信息，发布前必须删除或隐去`,
          text: match[0]
        })
      }
      // The closing's contact lines give the office's numbers for the public to call.
      if (role.kind === 'contact' || role.kind === 'closing') continue
      for (const match of matches(mobile, text)) {
        if (declared.has(digitsOf(match[0]))) continue
        reports.push({
          ...positionIn(line, match.index),
          message: `公开文本中出现了个人手机号码（${masked(match[0])}）：这是个人信息，发布前必须删除或隐去；单位的联系电话请写在结尾的联系方式中`,
          text: match[0]
        })
      }
    }
    return reports
  }
}
