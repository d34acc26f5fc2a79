/**
 * notice build --docx: the Word file of the bundled notice, byte for byte the same on every build,
 * laid out as GB/T 9704 asks (read from its XML), linked from the page, and read back by
 * notice import as the same notice.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot, runCliAsync, tempDir } from '../helpers/cli.js'

const content = path.join(repoRoot, 'content')
const id = '2021-yichuan-cluster'
let out: string
let docx: Uint8Array
let parts: Record<string, string>

let shared: string
beforeAll(async () => {
  // Not tempDir(): that one is removed after each test, and these tests share the build.
  shared = mkdtempSync(path.join(tmpdir(), 'notice-docx-'))
  out = path.join(shared, 'dist')
  const built = await runCliAsync(['build', '--content', content, '--out', out, '--docx', '--no-cache'])
  expect(built.code, built.stderr).toBe(0)
  docx = new Uint8Array(readFileSync(path.join(out, id, 'notice.docx')))
  parts = Object.fromEntries(Object.entries(unzipSync(docx)).map(([name, data]) => [name, strFromU8(data)]))
}, 300_000)
afterAll(() => rmSync(shared, { recursive: true, force: true }))

describe('notice build --docx', () => {
  it('gives the same bytes on every build, dated from the notice', async () => {
    const again = path.join(tempDir(), 'dist')
    const built = await runCliAsync(['build', '--content', content, '--out', again, '--docx', '--no-cache'])
    expect(built.code, built.stderr).toBe(0)
    expect(Buffer.compare(readFileSync(path.join(again, id, 'notice.docx')), Buffer.from(docx))).toBe(0)
    expect(parts['docProps/core.xml']).toContain('>2021-04-15T00:00:00Z</dcterms:created>')
    expect(parts['docProps/core.xml']).toContain('>2021-04-15T00:00:00Z</dcterms:modified>')
  }, 300_000)

  it('sets A4, the GB/T 9704 margins, 22 lines to the page and odd and even footers with — N —', () => {
    const document = parts['word/document.xml'] ?? ''
    const section = /<w:sectPr>.*<\/w:sectPr>/su.exec(document)?.[0] ?? ''
    expect(section).toContain('<w:pgSz w:w="11906" w:h="16838"')
    // 37 / 26 / 35 / 28 mm in twips.
    expect(section).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/u)
    expect(section).toMatch(/<w:docGrid w:type="lines" w:linePitch="579" w:charSpace="-848"\/>/u)
    expect(section).toMatch(/<w:footerReference w:type="default"[^>]*\/><w:footerReference w:type="even"/u)
    expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders/>')
    const footers = Object.entries(parts)
      .filter(([name]) => /^word\/footer\d+\.xml$/u.test(name))
      .map(([, xml]) => xml)
    expect(footers).toHaveLength(2)
    for (const footer of footers) {
      expect(footer).toMatch(/\u2014 <\/w:t>.*PAGE.*<w:t xml:space="preserve"> \u2014/su)
      expect(footer).toContain('<w:sz w:val="28"/>')
    }
    expect(footers.map((footer) => /<w:jc w:val="(\w+)"\/>/u.exec(footer)?.[1]).sort()).toEqual(['left', 'right'])
  })

  it('sets the title in 22 pt 方正小标宋简体, the body in 16 pt 仿宋_GB2312 indented 2 characters, 一、 in 黑体 and （一） in 楷体', () => {
    const document = parts['word/document.xml'] ?? ''
    const paragraphs = [...document.matchAll(/<w:p>.*?<\/w:p>/gsu)].map((match) => match[0])
    const textOf = (paragraph: string): string => [...paragraph.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/gu)].map((match) => match[1]).join('')
    const title = paragraphs[0] ?? ''
    expect(textOf(title)).toBe('伊川县产业集聚区关于县委第四巡察组巡察反馈意见整改情况的公布')
    expect(title).toContain('<w:jc w:val="center"/>')
    expect(title).toMatch(/w:eastAsia="方正小标宋简体".*<w:sz w:val="44"\/>/su)
    const opening = paragraphs.find((paragraph) => textOf(paragraph).startsWith('按照县委统一部署')) ?? ''
    expect(opening).toMatch(/w:firstLineChars="200"/u)
    expect(opening).toMatch(/w:eastAsia="仿宋_GB2312".*<w:sz w:val="32"\/>/su)
    const section = paragraphs.find((paragraph) => textOf(paragraph).startsWith('一、')) ?? ''
    expect(section).toContain('w:eastAsia="黑体"')
    const signature = paragraphs.find((paragraph) => paragraph.includes('w:val="NoticeSignature"')) ?? ''
    expect(textOf(signature)).toBe('中共伊川县产业集聚区工作委员会')
    expect(signature).toContain('<w:jc w:val="right"/>')
    const date = paragraphs.find((paragraph) => paragraph.includes('w:val="NoticeDate"')) ?? ''
    expect(textOf(date)).toBe('2021年4月15日')
    // The signature ends 2 characters from the right (× 156/28 mm); the date starts 2 characters right
    // of the signature's first, set from the left (28 − 15 characters), whatever its digits' width.
    expect(signature).toMatch(/<w:ind w:right="632"\/>/u)
    expect(date).toContain('<w:jc w:val="left"/>')
    expect(date).toMatch(/<w:ind w:left="4106"\/>/u)
    expect(parts['word/fontTable.xml']).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/u)
  })

  it('links notice.docx from the page beside the PDF and from the index beside the print page, and only when built', async () => {
    expect(readFileSync(path.join(out, id, 'index.html'), 'utf8')).toContain('<a href="notice.docx"')
    const index = readFileSync(path.join(out, 'index.html'), 'utf8')
    expect(index).toMatch(
      new RegExp(`<a href="${id}/print.html"[^>]*>打印版</a>\\s*<a href="${id}/notice.docx"[^>]*aria-label="[^"]*（Word 文件）">Word</a>`, 'u')
    )
    const plain = path.join(tempDir(), 'dist')
    const built = await runCliAsync(['build', '--content', content, '--out', plain, '--no-cache'])
    expect(built.code, built.stderr).toBe(0)
    expect(readFileSync(path.join(plain, id, 'index.html'), 'utf8')).not.toContain('notice.docx')
    expect(readFileSync(path.join(plain, 'index.html'), 'utf8')).not.toContain('notice.docx')
    expect(existsSync(path.join(plain, id, 'notice.docx'))).toBe(false)
  }, 300_000)

  it('notice dev --docx says, in Chinese, that the preview makes no Word file and what to run instead', async () => {
    const dev = await runCliAsync(['dev', '--docx', '--content', content, '--port', '0'])
    expect(dev.code).toBe(2)
    expect(dev.stderr).toContain('预览只在内存中生成网页，不生成 Word 文件：请运行 notice build --docx，文件写在 dist/<通报编号>/notice.docx')
    expect(dev.stdout).not.toContain('预览地址')
  }, 120_000)

  it('imports back as the bundled notice: same findings, statuses, fields, text', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'notice.docx')
    writeFileSync(file, docx)
    const imported = await runCliAsync(['import', file, '--id', id, '--content', path.join(dir, 'content')])
    expect(imported.code, imported.stderr).toBe(0)
    writeFileSync(path.join(dir, 'content', 'site.yml'), readFileSync(path.join(content, 'site.yml')))
    const built = await runCliAsync(['build', '--content', path.join(dir, 'content'), '--out', path.join(dir, 'dist'), '--no-cache'])
    expect(built.code, built.stderr).toBe(0)
    type Json = { title: string; signature?: string; findings: Array<Record<string, unknown>>; stats: unknown }
    const read = (root: string): Json => JSON.parse(readFileSync(path.join(root, id, 'notice.json'), 'utf8')) as Json
    const essence = (json: Json) => ({
      title: json.title,
      signature: json.signature,
      stats: json.stats,
      findings: json.findings.map(({ source: _source, ...finding }) => finding)
    })
    expect(essence(read(path.join(dir, 'dist')))).toEqual(essence(read(out)))
    expect(read(out).findings).toHaveLength(25)
    expect(readFileSync(path.join(dir, 'dist', id, 'notice.txt'), 'utf8')).toBe(readFileSync(path.join(out, id, 'notice.txt'), 'utf8'))
  }, 300_000)
})
