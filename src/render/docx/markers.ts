/**
 * What marks a .docx as notice-press's own export, shared by the writer and the importer: paragraph
 * styles the importer knows the title, signature, date and 版头 by, and two custom properties.
 */
export const styleIds = {
  title: 'NoticeTitle',
  signature: 'NoticeSignature',
  date: 'NoticeDate',
  body: 'NoticeBody',
  /** A Markdown table's Word table: its rows are read back as `| … |` lines. */
  gfmTable: 'NoticeMarkdownTable',
  issuer: 'NoticeIssuer',
  docNumber: 'NoticeDocNumber'
} as const
/** Which of the signature and date came from notice.md rather than the text (space-separated). */
export const frontmatterProperty = 'notice-press-frontmatter'
/** On every exported file: the importer reads its tables as the text's own rows, with no line added after them. */
export const exportProperty = 'notice-press-export'
