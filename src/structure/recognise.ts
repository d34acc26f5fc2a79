/**
 * The text the recognisers read: the line as written, with full-width digits as ASCII digits and
 * traditional characters as simplified ones. Every change keeps the length (one UTF-16 unit for
 * one), so an offset found in the key is the same offset in the text as written, and what is kept
 * is always the text as written.
 */
import { Converter, Locale } from 'opencc-js/t2cn'
import { defaultStatusPhrases, labelAliases, sustainedPhrase } from '../model/vocabulary.js'

const fullWidthDigit = /[０-９]/u
const fullWidthDigits = /[０-９]/gu

/**
 * Words the recognisers look for beyond the vocabulary's labels and status phrases: titles, closings,
 * signatures, statistics, portal metadata. Only lines with the traditional form of one of their
 * characters are converted, so simplified text never pays for the converter.
 */
const recognisedWords =
  '通报公告公布情况报告通知关于联系电话监督举报热线传真邮箱电子信箱通讯地址邮编邮政编码来信欢迎如有特此委员会党委党组工委管委会办公室巡察巡视领导小组政府人民局厅办中心公司集团支部总支学校医院' +
  '截至止目前个问题已完成整改正在持续率共反馈下一步工作打算落实信息索引号发布机构成文日期公开方式主题分类文号来源时间责任编辑上篇下篇打印本页关闭窗口字体大中小分享浏览次数首页当前位置此件县市区镇乡街道'

let gate: RegExp | undefined
let convert: ((text: string) => string) | undefined

/** The traditional characters whose simplified form occurs in a recognised word (from OpenCC's table). */
function traditionalGate(): RegExp {
  if (gate) return gate
  const wanted = new Set([...recognisedWords, ...Object.keys(labelAliases).join(''), ...Object.keys(defaultStatusPhrases).join(''), ...sustainedPhrase])
  const chars = new Set<string>()
  for (const group of Locale.to.cn ?? []) {
    for (const dict of group) {
      if (typeof dict !== 'string') continue
      for (const entry of dict.split('|')) {
        const [from, to] = entry.split(' ')
        if (from && to && from.length === 1 && to.length === 1 && from !== to && wanted.has(to)) chars.add(from)
      }
    }
  }
  gate = chars.size === 0 ? /(?!)/u : new RegExp(`[${[...chars].join('')}]`, 'u')
  return gate
}

function toSimplified(text: string): string {
  const converter = convert ?? Converter({ from: 'tw', to: 'cn' })
  convert = converter
  const whole = converter(text)
  if (whole.length === text.length) return whole
  // A phrase that changed length: convert character by character, keeping any that would change it.
  let out = ''
  for (const char of text) {
    const converted = converter(char)
    out += converted.length === char.length ? converted : char
  }
  return out
}

let lastText: string | undefined
let lastKey = ''

export function recognitionKey(text: string): string {
  if (text === lastText) return lastKey
  let key = text
  if (fullWidthDigit.test(key)) key = key.replace(fullWidthDigits, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
  if (traditionalGate().test(key)) key = toSimplified(key)
  lastText = text
  lastKey = key
  return key
}
