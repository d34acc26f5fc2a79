/**
 * Watches the content and templates folders (fs.watch, recursive: Linux since Node 20) and
 * reports, after a short quiet period, which notice folders changed and whether site.yml or the
 * templates did. Editors save in bursts (write, rename, chmod): one rebuild per burst.
 *
 * A recursive watch follows the folder it was opened on, not its name: once the content folder is
 * moved away it reports nothing more, even after the folder (or another one) is put back under the
 * same name. So the folder itself is watched too: when it goes, that is reported; when a folder is
 * there again (or a different one took its place), a new watch is opened on it and everything is
 * read again.
 */
import { statSync, watch, type FSWatcher } from 'node:fs'

export interface ChangeSet {
  /** Top-level names under the content folder that changed (notice ids, or anything else). */
  notices: Set<string>
  site: boolean
  templates: boolean
  /** The content folder is no longer there (moved away or deleted). */
  contentGone: boolean
  /** The content folder is there again, or was replaced: read all of it. */
  contentBack: boolean
}

export interface Watcher {
  close(): void
}

export interface WatchOptions {
  quietMs?: number
  /** How often the content folder's presence is checked besides its own events. */
  checkMs?: number
}

const emptyChanges = (): ChangeSet => ({ notices: new Set(), site: false, templates: false, contentGone: false, contentBack: false })

/** The identity of a folder (device and inode), or undefined when no folder is there. */
function folderIdentity(folder: string): string | undefined {
  const stats = statSync(folder, { throwIfNoEntry: false, bigint: true })
  return stats?.isDirectory() ? `${stats.dev}:${stats.ino}` : undefined
}

export function watchFolders(contentDir: string, templatesDir: string, onChange: (changes: ChangeSet) => void, options: WatchOptions = {}): Watcher {
  const quietMs = options.quietMs ?? 40
  let pending = emptyChanges()
  let timer: NodeJS.Timeout | undefined
  let closed = false
  const schedule = (): void => {
    if (closed) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      const changes = pending
      pending = emptyChanges()
      onChange(changes)
    }, quietMs)
  }

  let content: FSWatcher | undefined
  let identity: string | undefined
  const openContent = (): void => {
    try {
      content = watch(contentDir, { recursive: true }, (_event, filename) => {
        const name = filename?.toString().split(/[\\/]/u)[0]
        // An event without a name is about the watched folder itself: it was moved or deleted.
        if (!name) return recheck(true)
        if (name.startsWith('.')) return
        if (name === 'site.yml') pending.site = true
        else pending.notices.add(name)
        schedule()
      })
      content.on('error', () => recheck(true))
    } catch {
      content = undefined
    }
  }
  const closeContent = (): void => {
    content?.close()
    content = undefined
  }
  /** Compares the folder now with the one being watched; `force` re-opens the watch even if it looks the same. */
  const recheck = (force: boolean): void => {
    if (closed) return
    const now = folderIdentity(contentDir)
    if (now === undefined) {
      if (identity === undefined) return
      closeContent()
      identity = undefined
      pending = { ...emptyChanges(), templates: pending.templates, contentGone: true }
      schedule()
      return
    }
    if (!force && now === identity && content) return
    closeContent()
    identity = now
    openContent()
    pending = { ...emptyChanges(), templates: pending.templates, contentBack: true }
    schedule()
  }

  identity = folderIdentity(contentDir)
  if (identity !== undefined) openContent()
  const templates = watch(templatesDir, { recursive: true }, () => {
    pending.templates = true
    schedule()
  })
  const poll = setInterval(() => recheck(false), options.checkMs ?? 500)
  poll.unref()
  return {
    close() {
      closed = true
      if (timer) clearTimeout(timer)
      clearInterval(poll)
      closeContent()
      templates.close()
    }
  }
}
