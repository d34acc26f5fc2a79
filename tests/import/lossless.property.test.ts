import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { importText } from '../../src/import/import.js'
import { loadNotice } from '../../src/load/notice.js'
import { defaultStatusPhrases } from '../../src/model/vocabulary.js'
import { renderText } from '../../src/render/text.js'

const headingPrefixes = ['一、', '二、', '三、', '（一）', '(二)', '（三）', '1、', '2.', '3．', '10、', '（1）', '(2)', '一是', '二是', '三是', '１．', '４、', '（３）', '1．']
const labels = ['问题内容', '详细问题', '整改情况', '整改落实情况', '整改措施', '责任单位', '责任人', '整改时限', '完成时限', '【整改情况】', '问题', '整改结果', '完成情况', '责任部门', '責任單位', '問題內容', '整改情況']
const statuses = ['已完成', '已完成,长期坚持。', '已完成，长期坚持。', '正在整改。', '正在办理。', '基本完成；', '未完成', '申请延期整改', '（已整改到位）', '立行立改', '已办结', '长期坚持。', '部分完成', '已完成，長期堅持。', '该问题已整改到位。', '确保整改到位。']
const words = ['党工委', '巡察', '整改', '产业集聚区', '截至目前', '问题', '落实', '2021年3月5日', '伊产工文〔2021〕13号', '68359030', 'a@b.cn', 'https://x.cn']
const punctuation = [',', '，', ':', '：', ';', '；', '。', '、', '(', ')', '（', '）', '“', '”', '?', '!', '《', '》']
const markdownish = ['*', '_', '`', '[', ']', '<', '>', '&', '#', '-', '+', '~', '|', '\\', '&amp;', '<script>', '---', '1. ', '- ', '> ', '# ', '    ', '\t', '　　', ' ']
const closings = ['欢迎广大干部群众监督。', '联系电话：0379-68359030', '电子邮箱：abc@126.com', '中共某某县委巡察办', '2021年3月5日', '二〇二一年三月五日']

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...words) },
  { weight: 3, arbitrary: fc.constantFrom(...punctuation) },
  { weight: 2, arbitrary: fc.constantFrom(...markdownish) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom(...statuses) }
)
const freeText = fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join(''))

const line = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...headingPrefixes), freeText).map(([prefix, text]) => prefix + text) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom(...labels), fc.constantFrom(':', '：', ' ：'), fc.option(fc.constantFrom(...statuses)), freeText)
      .map(([label, colon, status, text]) => label + colon + (status ?? '') + text)
  },
  { weight: 3, arbitrary: freeText },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom(...closings) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...markdownish), freeText).map(([prefix, text]) => prefix + text) }
)

const notice = fc.tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([lines, eol, finalNewline]) => lines.join(eol) + (finalNewline ? eol : ''))

/** The text a notice.txt must hold for a source: LF line ends, trailing blank lines dropped, one final newline. */
function normalised(source: string): string {
  const text = source.replace(/\r\n?/gu, '\n').replace(/\n+$/u, '')
  return text.length === 0 ? '' : `${text}\n`
}

function roundTrip(source: string): string {
  const outcome = importText(source, 'p')
  if (!outcome.ok) throw new Error(`import refused: ${outcome.message}`)
  const files = outcome.files.map((file) => ({
    path: file.path,
    ref: file.path,
    name: file.path.split('/').pop() ?? file.path,
    kind: file.path.startsWith('findings/') ? ('finding' as const) : file.path.startsWith('sections/') ? ('section' as const) : ('notice' as const),
    text: file.text
  }))
  const loaded = loadNotice({ id: 'p', files }, { statusPhrases: defaultStatusPhrases })
  return renderText(loaded.document)
}

describe('import is lossless', () => {
  it('gives back any mix of heading schemes, labels, statuses, punctuation and Markdown syntax', () => {
    fc.assert(
      fc.property(notice, (source) => {
        expect(roundTrip(source)).toBe(normalised(source))
      }),
      { numRuns: 400 }
    )
  })

  it('gives back arbitrary Unicode text without control characters', () => {
    const anyLine = fc.string({ unit: 'grapheme', maxLength: 30 }).filter((text) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u.test(text))
    fc.assert(
      fc.property(fc.array(anyLine, { maxLength: 20 }), (lines) => {
        const source = lines.join('\n')
        expect(roundTrip(source)).toBe(normalised(source))
      }),
      { numRuns: 300 }
    )
  })
})
