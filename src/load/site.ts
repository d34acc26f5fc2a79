import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { siteConfig, type SiteConfig } from '../model/schema.js'
import { defaultStatusPhrases } from '../model/vocabulary.js'
import { parseYaml } from './frontmatter.js'
import { findLimitBreach } from './limits.js'
import { schemaDiagnostics } from './schema-diagnostics.js'

/**
 * site.yml, validated, with its site-wide settings resolved once for every notice: `statusPhrases`
 * is the whole table (the vocabulary's phrases and the site's own over them). A content folder
 * without site.yml gets the defaults.
 */
export function loadSite(source: { path: string; text: string } | undefined): { site: SiteConfig; diagnostics: Diagnostic[] } {
  const { site, diagnostics } = readSite(source)
  return { site: { ...site, statusPhrases: { ...defaultStatusPhrases, ...site.statusPhrases } }, diagnostics }
}

function readSite(source: { path: string; text: string } | undefined): { site: SiteConfig; diagnostics: Diagnostic[] } {
  const defaults = siteConfig.parse({})
  if (!source) return { site: defaults, diagnostics: [] }
  const text = source.text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n')
  const breach = findLimitBreach(text)
  if (breach)
    return {
      site: defaults,
      diagnostics: [{ file: source.path, line: breach.line, column: breach.column, severity: 'error', rule: 'limits', message: breach.message }]
    }
  const yaml = parseYaml(source.path, text, 0)
  if (yaml.data === undefined) return { site: defaults, diagnostics: yaml.diagnostics }
  const checked = schemaDiagnostics(source.path, yaml, siteConfig, yaml.data ?? {})
  return { site: (checked.value as SiteConfig | undefined) ?? defaults, diagnostics: [...yaml.diagnostics, ...checked.diagnostics] }
}
