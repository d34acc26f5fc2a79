/**
 * Screenshots of the seed's notice page for the README: a 360 px phone and a 1280 px desktop.
 * Run: npm run compile && npx tsx scripts/screenshots.ts   (writes docs/screenshots/*.png)
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { launchBrowser, openPage } from '../tests/website/browser.js'
import { buildSeed, seedId } from '../tests/website/fixture.js'

const docs = fileURLToPath(new URL('../docs/screenshots/', import.meta.url))
const dir = mkdtempSync(path.join(tmpdir(), 'notice-shots-'))
const { out } = buildSeed(dir)
const browser = await launchBrowser()
const shots = [
  { name: 'notice-phone.png', width: 360, height: 1500 },
  { name: 'notice-desktop.png', width: 1280, height: 1100 }
]
for (const shot of shots) {
  const { page, context } = await openPage(browser, pathToFileURL(path.join(out, seedId, 'index.html')).href, { width: shot.width })
  await page.setViewportSize({ width: shot.width, height: shot.height })
  await page.screenshot({ path: path.join(docs, shot.name) })
  await context.close()
  console.log(`docs/screenshots/${shot.name}`)
}
await browser.close()
rmSync(dir, { recursive: true, force: true })
