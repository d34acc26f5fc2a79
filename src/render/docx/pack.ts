/**
 * The Word file of a notice in GB/T 9704-2012 layout, written with the `docx` package: A4, margins
 * 37/26/35/28 mm, a document grid of 22 lines × 28 characters, 2号 小标宋 title, 3号 仿宋 body with a
 * 2-character first-line indent, 黑体 and 楷体 headings, `— N —` in 4号 宋体 right on odd pages and
 * left on even pages, the 落款 placed as on the print page, ledgers as tables whose header row
 * repeats. The zip is then rewritten with fixed dates, so the same notice gives the same bytes.
 */
import { createRequire } from 'node:module'
import type * as Docx from 'docx'
import { exportProperty, frontmatterProperty, styleIds } from './markers.js'
import type { ClosingPlace, DocxBlock, DocxFont, DocxModel } from './model.js'

// Required at first use: the CLI runs as one bundled script and these stay outside it, loaded only for --docx.
const load = createRequire(import.meta.url)

const mm = (value: number): number => Math.round((value / 25.4) * 1440)
const page = { width: mm(210), height: mm(297), top: mm(37), right: mm(26), bottom: mm(35), left: mm(28) }
/** 225 mm / 22 lines, in twips. */
const linePitch = Math.floor((mm(225) / 22) * 1) // 579
/** 156 mm / 28 characters, in points, less the 16 pt of a character: in 1/4096 pt, as w:charSpace counts. */
const charSpace = Math.round((((156 / 25.4) * 72) / 28 - 16) * 4096)
/** One character of the grid, in twips. */
const charWidth = mm(156) / 28

/** The fonts as Chinese offices have them installed; fontTable.xml names the common alternatives. */
const fontNames: Record<DocxFont | 'title' | 'song', string> = {
  fang: '仿宋_GB2312',
  hei: '黑体',
  kai: '楷体_GB2312',
  title: '方正小标宋简体',
  song: '宋体'
}
/** Alternatives Word and LibreOffice try when the office font is missing (w:altName). */
export const fontAlternatives: Record<string, string> = {
  仿宋_GB2312: '仿宋',
  楷体_GB2312: '楷体',
  方正小标宋简体: '方正小标宋_GBK',
  黑体: 'SimHei',
  宋体: 'SimSun'
}

/**
 * 28 characters of 16 pt to the 156 mm line: each character 0.25 pt narrower (w:spacing counts
 * twentieths of a point), set on the runs rather than left to the character grid, which LibreOffice
 * sizes differently from Word.
 */
const pitch = { characterSpacing: -5, snapToGrid: false } as const

/** The red of the 红头 and its rule, as on the print page. */
const headRed = 'E60012'
/** The 红头's size, as on the print page: larger than the title's 22 pt. */
const issuerSize = 26
/** The red rule: 0.5 mm thick (in eighths of a point), 4 mm below the 发文字号 (in points). */
const headRule = { style: 'single', size: 11, space: 11, color: headRed } as const

const fontOf = (name: string): Docx.IFontAttributesProperties => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' })

export async function packDocx(model: DocxModel): Promise<Uint8Array> {
  const docx = load('docx') as typeof Docx
  const { AlignmentType, Document, DocumentGridType, Footer, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } =
    docx
  const exact = { line: linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 }
  const run = (text: string, font: string, size: number): Docx.TextRun =>
    new TextRun({ text, font: fontOf(font), size: size * 2, ...(size === 16 ? pitch : {}) })

  const paragraphOf = (block: DocxBlock): Array<Docx.Paragraph | Docx.Table> => {
    switch (block.kind) {
      case 'head': {
        // The rule under the last line of the 版头, as wide as the text area; the title two empty lines below it.
        const rule = { border: { bottom: headRule } }
        const below = 2 * linePitch
        const issuer = new Paragraph({
          style: styleIds.issuer,
          alignment: AlignmentType.CENTER,
          ...(block.docNumber === undefined ? rule : {}),
          spacing: { ...exact, line: Math.round(issuerSize * 1.25 * 20), ...(block.docNumber === undefined ? { after: below } : {}) },
          children: [new TextRun({ text: block.header, font: fontOf(fontNames.title), size: issuerSize * 2, color: headRed })]
        })
        if (block.docNumber === undefined) return [issuer]
        // The 发文字号 one empty line below the 红头.
        return [
          issuer,
          new Paragraph({
            style: styleIds.docNumber,
            alignment: AlignmentType.CENTER,
            ...rule,
            spacing: { ...exact, before: linePitch, after: below },
            children: [run(block.docNumber, fontNames.fang, 16)]
          })
        ]
      }
      case 'title':
        return [
          new Paragraph({
            style: styleIds.title,
            alignment: AlignmentType.CENTER,
            // One empty grid line under the title, as on the print page; the lines are broken where the print page breaks them.
            spacing: { ...exact, after: linePitch },
            children: block.lines.map((line, index) => new TextRun({ text: line, font: fontOf(fontNames.title), size: 44, ...(index > 0 ? { break: 1 } : {}) }))
          })
        ]
      case 'blank':
        return [new Paragraph({ style: styleIds.body, spacing: exact, children: [] })]
      case 'paragraph':
        // Justified, as official documents are set: a full line reaches the right edge of the text area.
        return [
          new Paragraph({
            style: styleIds.body,
            alignment: AlignmentType.JUSTIFIED,
            spacing: exact,
            indent: { firstLine: Math.round(2 * charWidth), firstLineChars: 200 },
            children: block.runs.map((part) => run(part.text, fontNames[part.font], 16))
          })
        ]
      case 'signature':
      case 'date':
        return [
          new Paragraph({
            style: block.kind === 'signature' ? styleIds.signature : styleIds.date,
            ...closingPlace(block.place),
            // The 落款 stands one empty line below the body.
            spacing: { ...exact, ...(block.kind === 'signature' ? { before: linePitch } : {}) },
            children: [run(block.text.trim(), fontNames.fang, 16)]
          })
        ]
      case 'table': {
        const columns = Math.max(1, ...block.rows.filter((row) => !row.merged).map((row) => row.cells.length))
        const width = mm(156)
        const cell = (text: string, font: DocxFont, span: number): Docx.TableCell =>
          new TableCell({
            ...(span > 1 ? { columnSpan: span } : {}),
            // A cell's paragraphs as the row's text has them, one Word paragraph each.
            children: text.split('\n').map((paragraph) => new Paragraph({ spacing: exact, children: [run(paragraph, fontNames[font], 12)] }))
          })
        return [
          new Table({
            // The importer writes a Markdown table's rows back from the cells of a table with this style.
            ...(block.format === 'gfm' ? { style: styleIds.gfmTable } : {}),
            width: { size: width, type: WidthType.DXA },
            columnWidths: Array.from({ length: columns }, () => Math.floor(width / columns)),
            rows: block.rows.map(
              (row, index) =>
                new TableRow({
                  // A ledger's header row repeats at the top of every page the table runs over.
                  tableHeader: block.header && index === 0,
                  cantSplit: false,
                  children: row.merged ? [cell(row.cells.join('\t'), row.font, columns)] : row.cells.map((text) => cell(text, row.font, 1))
                })
            )
          })
        ]
      }
    }
  }

  const closingPlace = (place: ClosingPlace): { alignment: (typeof AlignmentType)[keyof typeof AlignmentType]; indent: Docx.IIndentAttributesProperties } => {
    const chars = (count: number): number => Math.round(count * charWidth)
    if ('left' in place) return { alignment: AlignmentType.LEFT, indent: { left: chars(place.left) } }
    if ('right' in place) return { alignment: AlignmentType.RIGHT, indent: { right: chars(place.right) } }
    return { alignment: AlignmentType.CENTER, indent: { left: chars(place.centre.left), right: chars(place.centre.right) } }
  }

  const pageNumber = (odd: boolean): Docx.Footer =>
    new Footer({
      children: [
        new Paragraph({
          alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
          // One character of space between the number and the edge of the text area.
          indent: odd ? { right: 280 } : { left: 280 },
          spacing: { line: 280, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          children: [new TextRun({ children: ['\u2014 ', PageNumber.CURRENT, ' \u2014'], font: fontOf(fontNames.song), size: 28 })]
        })
      ]
    })

  const document = new Document({
    title: model.title,
    creator: 'notice-press',
    lastModifiedBy: 'notice-press',
    customProperties: [
      { name: exportProperty, value: 'notice-press' },
      ...(model.fromFrontmatter.length > 0 ? [{ name: frontmatterProperty, value: model.fromFrontmatter.join(' ') }] : [])
    ],
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: { font: fontOf(fontNames.fang), size: 32 }, paragraph: { spacing: exact } } },
      paragraphStyles: [
        // LibreOffice sizes the character grid from Normal's font, not from the document defaults: 16 pt, so 28 characters fill a line.
        { id: 'Normal', name: 'Normal', run: { font: fontOf(fontNames.fang), size: 32, ...pitch }, paragraph: { spacing: exact } },
        { id: styleIds.body, name: 'Notice Body', basedOn: 'Normal', run: { font: fontOf(fontNames.fang), size: 32 } },
        { id: styleIds.title, name: 'Notice Title', basedOn: 'Normal', run: { font: fontOf(fontNames.title), size: 44 } },
        { id: styleIds.signature, name: 'Notice Signature', basedOn: 'Normal' },
        { id: styleIds.date, name: 'Notice Date', basedOn: 'Normal' },
        // Only in a file with a 版头, so that a file without one stays as it was.
        ...(model.blocks.some((block) => block.kind === 'head')
          ? [
              { id: styleIds.issuer, name: 'Notice Issuer', basedOn: 'Normal', run: { font: fontOf(fontNames.title), size: issuerSize * 2, color: headRed } },
              { id: styleIds.docNumber, name: 'Notice Document Number', basedOn: 'Normal' }
            ]
          : [])
      ]
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: page.width, height: page.height },
            // The number's line ends 7 mm below the text area, plus its own height: 35 − 7 − 4.94 mm from the bottom.
            margin: { top: page.top, right: page.right, bottom: page.bottom, left: page.left, header: mm(15), footer: mm(35 - 7) - 280, gutter: 0 }
          },
          // 22 lines to the page. The grid is of lines only: LibreOffice lays out a lines-and-characters
          // grid with lines broken at about half the measure (measured), so the 28 characters come from
          // the runs' spacing; charSpace is kept for an office that turns the character grid on in Word.
          grid: { type: DocumentGridType.LINES, linePitch, charSpace }
        },
        footers: { default: pageNumber(true), even: pageNumber(false) },
        children: model.blocks.flatMap(paragraphOf)
      }
    ]
  })
  const packed = new Uint8Array(await Packer.toBuffer(document))
  return fixPackage(packed, model.date ?? '2000-01-01')
}

/**
 * The same notice, the same bytes: every zip entry dated from the notice, the core properties'
 * created/modified dates set to it, the docx package's random ids replaced by counted ones, and
 * the fonts given their alternative names.
 */
function fixPackage(bytes: Uint8Array, isoDate: string): Uint8Array {
  const { unzipSync, zipSync, strFromU8, strToU8 } = load('fflate') as typeof import('fflate')
  const files = unzipSync(bytes)
  const stamp = `${isoDate}T00:00:00Z`
  const core = files['docProps/core.xml']
  if (core) {
    files['docProps/core.xml'] = strToU8(
      strFromU8(core)
        .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/u, `$1${stamp}$2`)
        .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/u, `$1${stamp}$2`)
    )
  }
  for (const name of Object.keys(files)) {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue
    let xml = strFromU8(files[name] as Uint8Array)
    // Random ids of text boxes and drawings, and random relationship ids, numbered in order of appearance instead.
    const seen = new Map<string, string>()
    xml = xml.replace(/\b(w14:paraId|w14:textId|w:rsidR|w:rsidRDefault)="[0-9A-Fa-f]+"/gu, '')
    xml = xml.replace(/\bid="(u[0-9a-z_-]{15,})"/gu, (_whole, id: string) => {
      if (!seen.has(id)) seen.set(id, `s${seen.size + 1}`)
      return `id="${seen.get(id)}"`
    })
    if (name === 'word/fontTable.xml') xml = withAlternatives(xml)
    // As on the print page: every page full (no widow and orphan control moving lines over), no
    // punctuation hanging into the margin, no extra space between Chinese and Latin text or digits.
    // On every paragraph: LibreOffice does not take these from styles.
    if (name === 'word/document.xml')
      xml = xml.replace(
        /(<w:pPr>(?:<w:pStyle [^>]*\/>)?)/gu,
        '$1<w:widowControl w:val="0"/><w:overflowPunct w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'
      )
    // A 22 pt title line (and the 26 pt 红头) is taller than a grid line with most CJK fonts' ascent and descent: off the grid, it keeps to one line each.
    if (name === 'word/document.xml')
      xml = xml.replace(/(<w:pStyle w:val="(?:NoticeTitle|NoticeIssuer)"\/>(?:(?!<\/w:pPr>).)*?)(<w:spacing )/gu, '$1<w:snapToGrid w:val="0"/>$2')
    files[name] = strToU8(xml)
  }
  const date = new Date(`${isoDate}T00:00:00`)
  // [Content_Types].xml first, then the rest in name order: the order Word writes and readers expect.
  const names = Object.keys(files).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0))
  const ordered: Record<string, [Uint8Array, { mtime: Date; level: 6 }]> = {}
  for (const name of names) ordered[name] = [files[name] as Uint8Array, { mtime: date, level: 6 }]
  return zipSync(ordered)
}

/** Adds the fonts the document uses to fontTable.xml with their alternative names and the GB2312 character set. */
function withAlternatives(xml: string): string {
  const entries = Object.entries(fontAlternatives)
    .filter(([name]) => !xml.includes(`w:name="${name}"`))
    .map(
      ([name, alternative]) =>
        `<w:font w:name="${name}"><w:altName w:val="${alternative}"/><w:charset w:val="86"/><w:family w:val="${name.includes('黑') ? 'modern' : 'roman'}"/><w:pitch w:val="fixed"/></w:font>`
    )
    .join('')
  // The docx package writes an empty table (`<w:fonts …/>`) when no font is embedded.
  if (/<w:fonts\b[^>]*\/>\s*$/u.test(xml)) return xml.replace(/<w:fonts\b([^>]*)\/>\s*$/u, `<w:fonts$1>${entries}</w:fonts>`)
  return xml.replace(/<\/w:fonts>\s*$/u, `${entries}</w:fonts>`)
}
