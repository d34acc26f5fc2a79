/**
 * The dev server's HTTP side (node:http, 127.0.0.1 only): serves the in-memory build, injects the
 * reload client into HTML pages, and pushes build events to open pages over server-sent events.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { devClient, type DevEvent } from './client.js'

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2'
}

const clientPath = '/__notice-dev/client.js'
const eventsPath = '/__notice-dev/events'

export interface DevServerState {
  files: ReadonlyMap<string, string | Uint8Array>
  event: DevEvent
}

export interface DevServer {
  url: string
  /** Tell every open page about a new build (it reloads) or new diagnostics (overlay). */
  publish(state: DevServerState): void
  close(): Promise<void>
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

/** The reload client, placed just before </body> of an HTML page. */
export function injectClient(html: string, version: number): string {
  const tag = `<script src="${clientPath}" data-version="${version}"></script>\n`
  const at = html.lastIndexOf('</body>')
  return at === -1 ? html + tag : html.slice(0, at) + tag + html.slice(at)
}

export async function startDevServer(initial: DevServerState, port: number): Promise<DevServer> {
  let state = initial
  const clients = new Set<ServerResponse>()
  const send = (response: ServerResponse): void => {
    response.write(`event: build\ndata: ${JSON.stringify(state.event)}\n\n`)
  }

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === eventsPath) {
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' })
      clients.add(response)
      send(response)
      request.on('close', () => clients.delete(response))
      return
    }
    if (url.pathname === clientPath) {
      response.writeHead(200, { 'content-type': contentTypes['.js'] ?? 'text/javascript', 'cache-control': 'no-store' })
      response.end(`(${devClient.toString()})()\n`)
      return
    }
    const file = outputPathFor(url.pathname)
    const content = file === undefined ? undefined : state.files.get(file)
    if (file !== undefined && content === undefined && state.files.has(`${file}/index.html`)) {
      response.writeHead(301, { location: `${url.pathname}/` })
      response.end()
      return
    }
    if (file === undefined || content === undefined) {
      response.writeHead(404, { 'content-type': contentTypes['.html'] ?? 'text/html' })
      response.end(injectClient(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>找不到页面</title></head><body><p>找不到 ${escapeHtml(url.pathname)}。<a href="/">返回通报列表</a></p></body></html>`, state.event.version))
      return
    }
    const type = contentTypes[path.posix.extname(file)] ?? 'application/octet-stream'
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' })
    response.end(type.startsWith('text/html') && typeof content === 'string' ? injectClient(content, state.event.version) : content)
  }

  const server: Server = createServer(handle)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const address = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${address.port}/`,
    publish(next) {
      state = next
      for (const client of clients) send(client)
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of clients) client.end()
        server.close(() => resolve())
      })
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;')
}
