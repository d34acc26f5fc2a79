/**
 * Builds a notice in memory, as the loader would read it from a content folder, and runs rules on
 * it. `sourceAt` reads the source file at a reported position, so tests check positions exactly.
 */
import { loadNotice, type LoadedNotice, type SourceFile } from '../../src/load/notice.js'
import { escapeLine } from '../../src/markdown/escape.js'
import { siteConfig, type SiteConfig } from '../../src/model/schema.js'
import { defaultStatusPhrases } from '../../src/model/vocabulary.js'
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js'
import type { Rule } from '../../src/validate/rule.js'
import { validateNotice } from '../../src/validate/validate.js'

export interface FixtureFinding {
  id: string
  lines: string[]
  /** Extra YAML for the finding's frontmatter. */
  yaml?: string
}

export interface Fixture {
  /** Extra YAML for notice.md's frontmatter. */
  yaml?: string
  opening?: string[]
  sections?: Array<{ name: string; lines: string[] }>
  findings?: Array<FixtureFinding & { name: string }>
  closing?: string[]
  /** Write lines as they are, without Markdown escapes. */
  raw?: boolean
}

export function fixtureFiles(fixture: Fixture): SourceFile[] {
  const body = (lines: readonly string[]): string => lines.map((line) => (fixture.raw ? line : escapeLine(line))).join('\n\n')
  const files: SourceFile[] = []
  const noticeText = `---\ntitle: 测试通报\n${fixture.yaml ?? ''}---\n\n${body(fixture.opening ?? ['按照县委统一部署，县委第一巡察组对县测试局进行了巡察。'])}\n\n<!-- 正文 -->\n\n${body(fixture.closing ?? [])}\n`
  files.push({ path: 't/notice.md', ref: 't/notice.md', name: 'notice.md', kind: 'notice', text: noticeText })
  for (const section of fixture.sections ?? []) {
    files.push({
      path: `t/sections/${section.name}.md`,
      ref: `t/sections/${section.name}.md`,
      name: `${section.name}.md`,
      kind: 'section',
      text: `${body(section.lines)}\n`
    })
  }
  for (const finding of fixture.findings ?? []) {
    const text = `---\nid: "${finding.id}"\n${finding.yaml ?? ''}---\n\n${body(finding.lines)}\n`
    files.push({ path: `t/findings/${finding.name}.md`, ref: `t/findings/${finding.name}.md`, name: `${finding.name}.md`, kind: 'finding', text })
  }
  return files
}

export function load(fixture: Fixture): { notice: LoadedNotice; files: SourceFile[] } {
  const files = fixtureFiles(fixture)
  return { notice: loadNotice({ id: 't', files }, { statusPhrases: defaultStatusPhrases }), files }
}

export function site(yaml: Record<string, unknown> = {}): SiteConfig {
  return siteConfig.parse(yaml)
}

/** Diagnostics of the given rules only (plus nothing from loading). */
export function run(fixture: Fixture, rules: readonly Rule[], siteSettings: SiteConfig = site()): { diagnostics: Diagnostic[]; files: SourceFile[] } {
  const { notice, files } = load(fixture)
  const ids = new Set(rules.map((rule) => rule.id))
  return { diagnostics: validateNotice(notice, siteSettings, rules).filter((diagnostic) => ids.has(diagnostic.rule)), files }
}

/** The source text at a diagnostic's position, `length` characters long. */
export function sourceAt(files: readonly SourceFile[], diagnostic: Pick<Diagnostic, 'file' | 'line' | 'column'>, length: number): string {
  const file = files.find((candidate) => candidate.path === diagnostic.file)
  const line = file?.text.split('\n')[diagnostic.line - 1] ?? ''
  return line.slice(diagnostic.column - 1, diagnostic.column - 1 + length)
}

/** A finding in one line each: heading, problem, rectification. */
export function finding(name: string, lines: string[], yaml?: string): FixtureFinding & { name: string } {
  return { id: name.replace(/^0+/u, '').replace(/-0+/gu, '-'), name, lines, ...(yaml ? { yaml } : {}) }
}
