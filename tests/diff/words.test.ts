import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { diffWords, words } from '../../src/diff/words.js'
import { renderDiffText } from '../../src/diff/text.js'
import { compareFindings } from '../../src/diff/compare.js'
import type { FindingRecord } from '../../src/model/schema.js'

const join = (segments: ReturnType<typeof diffWords>, skip: 'ins' | 'del'): string =>
  segments
    .filter((segment) => segment.kind !== skip)
    .map((segment) => segment.text)
    .join('')

describe('word-level differences in Chinese text', () => {
  it('splits Chinese into words, not characters', () => {
    expect(words('整改情况正在整改')).toContain('情况')
  })

  it('replaces whole words: 正在整改 becomes 已完成', () => {
    expect(diffWords('正在整改。现已签订合同', '已完成。现已签订合同')).toEqual([
      { kind: 'del', text: '正在整改' },
      { kind: 'ins', text: '已完成' },
      { kind: 'same', text: '。现已签订合同' }
    ])
  })

  it('always rebuilds both texts, with no empty or repeated runs', () => {
    const chinese = fc.string({ unit: fc.constantFrom(...'整改情况已完成正在问题内容的了，。、1２a '.split('')), maxLength: 40 })
    fc.assert(
      fc.property(chinese, chinese, (before, after) => {
        const segments = diffWords(before, after)
        expect(join(segments, 'ins')).toBe(before)
        expect(join(segments, 'del')).toBe(after)
        for (const [index, segment] of segments.entries()) {
          expect(segment.text).not.toBe('')
          expect(segments[index + 1]?.kind).not.toBe(segment.kind)
        }
        if (before === after) expect(segments.every((segment) => segment.kind === 'same')).toBe(true)
      }),
      { numRuns: 300 }
    )
  })
})

const record = (id: string, path: number[], rectification = '已完成。'): FindingRecord => ({
  id,
  anchor: `f-${id}`,
  path,
  title: `问题${id}`,
  status: rectification.startsWith('正在') ? 'in_progress' : 'done',
  statusText: rectification.startsWith('正在') ? '正在整改' : '已完成',
  sustained: false,
  problem: '内容',
  rectification,
  labels: [],
  fields: [],
  source: { file: `t/findings/${id}.md`, line: 1 }
})

describe('the terminal summary', () => {
  const diff = {
    notices: [{ id: 't', change: 'kept' as const, fields: [], findings: compareFindings([record('a', [1], '正在整改。')], [record('a', [1], '已完成。')]) }]
  }

  it('is coloured only when asked, and marks changes in words otherwise', () => {
    const plain = renderDiffText(diff, { name: 'A' }, { name: 'B' }, { colour: false })
    const coloured = renderDiffText(diff, { name: 'A' }, { name: 'B' }, { colour: true })
    expect(plain).not.toContain('\x1b[')
    expect(plain).toContain('[-正在整改-]{+已完成+}')
    expect(coloured).toContain('\x1b[31m正在整改\x1b[0m')
    expect(coloured).toContain('\x1b[32m已完成\x1b[0m')
  })
})

describe('matching findings by id', () => {
  it('keeps a removed finding next to where it was and reports renumbering as a move', () => {
    const diffs = compareFindings([record('a', [1]), record('b', [2]), record('c', [3])], [record('a', [1]), record('c', [2]), record('d', [3])])
    expect(diffs.map((entry) => `${entry.id}:${entry.change}`)).toEqual(['a:unchanged', 'b:removed', 'c:moved', 'd:added'])
  })
})
