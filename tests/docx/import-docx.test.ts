import { describe, expect, it } from 'vitest'
import { docxText, importDocx } from '../../src/import/docx/import-docx.js'
import { formatNumber } from '../../src/import/docx/number-format.js'
import { loadNotice, type LoadedNotice, type SourceKind } from '../../src/load/notice.js'
import { defaultStatusPhrases } from '../../src/model/vocabulary.js'
import { ledgerTable, ledgerTableText, notesAfterSignature, numberedNotice, numberedNoticeText, rewritePart } from './word-files.js'

/** The content files an import wrote, loaded as the build loads them. */
function load(files: ReadonlyArray<{ path: string; text: string }>): LoadedNotice {
  const kind = (file: string): SourceKind => (file.startsWith('findings/') ? 'finding' : file.startsWith('sections/') ? 'section' : 'notice')
  return loadNotice(
    {
      id: 'n',
      files: files.map((file) => ({
        path: `n/${file.path}`,
        ref: `n/${file.path}`,
        name: file.path.split('/').pop() ?? file.path,
        kind: kind(file.path),
        text: file.text
      }))
    },
    { statusPhrases: defaultStatusPhrases }
  )
}

describe('a .docx read as Word shows it', () => {
  it('draws automatic numbering at three levels, restarting under each parent, and keeps notes, boxes, breaks and bold labels', async () => {
    const read = docxText(await numberedNotice())
    if (!read.ok) throw new Error(read.message)
    expect(read.text.split('\n')).toEqual(numberedNoticeText)
    expect(read.report.title).toEqual({ text: '中共某某县水利局党组关于巡察整改进展情况的通报', as: 'line' })
    expect(read.report.counts).toEqual({ lines: numberedNoticeText.length, numbered: 18, tableRows: 0, notes: 1, textBoxLines: 1, boldLabels: 8 })
    const origin = (line: number) => read.report.origins.find((entry) => entry.line === line)
    expect(origin(4)).toEqual({ line: 4, from: 'paragraph', numbering: '（一）' })
    expect(origin(9)).toEqual({ line: 9, from: 'paragraph', label: '问题内容', colonAdded: true })
    expect(origin(14)).toEqual({ line: 14, from: 'paragraph', continues: true })
    expect(origin(21)).toEqual({ line: 21, from: 'textbox' })
    expect(origin(numberedNoticeText.length)).toEqual({ line: numberedNoticeText.length, from: 'footnote' })
  })

  it('imports the numbered notice with the findings a reader counts', async () => {
    const outcome = importDocx(await numberedNotice(), 'n')
    if (!outcome.ok) throw new Error(outcome.message)
    expect(outcome.report.stats.total).toBe(4)
    expect(outcome.report.stats.byStatus).toEqual(expect.objectContaining({ done: 3, in_progress: 1 }))
    expect(outcome.report.titleFrom).toBe('text')
    const notice = outcome.files.find((file) => file.path === 'notice.md')?.text ?? ''
    expect(notice).toContain('中共某某县水利局党组关于巡察整改进展情况的通报')
  })

  it("reads a ledger table: tab-separated rows, merged rows alone, vertical merges repeated, a cell's further paragraphs in its column on the next line", async () => {
    const read = docxText(await ledgerTable())
    if (!read.ok) throw new Error(read.message)
    expect(read.text.split('\n')).toEqual(ledgerTableText)
    expect(read.report.counts.tableRows).toBe(5)
    expect(read.report.origins.find((entry) => entry.line === 3)).toEqual({ line: 3, from: 'table', mergedRow: true })
    expect(read.report.origins.find((entry) => entry.line === 5)).toEqual({ line: 5, from: 'table', continues: true })
  })

  it("imports a ledger table row by row: a cell's second paragraph stays in its own column, the paragraph after the table stays out of it", async () => {
    const outcome = importDocx(await ledgerTable(), 'n')
    if (!outcome.ok) throw new Error(outcome.message)
    const notice = load(outcome.files)
    const fields = notice.record.findings.map((finding) => Object.fromEntries(finding.fields.map((field) => [field.label, field.text])))
    expect(fields).toHaveLength(3)
    expect(fields).toEqual([
      { 问题: '学习不深入', 整改措施: '制定学习计划\n每月检查一次', 责任单位: '办公室', 完成情况: '已完成' },
      { 问题: '记录不全', 整改措施: '补齐记录', 责任单位: '办公室', 完成情况: '整改中' },
      // The paragraph after the table is not the last cell going on: the table ends where Word ends it.
      { 问题: '台账缺失，已建立台账并长期坚持', 整改措施: '', 责任单位: '财务股', 完成情况: '已完成' }
    ])
  })

  it('reads the signature and date as the closing when footnotes of several paragraphs come after them', async () => {
    const read = docxText(await notesAfterSignature())
    if (!read.ok) throw new Error(read.message)
    expect(read.text.split('\n').slice(-5)).toEqual([
      '中共某某县水利局党组',
      '2024年3月8日',
      '[1]《中国共产党巡视工作条例》第三十四条。',
      '该条规定了整改情况公开的要求',
      '[2]见县委巡察办2023年12号文件'
    ])
    const outcome = importDocx(await notesAfterSignature(), 'n')
    if (!outcome.ok) throw new Error(outcome.message)
    const notice = load(outcome.files)
    expect(notice.record.signature).toBe('中共某某县水利局党组')
    expect(notice.record.dates.written).toBe('2024-03-08')
    expect(notice.record.contact?.phones).toEqual(['0379-63330000'])
    // The finding ends at its own text: neither the closing nor the notes are read into it.
    expect(notice.record.findings.map((finding) => finding.rectification)).toEqual(['已完成。修订学习制度。[2]'])
    expect(notice.document.roles.slice(-3)).toEqual([{ kind: 'closing' }, { kind: 'closing' }, { kind: 'closing' }])
  })

  it('honours a level override and a start override of numbering.xml', async () => {
    const bytes = rewritePart(await numberedNotice(), 'word/numbering.xml', (xml) =>
      // The restarted list (the last num) draws its first level as 甲 from 5 (戊) instead.
      xml.replace(
        /(<w:num w:numId="(\d+)"><w:abstractNumId w:val="\d+"\/>)<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"\/><\/w:lvlOverride>(<\/w:num><\/w:numbering>)/u,
        '$1<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%1）"/></w:lvl></w:lvlOverride>$3'
      )
    )
    const read = docxText(bytes)
    if (!read.ok) throw new Error(read.message)
    expect(read.text.split('\n')).toContain('戊）重新开始')
  })

  it('formats counters as Word does', () => {
    expect([1, 10, 11, 20, 21, 99, 100, 105].map((value) => formatNumber(value, 'chineseCounting'))).toEqual([
      '一',
      '十',
      '十一',
      '二十',
      '二十一',
      '九十九',
      '一百',
      '一百〇五'
    ])
    expect(formatNumber(105, 'chineseCountingThousand')).toBe('一百零五')
    expect([1, 20, 21, 50].map((value) => formatNumber(value, 'decimalEnclosedCircle'))).toEqual(['①', '⑳', '㉑', '㊿'])
    expect([1, 10].map((value) => formatNumber(value, 'ideographTraditional'))).toEqual(['甲', '癸'])
    expect([1, 26, 27].map((value) => formatNumber(value, 'lowerLetter'))).toEqual(['a', 'z', 'aa'])
    expect(formatNumber(14, 'upperRoman')).toBe('XIV')
    expect(formatNumber(12, 'chineseLegalSimplified')).toBe('壹拾贰')
  })

  it('refuses a damaged file with a message', async () => {
    const bytes = await numberedNotice()
    const cut = docxText(bytes.slice(0, Math.floor(bytes.length / 2)))
    expect(cut.ok).toBe(false)
    const broken = docxText(rewritePart(bytes, 'word/document.xml', (xml) => xml.slice(0, xml.length - 40)))
    expect(broken).toEqual({ ok: false, message: expect.stringContaining('word/document.xml 不是完整的 XML') })
  })
})
