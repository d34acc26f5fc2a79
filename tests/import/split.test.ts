/**
 * The importer splits the text into one file per finding and reads the files back: each file must
 * read as the finding it was cut from, or the import is refused with the line where they part.
 */
import { describe, expect, it } from 'vitest'
import { firstMismatch, importText, type ImportedFile } from '../../src/import/import.js'
import { planParts } from '../../src/import/plan.js'
import { loadNotice, type SourceFile } from '../../src/load/notice.js'
import { defaultStatusPhrases } from '../../src/model/vocabulary.js'
import { renderText } from '../../src/render/text.js'
import { parseDocument } from '../../src/structure/parse.js'

const options = { statusPhrases: defaultStatusPhrases }

function reread(files: readonly ImportedFile[]): ReturnType<typeof loadNotice> {
  const sources = files.map(
    (file): SourceFile => ({
      path: file.path,
      ref: file.path,
      name: file.path.split('/').pop() ?? file.path,
      kind: file.path.startsWith('findings/') ? 'finding' : file.path.startsWith('sections/') ? 'section' : 'notice',
      text: file.text
    })
  )
  return loadNotice({ id: 'p', files: sources }, options)
}

function documentOf(text: string): ReturnType<typeof parseDocument> {
  return parseDocument(
    text.split('\n').map((line, index) => ({ text: line, file: '', line: index + 1, column: 1 })),
    options
  )
}

describe('splitting a notice into finding files', () => {
  it('ends a numbered list with the finding it is written in, as the finding file read alone does', () => {
    // `（1）制度不健全。` is a list item of the first finding's problem; the next finding starts with
    // a label, so `（2）…` opens a point of its own rather than continuing that list.
    const text = [
      '（1）党工委学习不深入',
      '问题内容：存在以下问题：',
      '（1）制度不健全。',
      '问题内容：会议记录不全。',
      '（2）党工委落实不到位',
      '责任人：张三'
    ].join('\n')
    const outcome = importText(text, 'p')
    if (!outcome.ok) throw new Error(outcome.message)
    expect(outcome.report.stats.total).toBe(3)
    const findingFiles = outcome.files.filter((file) => file.path.startsWith('findings/'))
    expect(findingFiles).toHaveLength(3)
    expect(findingFiles[2]?.text).toContain('（2）党工委落实不到位')
    for (const file of findingFiles) expect(reread([outcome.files[0]!, file]).document.findings).toHaveLength(1)
    expect(renderText(reread(outcome.files).document)).toBe(`${text}\n`)
  })

  it('names the first line rendered otherwise when the files read back differ from the text', () => {
    const text = '一、甲\n问题内容：一。\n二、乙\n问题内容：二。'
    const document = documentOf(text)
    const outcome = importText(text, 'p')
    if (!outcome.ok) throw new Error(outcome.message)
    const texts = text.split('\n')
    expect(firstMismatch(texts, '一、甲\n问题内容：一。\n二、乙\n问题内容：贰。\n', planParts(document), reread(outcome.files).document)).toBe(4)
    expect(firstMismatch(texts, `${text}\n多出的一行\n`, planParts(document), reread(outcome.files).document)).toBe(4)
  })

  it('names the first line of a finding file that read back as two findings when the text is the same', () => {
    const text = '一、甲\n问题内容：一。\n二、乙\n问题内容：二。'
    const document = documentOf(text)
    const plan = planParts(document)
    const outcome = importText(text, 'p')
    if (!outcome.ok) throw new Error(outcome.message)
    // The second finding's lines moved into the first file: it holds two findings, the second file none.
    const [first, second] = outcome.files.filter((file) => file.path.startsWith('findings/'))
    const merged = outcome.files
      .filter((file) => file !== second)
      .map((file) => (file === first ? { ...file, text: `${file.text}\n二、乙\n\n问题内容：二。\n` } : file))
    expect(firstMismatch(text.split('\n'), `${text}\n`, plan, reread(merged).document)).toBe(1)
    expect(plan.parts.filter((part) => part.kind === 'finding').map((part) => (part.lines[0] ?? 0) + 1)).toEqual([1, 3])
  })
})
