/**
 * Watches the content and templates folders (fs.watch, recursive: Linux since Node 20) and
 * reports, after a short quiet period, which notice folders changed and whether site.yml or the
 * templates did. Editors save in bursts (write, rename, chmod): one rebuild per burst.
 */
import { watch, type FSWatcher } from 'node:fs'

export interface ChangeSet {
  /** Top-level names under the content folder that changed (notice ids, or anything else). */
  notices: Set<string>
  site: boolean
  templates: boolean
}

export interface Watcher {
  close(): void
}

export function watchFolders(contentDir: string, templatesDir: string, onChange: (changes: ChangeSet) => void, quietMs = 40): Watcher {
  let pending: ChangeSet = { notices: new Set(), site: false, templates: false }
  let timer: NodeJS.Timeout | undefined
  const schedule = (): void => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      const changes = pending
      pending = { notices: new Set(), site: false, templates: false }
      onChange(changes)
    }, quietMs)
  }
  const watchers: FSWatcher[] = [
    watch(contentDir, { recursive: true }, (_event, filename) => {
      const name = filename?.toString().split(/[\\/]/u)[0]
      if (!name || name.startsWith('.')) return
      if (name === 'site.yml') pending.site = true
      else pending.notices.add(name)
      schedule()
    }),
    watch(templatesDir, { recursive: true }, () => {
      pending.templates = true
      schedule()
    })
  ]
  return {
    close() {
      if (timer) clearTimeout(timer)
      for (const watcher of watchers) watcher.close()
    }
  }
}
