import { describe, expect, it } from 'vitest'
import type { Fix } from '../../src/diagnostics/diagnostic.js'
import { applyFixes } from '../../src/fix/edit.js'
import { fixFile } from '../../src/fix/plan.js'
import { fixIn } from '../../src/validate/rule.js'
import { docNumber } from '../../src/validate/rules/doc-number.js'
import { punctuationWidth } from '../../src/validate/rules/punctuation-width.js'
import { typo } from '../../src/validate/rules/typo.js'
import { validateNotice } from '../../src/validate/validate.js'
import { finding, load, run, site } from './notice-fixture.js'

const fix = (line: number, column: number, endColumn: number, original: string, replacement: string): Fix => ({
  file: 'f.md',
  line,
  column,
  endLine: line,
  endColumn,
  original,
  replacement
})

describe('applying fixes (a pure function)', () => {
  it('replaces each range and keeps the rest of the text as it was', () => {
    const text = '---\nid: a\n---\n\n问题,内容;完\n'
    const result = applyFixes(text, [fix(5, 3, 4, ',', '，'), fix(5, 6, 7, ';', '；')], 4)
    expect(result.text).toBe('---\nid: a\n---\n\n问题，内容；完\n')
    expect(result.applied).toHaveLength(2)
  })

  it('never edits lines before the body (frontmatter)', () => {
    const text = '---\ntitle: 甲,乙\n---\n\n甲,乙\n'
    const result = applyFixes(text, [fix(2, 9, 10, ',', '，'), fix(5, 2, 3, ',', '，')], 4)
    expect(result.text).toBe('---\ntitle: 甲,乙\n---\n\n甲，乙\n')
    expect(result.skipped).toHaveLength(1)
  })

  it('skips a fix whose source no longer reads as expected, and overlapping fixes', () => {
    const text = '甲,乙\n'
    const result = applyFixes(text, [fix(1, 2, 3, ';', '；'), fix(1, 1, 3, '甲,', '甲，'), fix(1, 2, 3, ',', '，')])
    expect(result.text).toBe('甲，乙\n')
    expect(result.applied).toHaveLength(1)
    expect(result.skipped).toHaveLength(2)
  })

  it('is idempotent: the same fixes on the fixed text change nothing', () => {
    const fixes = [fix(1, 2, 3, ',', '，')]
    const once = applyFixes('甲,乙\n', fixes).text
    expect(applyFixes(once, fixes).text).toBe(once)
  })

  it('replaces an escaped character with its escape (ranges follow DocLine.columns)', () => {
    const { notice, files } = load({ raw: true, findings: [finding('01', ['1、标题', '问题内容：见附件\\(一\\),共三项', '整改情况：已完成。'])] })
    const line = notice.document.lines.find((candidate) => candidate.text.startsWith('问题内容'))!
    const open = line.text.indexOf('(')
    const made = fixIn(line, open, open + 1, '（')
    const file = files.find((candidate) => candidate.path === made.file)!
    const result = fixFile(file.path, file.text, [{ rule: 'punctuation-width', fix: made }])
    expect(result.text).toContain('问题内容：见附件（一\\),共三项')
  })

  it('fixes every mark of a line with escapes in one pass, and a second pass finds nothing', () => {
    const fixture = { raw: true, findings: [finding('01', ['1、标题', '问题内容：见\\[附件\\](一),共三项:甲;乙', '整改情况：已完成。'])] }
    const { diagnostics, files } = run(fixture, [punctuationWidth])
    const file = files.find((candidate) => candidate.path === 't/findings/01.md')!
    const result = fixFile(
      file.path,
      file.text,
      diagnostics.map((diagnostic) => ({ rule: diagnostic.rule, fix: diagnostic.fix! }))
    )
    expect(result.changes).toHaveLength(diagnostics.length)
    expect(result.text).toContain('问题内容：见\\[附件\\]（一），共三项：甲；乙')
    const again = run({ ...fixture, findings: [finding('01', ['1、标题', '问题内容：见\\[附件\\]（一），共三项：甲；乙', '整改情况：已完成。'])] }, [
      punctuationWidth
    ])
    expect(again.diagnostics).toEqual([])
  })

  it('rewrites an escaped [2021] document number whole, escapes included', () => {
    const { diagnostics, files } = run({ findings: [finding('01', ['1、标题', '问题内容：甲。', '整改情况：已完成。按伊发[2021]013号执行。'])] }, [docNumber])
    const file = files.find((candidate) => candidate.path === 't/findings/01.md')!
    expect(file.text).toContain('伊发\\[2021\\]013号')
    const result = fixFile(
      file.path,
      file.text,
      diagnostics.map((diagnostic) => ({ rule: diagnostic.rule, fix: diagnostic.fix! }))
    )
    expect(result.changes).toHaveLength(1)
    expect(result.text).toContain('按伊发〔2021〕13号执行。')
  })

  it('are not made by the rules when the run wants none (no --fix, no cache); the diagnostics are otherwise the same', () => {
    // One fixable report of each rule that makes fixes: a half-width comma, a document number, a typo.
    const { notice } = load({ findings: [finding('01', ['1、标题', '问题内容：甲,乙。', '整改情况：已完成。按伊发[2021]013号执行，截止目前已整改。'])] })
    const rules = [punctuationWidth, docNumber, typo]
    const withFixes = validateNotice(notice, site(), rules)
    const without = validateNotice(notice, site(), rules, { fixes: false })
    expect(new Set(withFixes.filter((diagnostic) => diagnostic.fix).map((diagnostic) => diagnostic.rule))).toEqual(
      new Set(['punctuation-width', 'doc-number', 'typo'])
    )
    expect(without.filter((diagnostic) => diagnostic.fix)).toEqual([])
    expect(without).toEqual(withFixes.map(({ fix: _fix, ...diagnostic }) => diagnostic))
  })
})
