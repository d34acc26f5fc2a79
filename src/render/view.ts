/**
 * The notice as a sequence of view blocks: what every HTML output (page, print page, fragment)
 * lays out. Built once per notice from the parsed document; templates only print it.
 */
import type { LoadedNotice } from '../load/notice.js'
import type { FindingRecord } from '../model/schema.js'
import type { Status } from '../model/vocabulary.js'
import { statusLabel } from '../model/status-label.js'
import { isOpen, presentStatuses, progressOf } from './progress.js'
import { matchHeading } from '../structure/classify.js'
import { escapeHtml, escapeText, inlineHtml, blockHtml } from './html.js'

export interface ViewHeading {
  level: number
  rank: number
  numberText: string
  /** Title without its numbering, as HTML. */
  titleHtml: string
  /** Text after the heading sentence on the same line. */
  bodyHtml?: string
}

export interface ViewParagraph {
  label?: string
  html: string
}

export type ViewBlock =
  /** The notice's own title line; `sameAsTitle` when it says what the page's heading already says. */
  | { kind: 'title'; html: string; sameAsTitle: boolean }
  | { kind: 'paragraph'; role: 'opening' | 'stats' | 'narrative' | 'closing'; html: string }
  | { kind: 'contact'; html: string }
  | { kind: 'heading'; heading: ViewHeading; anchor: string }
  | {
      kind: 'finding'
      anchor: string
      record: FindingRecord
      statusName: string
      heading?: ViewHeading
      paragraphs: ViewParagraph[]
    }
  | { kind: 'signature'; text: string }
  | { kind: 'date'; text: string }

export interface NoticeView {
  blocks: ViewBlock[]
  hasTitleLine: boolean
  hasSignatureLine: boolean
  hasDateLine: boolean
  summary: {
    total: number
    done: number
    inProgress: number
    other: number
    /** Findings without a status phrase. */
    unknown: number
    /** False when no finding states a status: the page shows 整改状态未标明, not a 0% rate. */
    known: boolean
    rate: string
    completionRate: number
    byStatus: Array<{ status: Status; name: string; count: number }>
    /** Findings still open (`isOpen`), in document order: the page links to each. */
    open: Array<Extract<ViewBlock, { kind: 'finding' }>>
  }
}

export function buildView(notice: LoadedNotice): NoticeView {
  const { document, findings } = notice
  const ranks = [...new Set(document.headings.filter((heading) => !heading.inline).map((heading) => heading.rank))].sort((a, b) => a - b)
  const levelOf = (rank: number): number => Math.min(6, 2 + Math.max(0, ranks.indexOf(rank)))
  const blocks: ViewBlock[] = []
  const findingBlocks = new Map<number, Extract<ViewBlock, { kind: 'finding' }>>()
  const findingBlock = (index: number): Extract<ViewBlock, { kind: 'finding' }> | undefined => {
    let block = findingBlocks.get(index)
    const finding = findings[index]
    if (!block && finding) {
      block = { kind: 'finding', anchor: finding.record.anchor, record: finding.record, statusName: statusLabel(finding.record), paragraphs: [] }
      findingBlocks.set(index, block)
      blocks.push(block)
    }
    return block
  }

  document.lines.forEach((line, index) => {
    const role = document.roles[index]
    if (!role) return
    const { text, node } = line
    switch (role.kind) {
      case 'blank':
        return
      case 'title':
        blocks.push({ kind: 'title', html: inlineHtml(text, node), sameAsTitle: compactText(text) === compactText(notice.record.title) })
        return
      case 'opening':
      case 'stats':
      case 'narrative':
      case 'closing':
        blocks.push({ kind: 'paragraph', role: role.kind === 'stats' ? 'stats' : role.kind, html: paragraphHtml(text, node) })
        return
      case 'contact':
        blocks.push({ kind: 'contact', html: contactHtml(text) })
        return
      case 'signature':
        blocks.push({ kind: 'signature', text: text.trim() })
        return
      case 'date':
        blocks.push({ kind: 'date', text: text.trim() })
        return
      case 'heading': {
        const parsed = document.headings[role.heading]
        if (!parsed) return
        // 一是…二是… outside a finding is run-in prose in official style, never a heading of its own.
        if (parsed.scheme === 'shi' && role.finding === undefined) {
          blocks.push({ kind: 'paragraph', role: 'narrative', html: paragraphHtml(text, node) })
          return
        }
        const match = matchHeading(text)
        const heading: ViewHeading = {
          level: levelOf(parsed.rank),
          rank: parsed.rank,
          numberText: parsed.numberText,
          titleHtml: inlineHtml(text, node, match?.titleOffset ?? 0, match && parsed.body ? match.bodyOffset : text.length)
        }
        const finding = role.finding === undefined ? undefined : findings[role.finding]
        const label = finding?.parsed.labels.find((candidate) => candidate.line === index)
        if (parsed.body.trim() && match && !label) heading.bodyHtml = inlineHtml(text, node, match.bodyOffset)
        if (role.finding !== undefined) {
          const block = findingBlock(role.finding)
          if (block) {
            block.heading = heading
            if (label) block.paragraphs.push({ label: label.raw, html: inlineHtml(text, node, label.textOffset) })
          }
        } else {
          blocks.push({ kind: 'heading', heading, anchor: `s-${parsed.path.join('-')}` })
        }
        return
      }
      case 'finding': {
        const block = findingBlock(role.finding)
        const label = findings[role.finding]?.parsed.labels.find((candidate) => candidate.line === index)
        if (!block) return
        if (label) block.paragraphs.push({ label: text.slice(0, label.textOffset), html: inlineHtml(text, node, label.textOffset) })
        else block.paragraphs.push({ html: paragraphHtml(text, node) })
        return
      }
    }
  })

  const progress = progressOf(notice.record.stats)
  const { total, done, unknown, known } = progress
  const inProgress = progress.byStatus.in_progress + progress.byStatus.partial
  return {
    blocks,
    hasTitleLine: blocks.some((block) => block.kind === 'title'),
    hasSignatureLine: blocks.some((block) => block.kind === 'signature'),
    hasDateLine: blocks.some((block) => block.kind === 'date'),
    summary: {
      total,
      done,
      inProgress,
      other: total - done - inProgress,
      unknown,
      known,
      rate: progress.rate,
      completionRate: progress.completionRate,
      byStatus: presentStatuses(progress.byStatus),
      open: blocks.filter((block): block is Extract<ViewBlock, { kind: 'finding' }> => block.kind === 'finding' && isOpen(block.record.status))
    }
  }
}

function paragraphHtml(text: string, node: LoadedNotice['document']['lines'][number]['node']): string {
  if (node && node.type !== 'paragraph' && node.type !== 'heading') return blockHtml(node)
  return inlineHtml(text, node)
}

const contactPattern = /([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})|((?:[（(]?0\d{2,3}[）)]?[-－—]?)?\d{7,8}(?!\d)|1[3-9]\d{9}(?!\d))/gu

/** A contact line with its e-mail addresses as mailto: links and its phone numbers as tel: links. */
export function contactHtml(text: string): string {
  let html = ''
  let last = 0
  for (const match of text.matchAll(contactPattern)) {
    const index = match.index ?? 0
    html += escapeText(text.slice(last, index))
    const value = match[0]
    const href = match[1] ? `mailto:${value}` : `tel:${value.replace(/[^\d]/gu, '')}`
    html += `<a href="${escapeHtml(href)}">${escapeHtml(value)}</a>`
    last = index + value.length
  }
  return html + escapeText(text.slice(last))
}

/** Text without its spacing, to compare a title line with the title (an imported line may carry spaces the title lost). */
function compactText(text: string): string {
  return text.replace(/[\s\u3000]+/gu, '')
}
