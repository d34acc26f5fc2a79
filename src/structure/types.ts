import type { RootContent } from 'mdast'
import type { HeadingScheme, LabelKind } from '../model/vocabulary.js'
import type { StatsSentence, StatusMatch, ContactMatch, DateMatch } from './classify.js'

export type Region = 'head' | 'body' | 'tail'

/** One line of a notice as text, with where it came from. The unit both import and load hand to the parser. */
export interface DocLine {
  text: string
  /** Path of the file the line is in, as it should appear in diagnostics ('' for imported text). */
  file: string
  /** 1-based line and column of the line's first character in that file. */
  line: number
  column: number
  /** Source columns of each text character when they differ from column + index (escapes in Markdown). */
  columns?: readonly number[]
  /** Known for loaded content; inferred by the importer. */
  region?: Region
  /** Set on the first line of a content file: a finding file always starts a finding. */
  partStart?: 'finding' | 'section'
  /** Index of the content file the line came from (loader only). */
  part?: number
  /** The Markdown block the line was read from (loader only): what the page renders. */
  node?: RootContent
}

export interface ParsedHeading {
  scheme: HeadingScheme
  /** Rank of the scheme, 0 for 一、 … 4 for 一是; levels may be skipped. */
  rank: number
  number: number
  numberText: string
  title: string
  /** Text after the heading sentence on the same line. */
  body: string
  /** Index of its line in the document, -1 for points written inside a label (`详细问题:一是…`). */
  line: number
  /** Numbers of the open headings down to this one. */
  path: number[]
  /** Points counted inside a text (`一是…二是…`) rather than on their own line. */
  inline: boolean
  /** For inline points: the last point number written in the text. */
  through?: number
  /** An inline point that turned out to be a list inside one finding, not a point of the item. */
  dropped?: boolean
}

export interface ParsedLabel {
  kind: LabelKind
  /** The label word in simplified script: what names its kind. */
  label: string
  /** The label word as written. */
  written: string
  raw: string
  line: number
  textOffset: number
  /** The label's text, continuation lines joined with `\n`. */
  text: string
}

/** One typed field of a finding: a label and its text, or an unlabelled paragraph ('' label). */
export interface ParsedField {
  kind: LabelKind
  /** The label word as written, '' for a paragraph without one. */
  label: string
  text: string
}

export interface ParsedFinding {
  firstLine: number
  lastLine: number
  path: number[]
  /** The heading line that belongs to this finding, if any. */
  heading?: number
  /** A point written inside the label line: `详细问题:一是…`. */
  inlinePoint?: { number: number; numberText: string; title: string }
  title: string
  labels: ParsedLabel[]
  problem: string
  rectification: string
  status?: StatusMatch
  /** Text lines of the finding outside any label (before the first label). */
  intro: string
  /** Every paragraph of the finding as typed fields, in the order written. */
  fields: ParsedField[]
  /** An unlabelled line stating the status (`已完成。` after 问题内容), if any. */
  statusLine?: number
}

export type LineRole =
  | { kind: 'blank' }
  | { kind: 'title' }
  | { kind: 'opening' }
  | { kind: 'stats'; stats: StatsSentence }
  | { kind: 'heading'; heading: number; finding?: number }
  | { kind: 'finding'; finding: number }
  | { kind: 'narrative' }
  | { kind: 'closing' }
  | { kind: 'contact'; contact: ContactMatch }
  | { kind: 'signature' }
  | { kind: 'date'; date: DateMatch }

export interface ParsedDocument {
  lines: readonly DocLine[]
  roles: LineRole[]
  headings: ParsedHeading[]
  findings: ParsedFinding[]
}
