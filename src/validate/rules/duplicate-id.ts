import { locate } from '../../load/frontmatter.js'
import type { LoadedPart } from '../../load/notice.js'
import type { Report, Rule } from '../rule.js'

/**
 * Reported at the file that most likely took the id last (a copy, or the file just edited), naming
 * the file that had it first: blaming the untouched file sends the user to change the wrong id.
 */
export const duplicateId: Rule = {
  id: 'duplicate-id',
  severity: 'error',
  description: '两个问题文件用了同一个 id（常见于复制文件后忘了改 id）',
  check(notice) {
    const reports: Report[] = []
    const byId = new Map<string, LoadedPart[]>()
    for (const part of notice.parts) {
      const id = part.finding?.id
      if (id === undefined) continue
      const sharing = byId.get(id)
      if (sharing) sharing.push(part)
      else byId.set(id, [part])
    }
    for (const [id, parts] of byId) {
      if (parts.length < 2) continue
      const { first, reason } = firstHolder(id, parts)
      const firstPlace = { file: first.file.path, ...locate(first.frontmatter, ['id'], 'value') }
      for (const part of parts) {
        if (part === first) continue
        const why = reason(part)
        reports.push({
          file: part.file.path,
          ...locate(part.frontmatter, ['id'], 'value'),
          message: `问题编号 id: ${id} 已在 ${firstPlace.file}:${firstPlace.line}:${firstPlace.column} 中使用；${why}。id 必须唯一：请把这个文件的 id 改成一个新的编号（复制文件后常忘了改），不要改原有问题的 id`,
          text: id,
          related: firstPlace
        })
      }
    }
    return reports
  }
}

/**
 * Which of the files sharing an id had it first, and why each other one is taken for the newer:
 * the file whose name gives that id (01-02.md for 1-2) when exactly one does, else the file changed
 * longest ago when the listing knows the times, else the first in reading order.
 */
function firstHolder(id: string, parts: readonly LoadedPart[]): { first: LoadedPart; reason: (part: LoadedPart) => string } {
  const named = parts.filter((part) => idOfName(part.file.name) === id)
  const [onlyNamed] = named
  if (named.length === 1 && onlyNamed) {
    return { first: onlyNamed, reason: (part) => `这个文件是新加或刚改过的（文件名 ${part.file.name} 对应的编号不是 ${id}，${onlyNamed.file.name} 的才是）` }
  }
  const times = parts.map((part) => part.file.mtimeMs)
  if (times.every((time): time is number => time !== undefined) && new Set(times).size === times.length) {
    const oldest = parts.reduce((a, b) => ((a.file.mtimeMs ?? 0) <= (b.file.mtimeMs ?? 0) ? a : b))
    return { first: oldest, reason: () => `这个文件是后改动的（修改时间比 ${oldest.file.name} 晚）` }
  }
  const [inOrder] = parts
  if (!inOrder) throw new Error('firstHolder needs at least one part')
  return { first: inOrder, reason: () => '无法判断哪个文件是新改的，这里报在排在后面的文件上' }
}

/** The finding id a file name stands for (`01-04-02.md` → `1-4-2`), or undefined for another name. */
function idOfName(name: string): string | undefined {
  const stem = name.replace(/\.md$/u, '')
  if (!/^\d+(?:-\d+)*$/u.test(stem)) return undefined
  return stem
    .split('-')
    .map((number) => String(Number(number)))
    .join('-')
}
