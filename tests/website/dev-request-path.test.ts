/** The dev server's redirect target and Host check, for any input (the HTTP side is in dev-safety.test.ts). */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isLoopbackHost } from '../../src/dev/host.js'
import { folderLocation, outputPathFor } from '../../src/dev/request-path.js'

describe('folderLocation', () => {
  it('for any request path and query: a redirect Location stays on this server', () => {
    const piece = fc.constantFrom('/', '//', '\\', '.', '..', '%2F', '%5C', 'evil.com', ':', '@', 'a', '?', '#', '%', '%2e', 'http:')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.string(), (pieces, query) => {
        const file = outputPathFor(`/${pieces.join('')}`)
        if (file === undefined) return
        const location = folderLocation(file, `?${query}`)
        expect(location).toMatch(/^\/(?![/\\])/u)
        const resolved = new URL(location, 'http://127.0.0.1:4000/somewhere/')
        expect(resolved.host).toBe('127.0.0.1:4000')
        expect(resolved.pathname.startsWith('/')).toBe(true)
      }),
      { numRuns: 2000 }
    )
  })
})

describe('isLoopbackHost', () => {
  it('answers loopback names only', () => {
    for (const host of ['127.0.0.1:4000', 'localhost:4000', 'localhost', '[::1]:4000', 'LocalHost:1']) expect(isLoopbackHost(host)).toBe(true)
    for (const host of [
      undefined,
      '',
      'evil.com',
      'evil.com:4000',
      'localhost.evil.com',
      '127.0.0.1.nip.io:4000',
      'evil.com@127.0.0.1',
      '127.0.0.1:4000@evil.com',
      '0.0.0.0:4000',
      '[::1].evil.com'
    ])
      expect(isLoopbackHost(host)).toBe(false)
  })
})
