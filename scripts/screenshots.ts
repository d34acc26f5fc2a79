/**
 * Screenshots for the README: the seed's notice page, the stats page (the seed and two small
 * notices beside it) and the search page answering 厂房, each at a 360 px phone and a 1280 px desktop.
 * Run: npm run compile && npx tsx scripts/screenshots.ts   (writes docs/screenshots/*.png)
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { launchBrowser, openPage } from '../tests/website/browser.js'
import { buildSeed, seedId } from '../tests/website/fixture.js'
import { serve } from '../tests/website/serve.js'

const docs = fileURLToPath(new URL('../docs/screenshots/', import.meta.url))
const dir = mkdtempSync(path.join(tmpdir(), 'notice-shots-'))
const { out } = buildSeed(dir, { extraNotices: true })
const site = await serve(out)
const browser = await launchBrowser()
const shots = [
  { name: 'notice-phone.png', file: `${seedId}/index.html`, width: 360, height: 1500 },
  { name: 'notice-desktop.png', file: `${seedId}/index.html`, width: 1280, height: 1100 },
  { name: 'stats-phone.png', file: 'stats.html', width: 360, height: 1500 },
  { name: 'stats-desktop.png', file: 'stats.html', width: 1280, height: 1100 },
  { name: 'search-phone.png', file: `search.html?q=${encodeURIComponent('厂房')}`, width: 360, height: 1300 },
  { name: 'search-desktop.png', file: `search.html?q=${encodeURIComponent('厂房')}`, width: 1280, height: 900 }
]
for (const shot of shots) {
  const { page, context } = await openPage(browser, `${site.url}${shot.file}`, { width: shot.width })
  await page.setViewportSize({ width: shot.width, height: shot.height })
  if (shot.file.startsWith('search.html')) await page.waitForSelector('#search-results li')
  await page.screenshot({ path: path.join(docs, shot.name) })
  await context.close()
  console.log(`docs/screenshots/${shot.name}`)
}
await browser.close()
await site.close()
rmSync(dir, { recursive: true, force: true })
