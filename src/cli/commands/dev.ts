import { existsSync, statSync } from 'node:fs'
import { isIP } from 'node:net'
import path from 'node:path'
import { formatDiagnostic, summarize, type Diagnostic } from '../../diagnostics/diagnostic.js'
import { readContent } from '../../load/read.js'
import { idPattern } from '../../model/id.js'
import { readTemplates, resolveTemplatesDir } from '../../render/read-templates.js'
import { createRenderer } from '../../render/templates.js'
import { IncrementalBuild } from '../../dev/incremental.js'
import { isLoopbackAddress, isWildcard, machineNames } from '../../dev/host.js'
import { startDevServer, type DevServerState } from '../../dev/server.js'
import { watchFolders, type ChangeSet } from '../../dev/watch.js'
import { ArgumentError, exitCodes, type Command, type Io } from '../command.js'

export const dev: Command = {
  name: 'dev',
  help: `用法：notice dev [--port 端口] [--host 地址] [--content 文件夹] [--templates 文件夹]

在内存中生成网站（包括草稿），在 http://127.0.0.1:端口/ 提供预览，并监视内容和模板文件夹：
保存文件后只重新生成改动的通报，已打开的页面自动刷新。检查发现的问题打印在终端，错误同时显示在页面底部。
只回答用 127.0.0.1 或 localhost（以及 --host 给出的地址）打开的请求。内容文件夹被移走时预览暂停，放回后自动重新读取。
预览不写入 dist/，也不生成 PDF 和 Word 文件：发布和生成 notice.pdf、notice.docx 请用 notice build --pdf --docx。按 Ctrl+C 退出。

参数：
  --port 端口         端口号（默认 4000；0 表示自动选择空闲端口）
  --host 地址         在哪个地址提供预览（默认 127.0.0.1，只有本机能打开）；0.0.0.0 让同一局域网的同事
                      用本机的 IP 地址或计算机名打开（草稿也能看到，只在可信的网络中使用）
  --content 文件夹    内容文件夹（默认 content）
  --templates 文件夹  模板文件夹（默认当前目录下的 templates，没有则用自带模板）
  -h, --help          显示本帮助`,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    content: { type: 'string' },
    templates: { type: 'string' },
    // Known only to say what to run instead: the preview is pages in memory, never a Word file or a PDF.
    docx: { type: 'boolean' },
    pdf: { type: 'boolean' }
  },
  allowPositionals: false,
  async run(values, _positionals, io) {
    if (values.docx || values.pdf) {
      const [what, file, flag] = values.docx ? ['Word 文件', 'notice.docx', '--docx'] : ['PDF', 'notice.pdf', '--pdf']
      throw new ArgumentError(`预览只在内存中生成网页，不生成 ${what}：请运行 notice build ${flag}，文件写在 dist/<通报编号>/${file}`)
    }
    const port = parsePort(values.port)
    const host = parseHost(values.host)
    const contentArg = String(values.content ?? 'content')
    const contentDir = path.resolve(io.cwd, contentArg)
    const templatesDir = resolveTemplatesDir(values.templates as string | undefined, io.cwd)
    const [source, templates] = await Promise.all([readContent(contentArg, io.cwd), readTemplates(templatesDir)])
    const build = new IncrementalBuild(createRenderer(templates.sources, templates.assets))
    build.replaceAll(source)
    let version = 1
    /** Why nothing can be shown (the content folder is gone), or undefined. */
    let paused: string | undefined
    const state = (): DevServerState => {
      const snapshot = build.snapshot()
      const errors = snapshot.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
      const event = {
        version,
        errors: paused ? [paused] : errors.map(formatDiagnostic),
        warnings: snapshot.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length
      }
      return { files: snapshot.files, event, ...(paused ? { paused } : {}) }
    }
    const first = state()
    report(io, build.snapshot().diagnostics)
    const server = await startDevServer(first, port, host).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') throw new ArgumentError(`端口 ${port} 已被占用，请换一个 --port`)
      if (error.code === 'EADDRNOTAVAIL') throw new ArgumentError(`本机没有地址 ${host}：--host 应为本机的一个 IP 地址，或 0.0.0.0（所有网卡）`)
      throw new ArgumentError(`无法启动预览服务（${error.message}）`)
    })
    const shownContent = path.relative(io.cwd, contentDir) || '.'
    io.out(`预览地址：${server.url}\n`)
    if (!isLoopbackAddress(host)) {
      const lan = isWildcard(host) ? lanUrls(new URL(server.url).port) : []
      if (lan.length > 0) io.out(`同一局域网的电脑可以打开：${lan.join('  ')}\n`)
      io.out(`注意：预览在 ${host} 上提供，同一网络中的其他电脑都能打开，包括草稿和尚未发布的内容。只在可信的局域网中使用，用完按 Ctrl+C 关闭。\n`)
    }
    io.out(`正在监视 ${shownContent} 和 ${path.relative(io.cwd, templatesDir) || templatesDir}，按 Ctrl+C 退出。\n`)

    // Rebuilds run one at a time; changes that arrive meanwhile are merged into the next one.
    let queue: Promise<void> = Promise.resolve()
    const rebuild = async (changes: ChangeSet): Promise<void> => {
      const started = performance.now()
      if (changes.templates) {
        const next = await readTemplates(templatesDir)
        build.replaceRenderer(createRenderer(next.sources, next.assets))
      }
      if (changes.contentGone || !statSync(contentDir, { throwIfNoEntry: false })?.isDirectory()) {
        if (paused) return
        // What was read from the folder is dropped: a page served now would be stale, and when a
        // folder comes back under this name it may be another one.
        paused = `内容文件夹 ${shownContent} 不见了（被移走、改名或删除）：预览已暂停。把它放回原处后会自动重新读取。`
        build.replaceAll({ notices: [], diagnostics: [] })
        version += 1
        server.publish(state())
        io.err(`${paused}\n`)
        return
      }
      const known = [...changes.notices].every((name) => idPattern.test(name) && (build.has(name) || existsSync(path.join(contentDir, name, 'notice.md'))))
      const back = changes.contentBack || paused !== undefined
      if (back || changes.site || !known) {
        build.replaceAll(await readContent(contentArg, io.cwd))
        paused = undefined
      } else if (changes.notices.size > 0) {
        build.replaceNotices(changes.notices, await readContent(contentArg, io.cwd, { only: changes.notices }))
      }
      version += 1
      server.publish(state())
      const what = back
        ? `内容文件夹 ${shownContent} 已放回，全部通报`
        : changes.templates
          ? '模板'
          : changes.site
            ? 'site.yml'
            : [...changes.notices].join('、')
      io.out(`已重新生成（${what}），用时 ${Math.round(performance.now() - started)} 毫秒\n`)
      report(io, build.snapshot().diagnostics)
    }
    const watcher = watchFolders(contentDir, templatesDir, (changes) => {
      queue = queue.then(() => rebuild(changes)).catch((error: unknown) => io.err(`重新生成失败：${error instanceof Error ? error.message : String(error)}\n`))
    })

    await new Promise<void>((resolve) => {
      const stop = (): void => resolve()
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
    watcher.close()
    await server.close()
    return exitCodes.ok
  }
}

function parsePort(value: string | boolean | undefined): number {
  if (value === undefined) return 4000
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ArgumentError(`--port 应为 0 到 65535 之间的整数，不能是 ${String(value)}`)
  return port
}

/** `--host`: an IP address of this machine, 0.0.0.0 or :: for all of them, or localhost. */
function parseHost(value: string | boolean | undefined): string {
  if (value === undefined) return '127.0.0.1'
  const host = String(value).replace(/^\[(.*)\]$/u, '$1')
  if (host === 'localhost' || isIP(host) !== 0) return host
  throw new ArgumentError(`--host 应为一个 IP 地址（如 0.0.0.0 表示所有网卡，或本机的 192.168.1.20），不能是 ${String(value)}`)
}

/** The addresses a colleague can type for a server on every interface: this machine's IPv4 addresses on the LAN. */
function lanUrls(port: string): string[] {
  return machineNames()
    .addresses.filter((address) => isIP(address) === 4 && !isLoopbackAddress(address))
    .map((address) => `http://${address}:${port}/`)
}

function report(io: Io, diagnostics: readonly Diagnostic[]): void {
  for (const diagnostic of diagnostics) io.err(`${formatDiagnostic(diagnostic)}\n`)
  if (diagnostics.length > 0) io.err(`${summarize(diagnostics)}\n`)
}
