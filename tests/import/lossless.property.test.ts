import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { importText } from '../../src/import/import.js'
import { loadNotice } from '../../src/load/notice.js'
import { defaultStatusPhrases } from '../../src/model/vocabulary.js'
import { renderText } from '../../src/render/text.js'

const headingPrefixes = [
  '一、',
  '二、',
  '三、',
  '（一）',
  '(二)',
  '（三）',
  '1、',
  '2.',
  '3．',
  '10、',
  '（1）',
  '(2)',
  '一是',
  '二是',
  '三是',
  '１．',
  '４、',
  '（３）',
  '1．'
]
const labels = [
  '问题内容',
  '详细问题',
  '整改情况',
  '整改落实情况',
  '整改措施',
  '责任单位',
  '责任人',
  '整改时限',
  '完成时限',
  '【整改情况】',
  '问题',
  '整改结果',
  '完成情况',
  '责任部门',
  '責任單位',
  '問題內容',
  '整改情況'
]
const statuses = [
  '已完成',
  '已完成,长期坚持。',
  '已完成，长期坚持。',
  '正在整改。',
  '正在办理。',
  '基本完成；',
  '未完成',
  '申请延期整改',
  '（已整改到位）',
  '立行立改',
  '已办结',
  '长期坚持。',
  '部分完成',
  '已完成，長期堅持。',
  '该问题已整改到位。',
  '确保整改到位。'
]
const words = ['党工委', '巡察', '整改', '产业集聚区', '截至目前', '问题', '落实', '2021年3月5日', '伊产工文〔2021〕13号', '68359030', 'a@b.cn', 'https://x.cn']
const punctuation = [',', '，', ':', '：', ';', '；', '。', '、', '(', ')', '（', '）', '“', '”', '?', '!', '《', '》']
const markdownish = [
  '*',
  '_',
  '`',
  '[',
  ']',
  '<',
  '>',
  '&',
  '#',
  '-',
  '+',
  '~',
  '|',
  '\\',
  '&amp;',
  '<script>',
  '---',
  '1. ',
  '- ',
  '> ',
  '# ',
  '    ',
  '\t',
  '　　',
  ' '
]
/** Ledger rows (tab-separated and GFM) and the lines of a portal page, which the import leaves out and lists. */
const ledgerAndPortal = [
  '序号\t问题\t整改措施\t责任单位\t完成情况',
  '1\t会议记录不全\t1.建立制度；',
  '2.明确专人。\t办公室\t已完成。',
  '2\t问题\t措施\t单位\t正在整改',
  '| 序号 | 问题 | 整改措施 | 完成情况 |',
  '| --- | --- | --- | --- |',
  '| 1 | 甲 | 乙 | 已完成 |',
  '信息索引号：11410329/2023-001\t主题分类：巡察',
  '发布时间：2023-08-16\t来源：县纪委',
  '【字体：大 中 小】【打印本页】【关闭窗口】',
  '上一篇：关于某某的通报',
  '首页 > 信息公开 > 巡察整改',
  '（此件公开发布）'
]
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
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...ledgerAndPortal), fc.option(freeText)).map(([row, text]) => row + (text ?? '')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...markdownish), freeText).map(([prefix, text]) => prefix + text) }
)

const notice = fc
  .tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([lines, eol, finalNewline]) => lines.join(eol) + (finalNewline ? eol : ''))

/** The text a notice.txt must hold for a source: LF line ends, trailing blank lines dropped, one final newline. */
function normalised(source: string): string {
  const text = source.replace(/\r\n?/gu, '\n').replace(/\n+$/u, '')
  return text.length === 0 ? '' : `${text}\n`
}

/** The text read back from the imported files, and the text it must equal: the source without the lines the import left out. */
function roundTrip(source: string): { text: string; expected: string } {
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
  const omitted = new Set(outcome.report.omitted.map((line) => line.line))
  const kept = source
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .filter((_, index) => !omitted.has(index + 1))
    .join('\n')
  return { text: renderText(loaded.document), expected: normalised(kept) }
}

describe('import is lossless', () => {
  it('gives back any mix of heading schemes, labels, statuses, punctuation and Markdown syntax', () => {
    fc.assert(
      fc.property(notice, (source) => {
        const { text, expected } = roundTrip(source)
        expect(text).toBe(expected)
      }),
      { numRuns: 400 }
    )
  })

  it('gives back arbitrary Unicode text without control characters', () => {
    const anyLine = fc.string({ unit: 'grapheme', maxLength: 30 }).filter((text) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u.test(text))
    fc.assert(
      fc.property(fc.array(anyLine, { maxLength: 20 }), (lines) => {
        const source = lines.join('\n')
        const { text, expected } = roundTrip(source)
        expect(text).toBe(expected)
      }),
      { numRuns: 300 }
    )
  })
})
