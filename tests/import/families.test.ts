import { describe, expect, it } from 'vitest'
import { importText } from '../../src/import/import.js'
import { siteConfig } from '../../src/model/schema.js'
import { validateNotice } from '../../src/validate/validate.js'
import { counts, importFixture } from '../helpers/import-notice.js'

const statusesOf = (imported: ReturnType<typeof importFixture>): string[] => imported.loaded.record.findings.map((finding) => finding.status)

describe('label families', () => {
  it('reads 问题/整改措施/整改结果/责任单位/完成时限 in any order, the status from 整改结果 after 整改措施', () => {
    const imported = importFixture('labels-any-order')
    const { record } = imported.loaded
    expect(imported.text).toBe(imported.source)
    expect(record.title).toBe('中共某某县市场监督管理局党组关于巡察整改进展情况的通报')
    expect(counts(imported.loaded)).toEqual({ total: 4, done: 2, inProgress: 1, partial: 1, unknown: 0 })
    expect(record.findings.map((finding) => finding.id)).toEqual(['1-1', '1-2', '2-1', '2-2'])
    expect(statusesOf(imported)).toEqual(['done', 'in_progress', 'done', 'partial'])
    expect(record.findings.map((finding) => finding.sustained)).toEqual([false, false, true, false])
    const first = record.findings[0]
    expect(first?.fields.map((field) => [field.label, field.kind])).toEqual([
      ['问题', 'problem'],
      ['整改措施', 'measures'],
      ['责任单位', 'unit'],
      ['完成时限', 'deadline'],
      ['整改结果', 'rectification']
    ])
    // Every paragraph is in the record: the one after 整改结果 too (issue 21.1).
    expect(first?.fields[4]?.text).toBe(
      '已完成。2023年7月至9月对全县412家小餐饮、小作坊开展全覆盖检查，发现问题58个，均已督促整改。\n下发整改通知书58份，立案查处3起。'
    )
    expect(first?.rectification).toContain('制定《小餐饮小作坊分级监管办法》')
    expect(first?.rectification).toContain('下发整改通知书58份，立案查处3起。')
    expect(record.findings[1]?.fields.map((field) => field.label)).toEqual(['责任单位', '问题', '整改措施', '整改结果', '完成时限'])
    expect(record.findings[2]?.fields.find((field) => field.kind === 'person')?.text).toBe('局党组书记')
    expect(record.signature).toBe('中共某某县市场监督管理局党组')
    expect(record.dates.written).toBe('2023-10-16')
  })

  it('reads the status wherever a result field states it, and not a word in passing or a plan in the measures', () => {
    const imported = importFixture('labels-status-anywhere')
    const { record } = imported.loaded
    expect(imported.text).toBe(imported.source)
    expect(counts(imported.loaded)).toEqual({ total: 5, done: 3, inProgress: 2, partial: 0, unknown: 0 })
    expect(statusesOf(imported)).toEqual(['done', 'done', 'in_progress', 'done', 'in_progress'])
    // 完成情况 states it in its last sentence.
    expect(record.findings[0]?.statusText).toBe('已整改到位')
    // 长期坚持 alone: done and kept up.
    expect(record.findings[1]?.sustained).toBe(true)
    // 整改措施 says 确保…整改到位 (a plan); 整改落实情况 says 已完成整改.
    expect(record.findings[3]?.statusText).toBe('已完成整改')
    // 对已完成的整改事项 is in passing; 持续推进 ends the statement.
    expect(record.findings[4]?.statusText).toBe('持续推进')
    expect(record.findings[0]?.fields.map((field) => field.kind)).toEqual(['problem', 'measures', 'rectification'])
    expect(record.findings[2]?.fields.map((field) => field.label)).toEqual(['详细问题', '整改进展', '责任部门', '整改时限'])
    expect(record.signature).toBe('中共某某县交通运输局党组')
  })
})

describe('numerals and scripts', () => {
  it('reads full-width digits and markers, 1．, mixed 、 and ., headings with and without 。', () => {
    const imported = importFixture('fullwidth-numerals')
    const { record } = imported.loaded
    expect(imported.text).toBe(imported.source)
    expect(record.findings.map((finding) => finding.id)).toEqual(['1-1', '1-2', '2-1', '2-2', '3-1', '3-2'])
    expect(counts(imported.loaded)).toEqual({ total: 6, done: 4, inProgress: 2, partial: 0, unknown: 0 })
    // The text stays as written.
    expect(record.findings[0]?.title).toBe('落实“第一议题”制度不严格')
    expect(record.findings[2]?.problem).toBe('２０２０年违规发放加班补助１．２万元。')
    expect(record.dates.written).toBe('2022-09-30')
    expect(record.signature).toBe('中共某某乡委员会')
  })

  it('reads a notice in traditional script, keeping its text as written', () => {
    const imported = importFixture('traditional-script')
    const { record } = imported.loaded
    expect(imported.text).toBe(imported.source)
    expect(record.title).toBe('中共某某縣文化廣電和旅遊局黨組關於巡察整改情況的通報')
    expect(counts(imported.loaded)).toEqual({ total: 3, done: 2, inProgress: 1, partial: 0, unknown: 0 })
    expect(record.findings[0]?.sustained).toBe(true)
    expect(record.findings[0]?.statusText).toBe('已完成')
    expect(record.findings[0]?.problem).toBe('未定期分析研判意識形態領域情況。')
    expect(record.findings[0]?.fields.map((field) => [field.label, field.kind])).toEqual([
      ['問題內容', 'problem'],
      ['整改情況', 'rectification']
    ])
    expect(record.contact.phones).toEqual(['0379-66123456'])
    expect(record.contact.emails).toEqual(['wlj@example.cn'])
    expect(record.signature).toBe('中共某某縣文化廣電和旅遊局黨組')
    expect(record.dates.written).toBe('2021-12-30')
    expect(imported.loaded.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([])
  })
})

describe('status vocabulary', () => {
  it('knows 已办结, 已销号, 序时推进, 部分完成, 阶段性完成, 立行立改, 长期坚持 alone and the rest', () => {
    const imported = importFixture('status-vocabulary')
    const { record } = imported.loaded
    expect(imported.text).toBe(imported.source)
    expect(counts(imported.loaded)).toEqual({ total: 13, done: 7, inProgress: 4, partial: 2, unknown: 0 })
    expect(statusesOf(imported)).toEqual([
      'done',
      'done',
      'done',
      'in_progress',
      'in_progress',
      'partial',
      'partial',
      'done',
      'done',
      'done',
      'done',
      'in_progress',
      'in_progress'
    ])
    expect(record.findings.filter((finding) => finding.sustained).map((finding) => finding.id)).toEqual(['1-9', '1-10'])
  })

  it('takes a site’s own phrases (site.yml statusPhrases)', () => {
    const plain = importFixture('status-vocabulary')
    expect(plain.loaded.record.findings[6]?.status).toBe('partial')
    const own = importFixture('status-vocabulary', { 阶段性完成: 'in_progress' })
    expect(own.loaded.record.findings[6]?.status).toBe('in_progress')
  })
})

describe('heading-sentence findings', () => {
  it('reads the status from the prose of each heading sentence; group headings and narrative sections are not findings', () => {
    const imported = importFixture('heading-sentences')
    const { record } = imported.loaded
    expect(imported.text).toBe(imported.source)
    expect(record.findings.map((finding) => finding.id)).toEqual(['2-1-1', '2-1-2', '2-1-3', '2-2-1', '2-2-2'])
    expect(counts(imported.loaded)).toEqual({ total: 5, done: 3, inProgress: 1, partial: 1, unknown: 0 })
    expect(statusesOf(imported)).toEqual(['done', 'in_progress', 'done', 'partial', 'done'])
    expect(record.findings.map((finding) => finding.statusText)).toEqual(['已整改完成', '持续推进', '已整改到位', '已取得阶段性成效', '已整改到位'])
    const first = record.findings[0]
    expect(first?.title).toBe('学习贯彻习近平总书记关于治水重要论述不深入。')
    expect(first?.problem).toBe('学习贯彻习近平总书记关于治水重要论述不深入。')
    expect(first?.rectification).toMatch(/^局党组修订理论学习中心组学习计划.*该问题已整改完成。$/u)
    // The heading without a full stop owns both paragraphs below it.
    expect(record.findings[2]?.rectification).toBe(
      '针对这一问题，局党组建立重点项目周调度机制，倒排工期，压实责任。\n截至目前，5个项目已全部完成前期工作，已整改到位。'
    )
    expect(record.findings[2]?.fields.map((field) => field.kind)).toEqual(['problem', 'rectification'])
    expect(record.signature).toBe('中共某某县水利局党组')
  })
})

describe('closings', () => {
  it('keeps 下一步 and the statistics outside the last finding, and reads numbered contact lines, 邮政信箱, a wrapped signature and a trailing note', () => {
    const imported = importFixture('closings')
    const { record } = imported.loaded
    expect(imported.text).toBe(imported.source)
    expect(counts(imported.loaded)).toEqual({ total: 3, done: 2, inProgress: 1, partial: 0, unknown: 0 })
    expect(record.findings[2]?.rectification).toBe('已完成，长期坚持。开展窗口服务作风专项整治。')
    expect(record.findings[2]?.fields.every((field) => !field.text.includes('下一步'))).toBe(true)
    expect(record.signature).toBe('中共某某市住房和城乡建设局党组')
    expect(record.dates.written).toBe('2023-10-30')
    expect(record.contact).toEqual({ phones: ['0371-66220000'], emails: ['zjj_xczg@example.cn'], address: '某某市邮政局123号信箱', postcode: '450000' })
    // Files keep their numbered names: the text after the last finding follows it.
    expect(imported.report.sequentialNames).toBe(false)
    expect(imported.files.map((file) => file.path)).toContain('sections/03-00.md')
    // The numbered contact lines are not headings.
    expect(imported.loaded.document.headings.map((heading) => heading.numberText)).toEqual(['一、', '二、', '三、'])
  })
})

describe('several inspected units', () => {
  it('gives each unit section its own statistics beside the aggregate', () => {
    const imported = importFixture('several-units')
    const { record } = imported.loaded
    expect(imported.text).toBe(imported.source)
    expect(counts(imported.loaded)).toEqual({ total: 7, done: 4, inProgress: 2, partial: 1, unknown: 0 })
    expect(
      record.units?.map((unit) => [
        unit.name,
        unit.findings,
        unit.stats.total,
        unit.stats.byStatus.done,
        unit.stats.byStatus.in_progress,
        unit.stats.byStatus.partial
      ])
    ).toEqual([
      ['县教育局党组', ['1-1', '1-2', '1-3'], 3, 2, 1, 0],
      ['县卫生健康委员会党组', ['2-1', '2-2'], 2, 1, 0, 1],
      ['县医疗保障局党组', ['3-1', '3-2'], 2, 1, 1, 0]
    ])
    expect(record.units?.map((unit) => unit.stats.completionRate)).toEqual([66.7, 50, 50])
  })

  it('finds no units in a notice whose sections are themes', () => {
    expect(importFixture('labels-any-order').loaded.record.units).toBeUndefined()
    expect(importFixture('heading-sentences').loaded.record.units).toBeUndefined()
  })
})

describe('pages copied from a portal', () => {
  it('leaves out the breadcrumb, headline, metadata block and chrome, lists them, keeps them in notice.md, and reads the real title', () => {
    const imported = importFixture('portal-page')
    const { record } = imported.loaded
    const input = imported.source.split('\n')
    expect(imported.report.omitted.map((line) => [line.line, line.as])).toEqual([
      [1, 'chrome'],
      [2, 'metadata'],
      [3, 'metadata'],
      [4, 'metadata'],
      [5, 'metadata'],
      [6, 'metadata'],
      [7, 'chrome'],
      [8, 'chrome'],
      [20, 'chrome'],
      [21, 'chrome'],
      [22, 'chrome'],
      [23, 'chrome']
    ])
    for (const line of imported.report.omitted) expect(line.text).toBe(input[line.line - 1])
    // notice.txt is the input minus exactly the omitted lines.
    const omitted = new Set(imported.report.omitted.map((line) => line.line))
    expect(imported.text).toBe(`${input.filter((_, index) => !omitted.has(index + 1) && index < input.length - 1).join('\n')}\n`)
    expect(imported.report.title).toBe('中共某某县农业农村局党组关于县委第三巡察组巡察反馈意见整改情况的通报')
    expect(imported.report.titleFrom).toBe('text')
    expect(record.title).toBe(imported.report.title)
    expect(record.disclosure).toEqual({
      indexNumber: '11410329MB1234567X/2023-00125',
      publisher: '中共某某县农业农村局党组',
      openness: '主动公开',
      category: '巡察工作',
      docNumber: '某农党〔2023〕5号'
    })
    expect(record.dates).toEqual({ written: '2023-08-15', published: '2023-08-16' })
    expect(record.source).toBe('某某县纪委监委')
    expect(imported.loaded.meta.omitted).toEqual(imported.report.omitted)
    expect(counts(imported.loaded)).toEqual({ total: 2, done: 1, inProgress: 1, partial: 0, unknown: 0 })
    expect(imported.report.findings).toEqual([
      { id: '1', status: 'done', line: 11 },
      { id: '2', status: 'in_progress', line: 14 }
    ])
    // The signature and date before the page's closing chrome are read.
    expect(record.signature).toBe('中共某某县农业农村局党组')
  })
})

describe('ledger tables', () => {
  it('reads rows pasted from Word: one finding per row, fields from the columns, cells over several lines, merged rows as group headings', () => {
    const imported = importFixture('ledger-tab')
    const { record } = imported.loaded
    expect(imported.text).toBe(imported.source)
    expect(record.title).toBe('中共某某县财政局党组巡察整改落实情况台账')
    expect(record.findings.map((finding) => finding.id)).toEqual(['1-1', '1-2', '2-3', '2-4'])
    expect(counts(imported.loaded)).toEqual({ total: 4, done: 2, inProgress: 1, partial: 1, unknown: 0 })
    expect(record.findings[2]?.sustained).toBe(true)
    const first = record.findings[0]
    expect(first?.fields).toEqual([
      { label: '反馈问题', kind: 'problem', text: '落实过紧日子要求不到位，2022年“三公”经费支出同比增长8%。' },
      { label: '整改措施', kind: 'measures', text: '1.修订《县直单位公务支出管理办法》；\n2.将“三公”经费纳入预算执行监控重点。' },
      { label: '责任单位', kind: 'unit', text: '预算股' },
      { label: '完成时限', kind: 'deadline', text: '2023年6月底' },
      { label: '完成情况', kind: 'rectification', text: '已完成。2023年上半年“三公”经费同比下降12%。' }
    ])
    expect(first?.title).toBe('落实过紧日子要求不到位，2022年“三公”经费支出同比增长8%。')
    expect(record.findings[3]?.fields.at(-1)?.text).toBe('基本完成。已检查4个下属单位，\n剩余1个单位10月底前完成。')
    // `2.` and `3.` inside a cell are not headings: only the merged rows are.
    expect(imported.loaded.document.headings.map((heading) => heading.numberText)).toEqual(['一、', '二、'])
    const problems = validateNotice(imported.loaded, siteConfig.parse({}))
    expect(problems.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([])
    expect(problems.filter((diagnostic) => diagnostic.rule === 'numbering')).toEqual([])
    expect(record.signature).toBe('中共某某县财政局党组')
  })

  it('starts a finding after a table afresh: the heading above the table belongs to its rows, not to the next finding', () => {
    const source = [
      '一、党的建设方面',
      '序号\t问题\t整改措施\t责任单位\t完成情况',
      '1\t会议记录不全\t建立制度\t办公室\t已完成。',
      '问题内容：学习不够。',
      '整改情况：已完成。',
      ''
    ].join('\n')
    const outcome = importText(source, 'n')
    if (!outcome.ok) throw new Error(outcome.message)
    expect(outcome.report.findings.map((finding) => finding.line)).toEqual([3, 4])
  })

  it('reads a GFM table in Markdown content', () => {
    const imported = importFixture('ledger-gfm')
    const { record } = imported.loaded
    expect(imported.text).toBe(imported.source)
    expect(record.findings.map((finding) => finding.id)).toEqual(['1', '2', '3'])
    expect(counts(imported.loaded)).toEqual({ total: 3, done: 2, inProgress: 1, partial: 0, unknown: 0 })
    expect(record.findings[1]?.fields).toEqual([
      { label: '问题', kind: 'problem', text: '人民调解员培训不足' },
      { label: '整改措施', kind: 'measures', text: '制定年度培训计划' },
      { label: '责任人', kind: 'person', text: '李某某' },
      { label: '整改时限', kind: 'deadline', text: '2023年6月' },
      { label: '整改进展', kind: 'rectification', text: '整改中' }
    ])
    expect(validateNotice(imported.loaded, siteConfig.parse({})).filter((diagnostic) => diagnostic.severity === 'error')).toEqual([])
  })
})
