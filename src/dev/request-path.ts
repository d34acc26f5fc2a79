/**
 * From a request target to a file of the in-memory build, and back to a redirect. The target is
 * read as a path on this server only: `//evil.com` is not a URL with another host here, and a
 * redirect is built from the file's own clean path, never from what the request said, so its
 * Location always stays on this site.
 */
import path from 'node:path'

export interface RequestPath {
  /** The path part, still percent-encoded (for comparing with the server's own endpoints). */
  pathname: string
  /** `?…` or '' */
  search: string
}

/** The path and query of an origin-form target (`/a/b?c`); undefined for any other form. */
export function splitTarget(target: string | undefined): RequestPath | undefined {
  if (target === undefined || !target.startsWith('/')) return undefined
  const hash = target.indexOf('#')
  const withoutHash = hash === -1 ? target : target.slice(0, hash)
  const query = withoutHash.indexOf('?')
  return query === -1 ? { pathname: withoutHash, search: '' } : { pathname: withoutHash.slice(0, query), search: withoutHash.slice(query) }
}

/** `/a/` → `a/index.html`; undefined for paths that try to leave the output. */
export function outputPathFor(urlPath: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  const normalised = path.posix.normalize(decoded)
  if (!normalised.startsWith('/') || normalised.includes('\0')) return undefined
  const relative = normalised.slice(1)
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative
}

/**
 * Where a folder of the build is served (`a/b` → `/a/b/`): every segment percent-encoded, so no
 * `\`, `//` or `:` can make a browser read the Location as another host.
 */
export function folderLocation(folder: string, search: string): string {
  const segments = folder.split('/').filter((segment) => segment !== '')
  const query = search.startsWith('?') ? `?${search.slice(1).replace(/[^\x21-\x7e]/gu, encodeURIComponent)}` : ''
  return `/${segments.map(encodeURIComponent).join('/')}/${query}`
}
