/**
 * `notice dev --host`: a preview a colleague opens from another machine on the LAN. The server
 * listens where it is told, warns in Chinese when the whole network can see it, and its Host check
 * answers the names a colleague types (the machine's addresses and name), still not another site's.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { hostname, tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hostCheck } from '../../src/dev/host.js'
import { runCli } from '../helpers/cli.js'
import { startDev, type DevServer } from '../helpers/dev.js'
import { copySeedContent, seedId } from './fixture.js'

describe('the Host check of a preview bound with --host', () => {
  const machine = { addresses: ['127.0.0.1', '192.168.1.20', 'fe80::1'], hostname: 'Office-PC' }

  it('on every interface (0.0.0.0), answers the machine’s addresses and name, and loopback', () => {
    const allowed = hostCheck('0.0.0.0', machine)
    for (const host of ['192.168.1.20:4000', '192.168.1.20', '[fe80::1]:4000', 'office-pc:4000', 'OFFICE-PC', '127.0.0.1:4000', 'localhost:4000'])
      expect(allowed(host), host).toBe(true)
    for (const host of [
      undefined,
      '',
      'evil.example:4000',
      '192.168.1.21:4000',
      '0.0.0.0:4000',
      'office-pc.evil.example:4000',
      '192.168.1.20.nip.io:4000',
      'evil.example@192.168.1.20'
    ]) {
      expect(allowed(host), String(host)).toBe(false)
    }
  })

  it('on one address, answers that address and loopback only', () => {
    const allowed = hostCheck('192.168.1.20', machine)
    expect(allowed('192.168.1.20:4000')).toBe(true)
    expect(allowed('127.0.0.1:4000')).toBe(true)
    expect(allowed('office-pc:4000')).toBe(false)
    expect(allowed('10.0.0.5:4000')).toBe(false)
  })

  it('by default (127.0.0.1), answers loopback names only', () => {
    const allowed = hostCheck('127.0.0.1', machine)
    expect(allowed('127.0.0.1:4000')).toBe(true)
    expect(allowed('192.168.1.20:4000')).toBe(false)
    expect(allowed('office-pc:4000')).toBe(false)
  })
})

describe('notice dev --host', () => {
  it('refuses an address that is not an IP address, in Chinese, with exit 2', () => {
    const result = runCli(['dev', '--host', 'my computer'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--host 应为一个 IP 地址')
    expect(result.stderr).not.toMatch(/\n\s+at /u)
  })

  let dir: string
  let dev: DevServer
  let port: number

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'notice-dev-host-'))
    const content = copySeedContent(dir)
    dev = await startDev(dir, ['--host', '0.0.0.0', '--content', content], '正在监视')
    port = dev.port
  }, 120_000)

  afterAll(async () => {
    await dev?.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  /** One request over loopback with the Host header as given. */
  function status(host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const sent = request({ host: '127.0.0.1', port, path: `/${seedId}/`, setHost: false, headers: { host }, agent: false }, (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
      })
      sent.on('error', reject)
      sent.end()
    })
  }

  it('on 0.0.0.0 warns that the network can see the preview, drafts included', () => {
    expect(dev.output.stdout).toContain('注意：预览在 0.0.0.0 上提供，同一网络中的其他电脑都能打开，包括草稿和尚未发布的内容')
  })

  it('answers a colleague who types the machine’s name, and still refuses another site’s name', async () => {
    expect(await status(`${hostname()}:${port}`)).toBe(200)
    expect(await status(`127.0.0.1:${port}`)).toBe(200)
    expect(await status(`evil.example:${port}`)).toBe(403)
  })
})
