/**
 * How long `notice dev` takes from saving a finding to the open page showing it.
 * Run: npm run compile && npx tsx bench/dev-latency.ts [rounds]
 * Prints each round (page latency and the server's own rebuild time) and the median.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { launchBrowser, openPage } from '../tests/website/browser.js'
import { copySeedContent, seedId } from '../tests/website/fixture.js'
import { fileURLToPath } from 'node:url'

const repoRoot = fileURLToPath(new URL('../', import.meta.url))
const rounds = Number(process.argv[2] ?? 5)
const dir = mkdtempSync(path.join(tmpdir(), 'notice-bench-'))
const content = copySeedContent(dir)
const server = spawn(process.execPath, [path.join(repoRoot, 'bin', 'notice.js'), 'dev', '--port', '0', '--content', content], {
  stdio: ['ignore', 'pipe', 'ignore']
})
let stdout = ''
server.stdout.on('data', (chunk: Buffer) => {
  stdout += chunk.toString('utf8')
})
const base = await new Promise<string>((resolve) => {
  const timer = setInterval(() => {
    const match = /预览地址：(\S+)/u.exec(stdout)
    if (match?.[1]) {
      clearInterval(timer)
      resolve(match[1])
    }
  }, 10)
})
const browser = await launchBrowser()
const { page } = await openPage(browser, `${base}${seedId}/`, { width: 1280 })
const file = path.join(content, seedId, 'findings', '01-04-02.md')
const original = readFileSync(file, 'utf8')
const latencies: number[] = []
for (let round = 1; round <= rounds; round++) {
  const marker = `（第${round}次修改）`
  const logged = stdout.length
  const started = performance.now()
  writeFileSync(file, original.replace('不能发挥集群效益。', `不能发挥集群效益。${marker}`))
  for (;;) {
    const text = await page
      .locator('[id="f-1-4-2"]')
      .innerText()
      .catch(() => '')
    if (text.includes(marker)) break
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  const latency = performance.now() - started
  latencies.push(latency)
  const rebuild = /用时 (\d+) 毫秒/u.exec(stdout.slice(logged))?.[1] ?? '?'
  console.log(`round ${round}: page shows the change after ${Math.round(latency)} ms (server rebuild ${rebuild} ms)`)
  await new Promise((resolve) => setTimeout(resolve, 300))
}
latencies.sort((a, b) => a - b)
console.log(`median ${Math.round(latencies[Math.floor(latencies.length / 2)] ?? 0)} ms over ${rounds} rounds`)
await browser.close()
server.kill('SIGTERM')
rmSync(dir, { recursive: true, force: true })
