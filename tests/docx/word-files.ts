/**
 * Word files made for the tests with the `docx` package, as an office's Word would save them:
 * automatic numbering, a ledger table with merged cells, a footnote, a text box, bold labels.
 */
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  Textbox,
  TextRun,
  VerticalMergeType,
  WidthType,
  type ILevelsOptions
} from 'docx'
import { strToU8, strFromU8, unzipSync, zipSync } from 'fflate'

const level = (index: number, format: ILevelsOptions['format'], text: string, start = 1): ILevelsOptions => ({ level: index, format, text, start })

export const numberingConfig = [
  {
    reference: 'headings',
    levels: [level(0, LevelFormat.CHINESE_COUNTING, '%1、'), level(1, LevelFormat.CHINESE_COUNTING, '（%2）'), level(2, LevelFormat.DECIMAL, '%3.')]
  },
  {
    reference: 'others',
    levels: [
      level(0, LevelFormat.DECIMAL_ENCLOSED_CIRCLE, '%1'),
      level(1, LevelFormat.IDEOGRAPH_TRADITIONAL, '%2.'),
      level(2, LevelFormat.LOWER_LETTER, '%3)'),
      level(3, LevelFormat.CHINESE_COUNTING_THOUSAND, '第%4条'),
      level(4, LevelFormat.DECIMAL, '%1.%5', 3)
    ]
  }
]

const numbered = (text: string, reference: string, index: number, instance?: number): Paragraph =>
  new Paragraph({ children: [new TextRun(text)], numbering: { reference, level: index, ...(instance === undefined ? {} : { instance }) } })

const labelled = (label: string, text: string): Paragraph => new Paragraph({ children: [new TextRun({ text: label, bold: true }), new TextRun(text)] })

export async function pack(document: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(document))
}

/** A notice numbered by Word's lists at three levels, with a footnote, a text box, a line break and bold labels. */
export async function numberedNotice(): Promise<Uint8Array> {
  const document = new Document({
    numbering: { config: numberingConfig },
    footnotes: { 1: { children: [new Paragraph('《中国共产党巡视工作条例》第三十四条。')] } },
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '中共某某县水利局党组', size: 44 })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '关于巡察整改进展情况的通报', size: 44 })] }),
          new Paragraph({
            children: [
              new TextRun('根据县委统一部署，县委第二巡察组对县水利局党组开展了常规巡察。'),
              new FootnoteReferenceRun(1),
              new TextRun('现将整改情况通报如下。')
            ]
          }),
          numbered('关于党的建设方面', 'headings', 0),
          numbered('理论学习不深入', 'headings', 1),
          numbered('学习制度落实不到位。', 'headings', 2),
          labelled('问题内容：', '中心组学习次数不足。'),
          labelled('整改情况：', '已完成。修订学习制度。'),
          numbered('学习笔记不全。', 'headings', 2),
          labelled('问题内容', '部分党员笔记缺失。'),
          labelled('整改情况：', '正在整改。'),
          numbered('组织生活不规范', 'headings', 1),
          numbered('三会一课记录不全。', 'headings', 2),
          new Paragraph({
            children: [new TextRun({ text: '问题内容：', bold: true }), new TextRun('记录缺页。'), new TextRun({ text: '补记说明', break: 1 })]
          }),
          labelled('整改情况：', '已完成。'),
          numbered('关于工程管理方面', 'headings', 0),
          numbered('项目验收不及时', 'headings', 1),
          numbered('两个项目逾期验收。', 'headings', 2),
          labelled('问题内容：', '验收滞后三个月。'),
          labelled('整改情况：', '已完成。'),
          new Textbox({ style: { width: '3in', height: '1in' }, children: [new Paragraph('（此框为备注：项目清单见附件）')] }),
          numbered('圆圈一', 'others', 0),
          numbered('天干甲', 'others', 1),
          numbered('字母a', 'others', 2),
          numbered('字母b', 'others', 2),
          numbered('条一', 'others', 3),
          numbered('天干乙', 'others', 1),
          numbered('圆圈二', 'others', 0),
          numbered('合成', 'others', 4),
          numbered('重新开始', 'others', 0, 2),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('中共某某县水利局党组')] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('2024年3月8日')] })
        ]
      }
    ]
  })
  return pack(document)
}

/** What Word shows for numberedNotice, line by line. */
export const numberedNoticeText = [
  '中共某某县水利局党组关于巡察整改进展情况的通报',
  '根据县委统一部署，县委第二巡察组对县水利局党组开展了常规巡察。[1]现将整改情况通报如下。',
  '一、关于党的建设方面',
  '（一）理论学习不深入',
  '1.学习制度落实不到位。',
  '问题内容：中心组学习次数不足。',
  '整改情况：已完成。修订学习制度。',
  '2.学习笔记不全。',
  '问题内容：部分党员笔记缺失。',
  '整改情况：正在整改。',
  '（二）组织生活不规范',
  '1.三会一课记录不全。',
  '问题内容：记录缺页。',
  '补记说明',
  '整改情况：已完成。',
  '二、关于工程管理方面',
  '（一）项目验收不及时',
  '1.两个项目逾期验收。',
  '问题内容：验收滞后三个月。',
  '整改情况：已完成。',
  '（此框为备注：项目清单见附件）',
  '①圆圈一',
  '甲.天干甲',
  'a)字母a',
  'b)字母b',
  '第一条条一',
  '乙.天干乙',
  '②圆圈二',
  '②.3合成',
  '①重新开始',
  '中共某某县水利局党组',
  '2024年3月8日',
  '[1]《中国共产党巡视工作条例》第三十四条。'
]

/** A short notice whose footnotes come after its closing, signature and date, the first note of two paragraphs. */
export async function notesAfterSignature(): Promise<Uint8Array> {
  const document = new Document({
    footnotes: {
      1: { children: [new Paragraph('《中国共产党巡视工作条例》第三十四条。'), new Paragraph('该条规定了整改情况公开的要求')] },
      2: { children: [new Paragraph('见县委巡察办2023年12号文件')] }
    },
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '中共某某县水利局党组关于巡察整改进展情况的通报', size: 44 })] }),
          new Paragraph({
            children: [
              new TextRun('根据县委统一部署，县委第二巡察组对县水利局党组开展了常规巡察。'),
              new FootnoteReferenceRun(1),
              new TextRun('现将整改情况通报如下。')
            ]
          }),
          new Paragraph('一、关于党的建设方面'),
          new Paragraph('1.学习制度落实不到位。'),
          new Paragraph('问题内容：中心组学习次数不足。'),
          new Paragraph({ children: [new TextRun('整改情况：已完成。修订学习制度。'), new FootnoteReferenceRun(2)] }),
          new Paragraph('欢迎监督。联系电话：0379-63330000。'),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('中共某某县水利局党组')] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('2024年3月8日')] })
        ]
      }
    ]
  })
  return pack(document)
}

const cell = (paragraphs: string[], options: { span?: number; merge?: 'restart' | 'continue' } = {}): TableCell =>
  new TableCell({
    children: paragraphs.map((text) => new Paragraph(text)),
    ...(options.span ? { columnSpan: options.span } : {}),
    ...(options.merge ? { verticalMerge: options.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {})
  })

/** A 整改台账 as a Word table: a group row merged across all columns, a unit merged down two rows, a cell of two paragraphs, two cells merged across. */
export async function ledgerTable(): Promise<Uint8Array> {
  const header = new TableRow({ tableHeader: true, children: ['序号', '问题', '整改措施', '责任单位', '完成情况'].map((text) => cell([text])) })
  const rows = [
    header,
    new TableRow({ children: [cell(['一、党的建设方面'], { span: 5 })] }),
    new TableRow({
      children: [cell(['1']), cell(['学习不深入']), cell(['制定学习计划', '每月检查一次']), cell(['办公室'], { merge: 'restart' }), cell(['已完成'])]
    }),
    new TableRow({ children: [cell(['2']), cell(['记录不全']), cell(['补齐记录']), cell([], { merge: 'continue' }), cell(['整改中'])] }),
    new TableRow({ children: [cell(['3']), cell(['台账缺失，已建立台账并长期坚持'], { span: 2 }), cell(['财务股']), cell(['已完成'])] })
  ]
  const table = new Table({ columnWidths: [800, 2400, 2400, 1600, 1600], width: { size: 8800, type: WidthType.DXA }, rows })
  const document = new Document({ sections: [{ children: [new Paragraph('整改台账如下：'), table, new Paragraph('以上为全部问题。')] }] })
  return pack(document)
}

export const ledgerTableText = [
  '整改台账如下：',
  '序号\t问题\t整改措施\t责任单位\t完成情况',
  '一、党的建设方面',
  '1\t学习不深入\t制定学习计划',
  '每月检查一次\t办公室\t已完成',
  '2\t记录不全\t补齐记录\t办公室\t整改中',
  '3\t台账缺失，已建立台账并长期坚持\t\t财务股\t已完成',
  '',
  '以上为全部问题。'
]

/** Rewrites one part of a .docx (for what the docx package cannot write, such as a level override). */
export function rewritePart(bytes: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes)
  const data = files[part]
  if (!data) throw new Error(`no ${part}`)
  files[part] = strToU8(edit(strFromU8(data)))
  return zipSync(files)
}
