import { publishedFields } from '../frontmatter-values.js'
import { findPersonalNumbers, type NumberHit } from '../personal-numbers.js'
import { positionIn, type Report, type Rule } from '../rule.js'

export { isIdNumber } from '../personal-numbers.js'

/** Digits of a phone number as written anywhere (site.yml, contact.phone), without a +86 before a mobile. */
export const phoneDigits = (value: string): string =>
  value
    .normalize('NFKC')
    .replace(/\D/gu, '')
    .replace(/^86(?=1\d{10}$)/u, '')

function message(hit: NumberHit, where: 'text' | 'contact' | 'field'): string {
  if (hit.kind === 'id') return `公开内容中出现了身份证号码（${hit.digits.slice(0, 6)}********${hit.digits.slice(-4)}）：这是个人信息，发布前必须删除或隐去`
  const shown = `${hit.digits.slice(0, 3)}****${hit.digits.slice(-4)}`
  const allow = '如果这是单位对外公开的电话，请把它写在 site.yml 的 privateData.allow 中（或 notice.md 元数据的 contact.phone 中）'
  if (where === 'contact') return `联系方式中的手机号码（${shown}）没有声明为公开号码：${allow}；否则请删除或隐去`
  return `公开内容中出现了个人手机号码（${shown}）：这是个人信息，发布前必须删除或隐去；${allow}`
}

export const privateData: Rule = {
  id: 'private-data',
  severity: 'error',
  description:
    '公开内容（正文、结尾、元数据各字段）中出现身份证号码或手机号码，包括带空格、横线、点、全角数字等写法（site.yml privateData.allow 和 contact.phone 中声明的号码除外）',
  check(notice, context) {
    const reports: Report[] = []
    const allowed = new Set([...(context.site.privateData?.allow ?? []), ...[notice.meta.contact?.phone ?? []].flat()].map(phoneDigits))
    const report = (hit: NumberHit, position: { file: string; line: number; column: number }, where: 'text' | 'contact' | 'field', text: string): void => {
      if (hit.kind === 'mobile' && allowed.has(hit.digits)) return
      reports.push({ ...position, message: message(hit, where), text })
    }
    notice.document.lines.forEach((line, index) => {
      if (line.text.length === 0) return
      const contact = notice.document.roles[index]?.kind === 'contact'
      for (const hit of findPersonalNumbers(line.text))
        report(hit, positionIn(line, hit.start), contact ? 'contact' : 'text', line.text.slice(hit.start, hit.end))
    })
    for (const field of publishedFields(notice)) {
      for (const hit of findPersonalNumbers(field.value)) report(hit, field.position(), 'field', field.value.slice(hit.start, hit.end))
    }
    return reports
  }
}
