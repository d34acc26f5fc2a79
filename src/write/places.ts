/**
 * Where a run may write, decided before it writes anything: an output or cache folder inside the
 * content folder would be read as content by every later run, the content inside the output
 * would be replaced by a build, and a cache in the output (or in any folder that is not a cache)
 * would fill it with cache files and a `.gitignore` of `*`.
 */
import { existsSync, readdirSync, realpathSync } from 'node:fs'
import path from 'node:path'
import { UsageError } from '../model/errors.js'

/** The real path of `place`, following links of the part that exists (the rest is yet to be made). */
function realPlace(place: string): string {
  const absolute = path.resolve(place)
  let existing = absolute
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing)
  try {
    return path.join(realpathSync(existing), path.relative(existing, absolute))
  } catch {
    return absolute
  }
}

const within = (inner: string, outer: string): boolean => {
  const relative = path.relative(outer, inner)
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative))
}

/** Inside the content folder where the loader reads: hidden folders (`.notice-cache`) are never read. */
const readAsContent = (inner: string, content: string): boolean => within(inner, content) && !path.relative(content, inner).startsWith('.')

/** Names a cache folder holds; a folder with anything else is not one. */
const cacheNames = new Set(['build-cache.json', '.gitignore', 'diagnostics'])

export interface Places {
  content: string
  out?: string
  cache?: string
  /** How the user wrote each place, for messages. */
  shown: { content: string; out?: string; cache?: string }
}

export function checkPlaces({ content, out, cache, shown }: Places): void {
  const realContent = realPlace(content)
  if (out !== undefined) {
    const realOut = realPlace(out)
    if (readAsContent(realOut, realContent)) {
      throw new UsageError(`输出文件夹 ${shown.out} 在内容文件夹 ${shown.content} 之内：生成的文件会被当成内容读取。请用 --out 把输出放到内容文件夹之外`)
    }
    if (within(realContent, realOut)) {
      throw new UsageError(`内容文件夹 ${shown.content} 在输出文件夹 ${shown.out} 之内：构建会替换输出文件夹，内容会被删除。请用 --out 换一个输出位置`)
    }
    if (cache !== undefined && (within(realPlace(cache), realOut) || within(realOut, realPlace(cache)))) {
      throw new UsageError(
        `缓存文件夹 ${shown.cache} 与输出文件夹 ${shown.out} 重叠：缓存文件会被发布，或输出会被缓存覆盖。请用 --cache 换一个位置（默认 .notice-cache）`
      )
    }
  }
  if (cache === undefined) return
  const realCache = realPlace(cache)
  if (readAsContent(realCache, realContent) || within(realContent, realCache)) {
    throw new UsageError(`缓存文件夹 ${shown.cache} 与内容文件夹 ${shown.content} 重叠：缓存文件会混进内容。请用 --cache 换一个位置（默认 .notice-cache）`)
  }
  let names: string[] = []
  try {
    names = readdirSync(realCache)
  } catch {
    return
  }
  const foreign = names.filter((name) => !cacheNames.has(name) && !name.startsWith('build-cache.json.tmp-'))
  if (foreign.length > 0) {
    throw new UsageError(
      `--cache 指定的文件夹 ${shown.cache} 不是 notice-press 的缓存（其中有 ${foreign.slice(0, 3).join('、')} 等）：为避免写乱其中的文件，请换一个空文件夹或不存在的位置`
    )
  }
}
