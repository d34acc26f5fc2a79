/**
 * Nothing is fetched from another host: a remote image is an error for check, no output names it
 * even when a site turns the rule off, and Chromium printing a PDF is allowed no network request.
 */
import { createServer, type Server } from 'node:http'
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumPath } from '../../src/pdf/chromium.js'
import { printPdfs } from '../../src/pdf/print-pdf.js'
import { tempDir } from '../helpers/cli.js'
import { minimalContent, readTree, runMain } from './support.js'

let server: Server
let requests: string[] = []
let origin = ''
beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '')
    // A host that never answers: printing would wait for it until the page load timed out.
    if (request.url === '/never.png') return
    response.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from('89504e470d0a1a0a', 'hex'))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  origin = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : ''
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('remote resources', () => {
  it('with the rule turned off, a remote image becomes its alt text in every output', async () => {
    const root = tempDir('notice-remote-')
    cpSync(minimalContent, path.join(root, 'content'), { recursive: true })
    const finding = path.join(root, 'content', 'n1', 'findings', '01-02.md')
    writeFileSync(
      finding,
      readFileSync(finding, 'utf8').replace('逐月检查学习记录。', `逐月检查![现场照片](${origin}/a.png)学习记录。\n\n![整改前](//cdn.example.com/b.png)`)
    )
    writeFileSync(path.join(root, 'content', 'site.yml'), 'rules:\n  remote-resource: "off"\n')
    expect((await runMain(['build', '--content', 'content', '--out', 'out'], root)).code).toBe(0)
    const files = readTree(path.join(root, 'out'))
    for (const [file, text] of Object.entries(files)) {
      if (!file.endsWith('.html')) continue
      expect(text, file).not.toContain('127.0.0.1')
      expect(text, file).not.toContain('cdn.example.com')
    }
    expect(files['n1/index.html']).toContain('现场照片')
  })

  it.skipIf(!existsSync(chromiumPath(process.env)))(
    'printing a PDF makes no network request, and a host that never answers does not hang it',
    async () => {
      requests = []
      const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title><link rel="stylesheet" href="${origin}/style.css"></head><body><p>正文</p><img src="${origin}/a.png" alt="图"><img src="${origin}/never.png" alt="图"></body></html>`
      const [pdf] = await printPdfs([{ path: 'n1/notice.pdf', html }], { concurrency: 1, executablePath: chromiumPath(process.env) })
      expect(
        Buffer.from(pdf?.content ?? [])
          .subarray(0, 5)
          .toString()
      ).toBe('%PDF-')
      expect(requests).toEqual([])
    },
    90_000
  )
})
