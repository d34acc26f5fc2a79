import { describe, expect, it } from 'vitest'
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
    expect(first?.fields[4]?.text).toBe('已完成。2023年7月至9月对全县412家小餐饮、小作坊开展全覆盖检查，发现问题58个，均已督促整改。\n下发整改通知书58份，立案查处3起。')
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
      'done', 'done', 'done', 'in_progress', 'in_progress', 'partial', 'partial', 'done', 'done', 'done', 'done', 'in_progress', 'in_progress'
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
