/**
 * The 版头 of the Word file (GB/T 9704 7.2), as on the print page: notice.md's print.header as the
 * red 发文机关标志 above the title, disclosure.docNumber centred under it, the red rule across the
 * text area; read back by notice import as those notice.md fields, never as the title or text.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importDocx } from '../../src/import/docx/import-docx.js'
import { importText } from '../../src/import/import.js'
import type { LoadedNotice } from '../../src/load/notice.js'
import { loadImported } from '../helpers/import-notice.js'
import { packDocx } from '../../src/render/docx/pack.js'
import { renderDocxModel } from '../../src/render/site.js'
import { renderText } from '../../src/render/text.js'
import { repoRoot, runCliAsync } from '../helpers/cli.js'

const id = '2024-head'
const header = '中共某某县委巡察工作领导小组办公室文件'
const docNumber = '某巡办〔2024〕3号'
const title = '某某局关于巡察整改情况的通报'
const text = [
  title,
  '一、关于党的建设方面',
  '1.学习制度落实不到位。',
  '问题内容：中心组学习次数不足。',
  '整改情况：已完成。',
  '中共某某县某某局党组',
  '2024年3月8日',
  ''
].join('\n')

/** The notice's content files, with the 版头 fields added to notice.md's frontmatter. */
function files(head: { header?: string; docNumber?: string }): Array<{ path: string; text: string }> {
  const outcome = importText(text, id)
  if (!outcome.ok) throw new Error(outcome.message)
  const fields = [
    ...(head.header ? [`print:\n  header: ${head.header}`] : []),
    ...(head.docNumber ? [`disclosure:\n  docNumber: ${head.docNumber}`] : [])
  ].join('\n')
  return outcome.files.map((file) => (file.path === 'notice.md' && fields ? { ...file, text: file.text.replace(/^---\n/u, `---\n${fields}\n`) } : file))
}

function load(noticeFiles: ReadonlyArray<{ path: string; text: string }>): LoadedNotice {
  return loadImported(id, noticeFiles)
}

/** The body's paragraphs in order, each with its style, text and XML. */
function paragraphs(bytes: Uint8Array): Array<{ style?: string; text: string; xml: string }> {
  const document = strFromU8(unzipSync(bytes)['word/document.xml'] as Uint8Array)
  const body = /<w:body>(.*)<\/w:body>/su.exec(document)?.[1] ?? ''
  return [...body.matchAll(/<w:p>.*?<\/w:p>/gsu)].map(([xml]) => ({
    ...(/<w:pStyle w:val="([^"]+)"\/>/u.exec(xml)?.[1] ? { style: /<w:pStyle w:val="([^"]+)"\/>/u.exec(xml)?.[1] } : {}),
    text: [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((match) => match[1]).join(''),
    xml
  }))
}

let shared: string
let bytes: Uint8Array
beforeAll(async () => {
  // Not tempDir(): that one is removed after each test, and these tests share the build.
  shared = mkdtempSync(path.join(tmpdir(), 'notice-docx-head-'))
  const content = path.join(shared, 'content')
  for (const file of files({ header, docNumber })) {
    mkdirSync(path.dirname(path.join(content, id, file.path)), { recursive: true })
    writeFileSync(path.join(content, id, file.path), file.text)
  }
  writeFileSync(path.join(content, 'site.yml'), readFileSync(path.join(repoRoot, 'content', 'site.yml')))
  const built = await runCliAsync(['build', '--content', content, '--out', path.join(shared, 'dist'), '--docx', '--no-cache'])
  expect(built.code, built.stderr).toBe(0)
  bytes = new Uint8Array(readFileSync(path.join(shared, 'dist', id, 'notice.docx')))
}, 300_000)
afterAll(() => rmSync(shared, { recursive: true, force: true }))

describe('the 版头 of the Word file', () => {
  it('sets the 红头 in red 小标宋 larger than the title, centred, then the 发文字号 in 仿宋 16 pt, the red rule, and the title', () => {
    const [issuer, number, titleLine] = paragraphs(bytes)
    expect(issuer?.text).toBe(header)
    expect(issuer?.style).toBe('NoticeIssuer')
    expect(issuer?.xml).toContain('<w:jc w:val="center"/>')
    expect(issuer?.xml).toContain('<w:color w:val="E60012"/>')
    expect(issuer?.xml).toContain('w:eastAsia="方正小标宋简体"')
    // 26 pt: larger than the title's 22 pt.
    expect(issuer?.xml).toContain('<w:sz w:val="52"/>')

    expect(number?.text).toBe(docNumber)
    expect(number?.style).toBe('NoticeDocNumber')
    expect(number?.xml).toContain('<w:jc w:val="center"/>')
    expect(number?.xml).toContain('w:eastAsia="仿宋_GB2312"')
    expect(number?.xml).toContain('<w:sz w:val="32"/>')
    // One empty grid line between the 红头 and the 发文字号.
    expect(number?.xml).toMatch(/<w:spacing [^>]*w:before="579"/u)
    // The rule: a red bottom border of the 发文字号's paragraph, as wide as the text area (no indents).
    expect(number?.xml).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="E60012" w:sz="11" w:space="11"\/><\/w:pBdr>/u)
    expect(number?.xml).not.toContain('<w:ind ')
    expect(issuer?.xml).not.toContain('<w:pBdr>')

    expect(titleLine?.style).toBe('NoticeTitle')
    expect(titleLine?.text).toBe(title)
  })

  it('puts the rule under the 红头 when there is no 发文字号', async () => {
    const [issuer, next] = paragraphs(await packDocx(renderDocxModel(load(files({ header })))))
    expect(issuer?.text).toBe(header)
    expect(issuer?.xml).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="E60012"/u)
    expect(next?.style).toBe('NoticeTitle')
  })

  it('adds nothing without print.header', async () => {
    const plain = paragraphs(await packDocx(renderDocxModel(load(files({ docNumber })))))
    expect(plain[0]?.style).toBe('NoticeTitle')
    expect(plain.map((paragraph) => paragraph.text).join('\n')).not.toContain(docNumber)
    expect(plain.some((paragraph) => paragraph.xml.includes('<w:pBdr>'))).toBe(false)
  })

  it('reads back as print.header and disclosure.docNumber in notice.md, the title and text unchanged', () => {
    const original = load(files({ header, docNumber }))
    const outcome = importDocx(bytes, id)
    if (!outcome.ok) throw new Error(`docx import refused at line ${outcome.line}: ${outcome.message}`)
    const back = load(outcome.files)
    expect(back.record.title).toBe(title)
    expect(renderText(back.document)).toBe(renderText(original.document))
    expect(renderText(back.document)).not.toContain(header)
    expect(renderText(back.document)).not.toContain(docNumber)
    expect(back.meta.print?.header).toBe(header)
    expect(back.record.disclosure?.docNumber).toBe(docNumber)
    expect(back.record.findings.map(({ source: _source, ...finding }) => finding)).toEqual(
      original.record.findings.map(({ source: _source, ...finding }) => finding)
    )
  })
})
