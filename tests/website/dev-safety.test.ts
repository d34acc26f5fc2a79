/**
 * notice dev as an attacker and a careless user would meet it, over real HTTP against the real
 * command: no redirect leaves the site, a page reached under another host name (DNS rebinding) is
 * refused, and a content folder moved away and back neither stops the preview nor leaves it
 * showing pages of a folder that is no longer there.
 */
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDev, type DevServer } from '../helpers/dev.js'
import { copySeedContent, seedId } from './fixture.js'

let dir: string
let content: string
let dev: DevServer
let port: number

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'notice-dev-safety-'))
  content = copySeedContent(dir)
  dev = await startDev(dir, ['--content', content])
  port = dev.port
})

afterAll(async () => {
  await dev?.stop()
  rmSync(dir, { recursive: true, force: true })
})

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** One request with the target and Host exactly as given (fetch would clean both up). */
function get(target: string, host: string | null = `127.0.0.1:${port}`): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, path: target, setHost: false, headers: host === null ? {} : { host }, agent: false }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    sent.on('error', reject)
    sent.end()
  })
}

async function waitFor(check: () => Promise<boolean>, what: string, limitMs = 20_000): Promise<void> {
  const started = performance.now()
  while (performance.now() - started < limitMs) {
    if (await check().catch(() => false)) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`${what}: not within ${limitMs} ms\nstdout: ${dev.output.stdout}\nstderr: ${dev.output.stderr}`)
}

const findingTitle = '（预览测试）'

describe('notice dev: redirects stay on the site', () => {
  it('sends a folder without its slash to the same folder on this server', async () => {
    const answer = await get(`/${seedId}`)
    expect(answer.status).toBe(301)
    expect(answer.headers.location).toBe(`/${seedId}/`)
  })

  it.each([
    `/.//evil.com/..%2F${seedId}`,
    `//evil.com/..%2F${seedId}`,
    `/%2F%2Fevil.com/..%2F${seedId}`,
    `/%5Cevil.com/..%2F${seedId}`,
    `/%2F%5Cevil.com%2F..%2F${seedId}`,
    `/./%2Fevil.com/../${seedId}?a=//evil.com`,
    '//evil.com',
    '//evil.com/',
    '/\\evil.com'
  ])('never answers %s with a Location off the site', async (target) => {
    const answer = await get(target)
    const location = answer.headers.location
    if (location !== undefined) {
      expect(typeof location).toBe('string')
      // A Location is another host when it has a scheme, or starts with two slashes (either way round).
      expect(location).toMatch(/^\/(?![/\\])/u)
      expect(new URL(String(location), 'http://127.0.0.1:1/').host).toBe('127.0.0.1:1')
    }
    if (answer.status === 301) expect(String(location).split('?')[0]).toBe(`/${seedId}/`)
  })
})

describe('notice dev: only answers to its own host name', () => {
  it.each([`127.0.0.1:PORT`, 'localhost:PORT', '[::1]:PORT', 'LOCALHOST:PORT'])('serves the preview to Host %s', async (host) => {
    const answer = await get(`/${seedId}/`, host.replace('PORT', String(port)))
    expect(answer.status).toBe(200)
    expect(answer.body).toContain('伊川县产业集聚区')
  })

  it.each(['evil.example:PORT', 'evil.example', '127.0.0.1.evil.example:PORT', 'localhost.evil.example', '127.0.0.1@evil.example', '10.0.0.5:PORT'])(
    'refuses Host %s (DNS rebinding) with a Chinese page, drafts and events included',
    async (host) => {
      for (const target of [`/${seedId}/`, '/', '/__notice-dev/events', `/${seedId}/notice.json`]) {
        const answer = await get(target, host.replace('PORT', String(port)))
        expect(answer.status).toBe(403)
        expect(answer.headers['content-type']).toMatch(/^text\/html/u)
        expect(answer.body).toContain('拒绝访问')
        expect(answer.body).toContain('127.0.0.1')
        expect(answer.body).not.toContain('伊川县产业集聚区')
      }
    }
  )

  it('shows nothing to a request without a Host', async () => {
    const answer = await get(`/${seedId}/`, null)
    expect(answer.status).toBeGreaterThanOrEqual(400)
    expect(answer.body).not.toContain('伊川县产业集聚区')
  })
})

describe('notice dev: the content folder moved away and back', () => {
  it('pauses with a Chinese message while it is gone, then follows edits again once it is back', async () => {
    const away = path.join(dir, 'content-away')
    renameSync(content, away)
    await waitFor(async () => (await get(`/${seedId}/`)).status === 503, 'paused page')
    const paused = await get(`/${seedId}/`)
    expect(paused.body).toContain('内容文件夹')
    expect(paused.body).not.toContain('伊川县产业集聚区')
    await waitFor(async () => /内容文件夹 content 不见了/u.test(dev.output.stderr), 'terminal message')

    renameSync(away, content)
    await waitFor(async () => (await get(`/${seedId}/`)).status === 200, 'served again')
    const finding = path.join(content, seedId, 'findings', '01-04-02.md')
    writeFileSync(finding, readFileSync(finding, 'utf8').replace('不能发挥集群效益。', `不能发挥集群效益。${findingTitle}`))
    await waitFor(async () => (await get(`/${seedId}/`)).body.includes(findingTitle), 'edit after the folder came back')
    expect(dev.child.exitCode).toBeNull()
  })

  it('serves the folder now under the name, never the one moved away', async () => {
    const old = path.join(dir, 'content-old')
    renameSync(content, old)
    cpSync(old, content, { recursive: true })
    const noticeFile = path.join(content, seedId, 'notice.md')
    writeFileSync(noticeFile, readFileSync(noticeFile, 'utf8').replace(/^title: (.*)$/mu, 'title: $1（新文件夹）'))
    await waitFor(async () => (await get(`/${seedId}/`)).body.includes('（新文件夹）'), 'the new folder')

    // An edit in the folder that was moved away is not the preview's business any more.
    const oldFinding = path.join(old, seedId, 'findings', '01-04-02.md')
    writeFileSync(oldFinding, readFileSync(oldFinding, 'utf8').replace('不能发挥集群效益。', '不能发挥集群效益。（旧文件夹）'))
    const newFinding = path.join(content, seedId, 'findings', '03-05.md')
    writeFileSync(newFinding, `${readFileSync(newFinding, 'utf8').trimEnd()}（新文件夹的修改）\n`)
    await waitFor(async () => (await get(`/${seedId}/`)).body.includes('（新文件夹的修改）'), 'edit in the new folder')
    expect((await get(`/${seedId}/`)).body).not.toContain('（旧文件夹）')
    expect(dev.child.exitCode).toBeNull()
  })
})
