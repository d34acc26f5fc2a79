/**
 * The dev server's HTTP side (node:http, 127.0.0.1 unless `--host` says otherwise): serves the in-memory build, injects the
 * reload client into HTML pages, and pushes build events to open pages over server-sent events.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { devClient, type DevEvent } from './client.js'
import { acceptedHosts, hostCheck, isWildcard, machineNames } from './host.js'
import { devPage } from './pages.js'
import { folderLocation, outputPathFor, splitTarget } from './request-path.js'

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
  /** Set while there is nothing true to show (the content folder is gone): every page says why. */
  paused?: string
}

export interface DevServer {
  url: string
  /** Tell every open page about a new build (it reloads) or new diagnostics (overlay). */
  publish(state: DevServerState): void
  close(): Promise<void>
}

/** The reload client, placed just before </body> of an HTML page. */
export function injectClient(html: string, version: number): string {
  const tag = `<script src="${clientPath}" data-version="${version}"></script>\n`
  const at = html.lastIndexOf('</body>')
  return at === -1 ? html + tag : html.slice(0, at) + tag + html.slice(at)
}

/** `host`: the address to listen on (`notice dev --host`), 127.0.0.1 unless the preview is shared on the LAN. */
export async function startDevServer(initial: DevServerState, port: number, host = '127.0.0.1'): Promise<DevServer> {
  let state = initial
  const allowed = hostCheck(host, machineNames())
  const clients = new Set<ServerResponse>()
  const send = (response: ServerResponse): void => {
    response.write(`event: build\ndata: ${JSON.stringify(state.event)}\n\n`)
  }

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const html = contentTypes['.html'] ?? 'text/html'
    if (!allowed(request.headers.host)) {
      response.writeHead(403, { 'content-type': html, 'cache-control': 'no-store' })
      response.end(
        devPage(
          '拒绝访问',
          `预览服务只回答用 ${acceptedHosts(host)} 打开的请求，这个请求的主机名是“${request.headers.host ?? '（空）'}”。请在浏览器中打开 ${address()}。`
        )
      )
      return
    }
    const target = splitTarget(request.url)
    if (target?.pathname === eventsPath) {
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' })
      clients.add(response)
      send(response)
      request.on('close', () => clients.delete(response))
      return
    }
    if (target?.pathname === clientPath) {
      response.writeHead(200, { 'content-type': contentTypes['.js'] ?? 'text/javascript', 'cache-control': 'no-store' })
      response.end(`(${devClient.toString()})()\n`)
      return
    }
    if (state.paused !== undefined) {
      response.writeHead(503, { 'content-type': html, 'cache-control': 'no-store' })
      response.end(injectClient(devPage('预览已暂停', state.paused), state.event.version))
      return
    }
    const file = target === undefined ? undefined : outputPathFor(target.pathname)
    const content = file === undefined ? undefined : state.files.get(file)
    if (target !== undefined && file !== undefined && content === undefined && state.files.has(`${file}/index.html`)) {
      response.writeHead(301, { location: folderLocation(file, target.search) })
      response.end()
      return
    }
    if (file === undefined || content === undefined) {
      response.writeHead(404, { 'content-type': html })
      response.end(
        injectClient(devPage('找不到页面', `找不到 ${target?.pathname ?? request.url ?? ''}。`, { href: '/', text: '返回通报列表' }), state.event.version)
      )
      return
    }
    const type = contentTypes[path.posix.extname(file)] ?? 'application/octet-stream'
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' })
    response.end(type.startsWith('text/html') && typeof content === 'string' ? injectClient(content, state.event.version) : content)
  }

  const server: Server = createServer(handle)
  // A wildcard bind is opened here through loopback; a given address as it was given.
  const shownHost = isWildcard(host) ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host
  const address = (): string => `http://${shownHost}:${(server.address() as AddressInfo | null)?.port ?? port}/`
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  return {
    url: address(),
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
