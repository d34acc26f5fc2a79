/**
 * Eta templates, loaded from `templates/` once and compiled by name (`@notice`, `@layout` …).
 * Rendering never reads the disk: the sources are handed in, which keeps it pure and cacheable.
 */
import { Eta } from 'eta/core'

export type TemplateSources = Readonly<Record<string, string>>

export interface Renderer {
  render(name: string, data: object): string
  /** Static files shipped with the templates (the CSS), by output path. */
  assets: Readonly<Record<string, string>>
}

export function createRenderer(sources: TemplateSources, assets: Readonly<Record<string, string>> = {}): Renderer {
  const eta = new Eta({ autoEscape: true, autoTrim: [false, 'nl'], cache: true, useWith: false, varName: 'it' })
  for (const [name, source] of Object.entries(sources)) eta.loadTemplate(`@${name}`, source)
  return {
    render: (name, data) => eta.render(`@${name}`, data),
    assets
  }
}
