import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { siteConfig, type SiteConfig } from '../model/schema.js'
import { parseYaml } from './frontmatter.js'
import { schemaDiagnostics } from './schema-diagnostics.js'

/** site.yml, validated; a content folder without one gets the defaults. */
export function loadSite(source: { path: string; text: string } | undefined): { site: SiteConfig; diagnostics: Diagnostic[] } {
  const defaults = siteConfig.parse({})
  if (!source) return { site: defaults, diagnostics: [] }
  const yaml = parseYaml(source.path, source.text, 0)
  if (yaml.data === undefined) return { site: defaults, diagnostics: yaml.diagnostics }
  const checked = schemaDiagnostics(source.path, yaml, siteConfig, yaml.data ?? {})
  return { site: (checked.value as SiteConfig | undefined) ?? defaults, diagnostics: [...yaml.diagnostics, ...checked.diagnostics] }
}
