/**
 * import(export(notice)) = notice: a notice written to a .docx and read back gives the same title,
 * findings (ids, titles, statuses, fields, text), statistics, 落款 and notice.txt.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { importDocx } from '../../src/import/docx/import-docx.js'
import { importText } from '../../src/import/import.js'
import type { LoadedNotice } from '../../src/load/notice.js'
import { loadImported } from '../helpers/import-notice.js'
import { renderDocxModel } from '../../src/render/site.js'
import { packDocx } from '../../src/render/docx/pack.js'
import { renderText } from '../../src/render/text.js'
import { repoRoot, seedFile } from '../helpers/cli.js'

function load(files: ReadonlyArray<{ path: string; text: string }>): LoadedNotice {
  return loadImported('n', files)
}

function importedText(source: string): LoadedNotice {
  const outcome = importText(source, 'n')
  if (!outcome.ok) throw new Error(`import refused at line ${outcome.line}: ${outcome.message}`)
  return load(outcome.files)
}

async function throughWord(notice: LoadedNotice): Promise<LoadedNotice> {
  const outcome = importDocx(await packDocx(renderDocxModel(notice)), 'n')
  if (!outcome.ok) throw new Error(`docx import refused at line ${outcome.line}: ${outcome.message}`)
  return load(outcome.files)
}

/** What a reader of the notice sees of it: everything but where each finding's file is. */
function essence(notice: LoadedNotice): unknown {
  const { record } = notice
  return {
    title: record.title,
    signature: record.signature,
    written: record.dates.written,
    contact: record.contact,
    stats: record.stats,
    findings: record.findings.map(({ source: _source, ...finding }) => finding),
    text: renderText(notice.document)
  }
}

/** Every import fixture, notices and structures alike. */
const fixtures = ['notices', 'structures'].flatMap((folder) =>
  readdirSync(path.join(repoRoot, 'tests', 'fixtures', folder))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => `${folder}/${name}`)
)

describe('a notice through Word and back', () => {
  it('is the same notice for the seed text', async () => {
    const notice = importedText(readFileSync(seedFile, 'utf8'))
    expect(notice.record.findings).toHaveLength(25)
    expect(essence(await throughWord(notice))).toEqual(essence(notice))
  })

  it('keeps title, signature and date from notice.md as notice.md fields, not as lines of the text', async () => {
    const source = readFileSync(seedFile, 'utf8')
    const outcome = importText(source, 'n', {
      frontmatter: { title: '某某单位关于巡察整改情况的通报', signature: '中共某某县某某局党组', dates: { written: '2021-04-15' } }
    })
    if (!outcome.ok) throw new Error(outcome.message)
    const notice = load(outcome.files)
    const back = await throughWord(notice)
    expect(essence(back)).toEqual(essence(notice))
    expect(back.record.signature).toBe('中共某某县某某局党组')
    expect(back.record.dates.written).toBe('2021-04-15')
    // The exported title, signature and date went back to notice.md: the text has no line of them.
    expect(renderText(back.document)).not.toMatch(/某某单位关于巡察整改情况的通报|中共某某县某某局党组|2021年4月15日/u)
  })

  it.each(fixtures)('is the same notice for the import fixture %s', async (name) => {
    const notice = importedText(readFileSync(path.join(repoRoot, 'tests', 'fixtures', name), 'utf8'))
    expect(essence(await throughWord(notice))).toEqual(essence(notice))
  })

  it('keeps a ledger pasted as tab-separated rows: a Word table that reads back as the same rows', async () => {
    const source = [
      '某某局关于巡察整改情况的通报',
      '现将整改台账公布如下。',
      '序号\t问题\t整改措施\t完成情况',
      '1\t学习不深入\t制定学习计划\t已完成',
      '2\t记录不全\t补齐记录\t整改中',
      '欢迎监督。',
      ''
    ].join('\n')
    const notice = importedText(source)
    const model = renderDocxModel(notice)
    expect(model.blocks.filter((block) => block.kind === 'table')).toEqual([
      {
        kind: 'table',
        header: true,
        rows: [
          { cells: ['序号', '问题', '整改措施', '完成情况'], font: 'hei' },
          { cells: ['1', '学习不深入', '制定学习计划', '已完成'], font: 'fang' },
          { cells: ['2', '记录不全', '补齐记录', '整改中'], font: 'fang' }
        ]
      }
    ])
    expect(essence(await throughWord(notice))).toEqual(essence(notice))
  })

  it('writes a Markdown ledger as a Word table and reads it back as the same Markdown lines', async () => {
    const notice = importedText(readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'notices', 'ledger-gfm.txt'), 'utf8'))
    const tables = renderDocxModel(notice).blocks.filter((block) => block.kind === 'table')
    expect(tables).toEqual([
      {
        kind: 'table',
        header: true,
        format: 'gfm',
        rows: [
          { cells: ['序号', '问题', '整改措施', '责任人', '整改时限', '整改进展'], font: 'hei' },
          { cells: ['1', '社区矫正对象日常监管不严', '落实电子定位监管，每月走访', '张某某', '2023年3月', '已完成'], font: 'fang' },
          { cells: ['2', '人民调解员培训不足', '制定年度培训计划', '李某某', '2023年6月', '整改中'], font: 'fang' },
          { cells: ['3', '法律援助案件质量不高', '开展案件质量评查', '王某某', '2023年6月', '已完成整改'], font: 'fang' }
        ]
      }
    ])
    const document = strFromU8(unzipSync(await packDocx(renderDocxModel(notice)))['word/document.xml'] as Uint8Array)
    expect(document).not.toContain('| 1 |')
    expect(document.match(/<w:tr>/gu)).toHaveLength(4)
    const back = await throughWord(notice)
    expect(back.record.findings.map((finding) => finding.status)).toEqual(['done', 'in_progress', 'done'])
    expect(essence(back)).toEqual(essence(notice))
  })

  it('writes a ledger as one Word table, a row per finding, and reads it back row by row as one finding per row', async () => {
    const notice = importedText(readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'notices', 'ledger-tab.txt'), 'utf8'))
    expect(notice.record.findings).toHaveLength(4)
    const tables = renderDocxModel(notice).blocks.filter((block) => block.kind === 'table')
    // One table: the header, the two group headings merged across it, and the four findings, a cell of several paragraphs kept in its column.
    expect(tables).toHaveLength(1)
    const rows = tables[0]?.kind === 'table' ? tables[0].rows : []
    expect(rows.map((row) => (row.merged ? `merged:${row.cells[0]}` : row.cells[0]))).toEqual([
      '序号',
      'merged:一、落实党的路线方针政策方面',
      '1',
      '2',
      'merged:二、全面从严治党方面',
      '3',
      '4'
    ])
    expect(rows[2]?.cells[2]).toBe('1.修订《县直单位公务支出管理办法》；\n2.将“三公”经费纳入预算执行监控重点。')
    expect(rows[6]?.cells[5]).toBe('基本完成。已检查4个下属单位，\n剩余1个单位10月底前完成。')
    expect(rows[1]?.font).toBe('hei')

    const bytes = await packDocx(renderDocxModel(notice))
    const document = strFromU8(unzipSync(bytes)['word/document.xml'] as Uint8Array)
    expect(document.match(/<w:tbl>/gu)).toHaveLength(1)
    expect(document.match(/<w:tr>/gu)).toHaveLength(7)
    expect(document.match(/<w:tblHeader\/>/gu)).toHaveLength(1)

    const back = await throughWord(notice)
    expect(back.record.findings.map((finding) => [finding.id, finding.status, finding.fields.find((field) => field.label === '整改措施')?.text])).toEqual([
      ['1-1', 'done', '1.修订《县直单位公务支出管理办法》；\n2.将“三公”经费纳入预算执行监控重点。'],
      ['1-2', 'in_progress', '建立项目绩效目标审核机制。'],
      ['2-3', 'done', '1.制定党组落实全面从严治党主体责任清单；\n2.每季度专题研究一次党风廉政建设工作；\n3.开展廉政警示教育。'],
      ['2-4', 'partial', '开展下属单位财务专项检查。']
    ])
    expect(essence(back)).toEqual(essence(notice))
  })
})
