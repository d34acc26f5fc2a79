/**
 * Notes at the end of a notice (`[1]…`), as text pasted from Word and Word files bring them: after
 * the signature and date, a note over several lines, a note line that reads like a unit's name.
 */
import { describe, expect, it } from 'vitest'
import { importFixture } from '../helpers/import-notice.js'

describe('notes after the closing', () => {
  it('leaves the closing, the signature and the date where they are, and the findings their own text', () => {
    const imported = importFixture('notes-at-end')
    const { record, document } = imported.loaded
    expect(imported.text).toBe(imported.source)
    expect(record.signature).toBe('中共某某县林业局党组')
    expect(record.dates.written).toBe('2023-09-20')
    expect(record.contact?.phones).toEqual(['0379-65551234'])
    expect(record.findings.map((finding) => [finding.id, finding.status, finding.rectification])).toEqual([
      ['1-1', 'done', '已完成。建立防火检查台账，每月检查一次。'],
      ['1-2', 'in_progress', '正在整改。已配发巡护终端，年底前全部到岗。']
    ])
    // Every line of the notes is in the closing, in notice.md.
    const notes = document.lines.map((line, index) => [line.text, document.roles[index]?.kind]).slice(-4)
    expect(notes).toEqual([
      ['[1]《中国共产党巡视工作条例》第三十四条。', 'closing'],
      ['该条规定了整改情况公开的要求', 'closing'],
      ['[2]县林业局', 'closing'],
      ['护林员管理办法第五条', 'closing']
    ])
  })
})
