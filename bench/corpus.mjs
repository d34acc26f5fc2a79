// Deterministic corpus generator: N notices × M findings in the seed's style, sentences drawn from the seed.
// Writes the same text three ways: notice-press content, Eleventy input, Hugo site.
// Usage: node bench/corpus.mjs OUT_DIR NOTICES FINDINGS
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.dirname(fileURLToPath(import.meta.url))
const seed = readFileSync(path.join(root, '..', 'seeds', '000_cf95e3e12b08fb36.txt'), 'utf8')
const sentences = seed
  .split('\n')
  .map((line) => line.replace(/^(问题内容|整改情况|详细问题)[:：]/u, ''))
  .flatMap((line) => line.split(/(?<=[。；])/u))
  .map((sentence) => sentence.trim())
  // Published notices are proofread: the seed's ASCII punctuation is made full-width, as `notice check --fix` would.
  .map((sentence) => sentence.replace(/,/gu, '，').replace(/:/gu, '：').replace(/;/gu, '；').replace(/\(/gu, '（').replace(/\)/gu, '）'))
  .filter((sentence) => sentence.length >= 12 && !/^[一二三四五六七八九十\d]+[、是]/u.test(sentence))

/** A small linear congruential generator: the same seed gives the same corpus on every machine. */
function random(seedValue) {
  let state = seedValue >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

function paragraph(next, length) {
  let text = ''
  while (text.length < length) text += sentences[Math.floor(next() * sentences.length)]
  return text
}

const cn = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
const statuses = ['已完成,长期坚持。', '已完成。', '正在整改。', '已整改到位。', '正在办理。']

export function generate(outDir, notices, findingsPerNotice) {
  rmSync(outDir, { recursive: true, force: true })
  const next = random(20201106)
  const np = path.join(outDir, 'notice-press', 'content')
  const eleventy = path.join(outDir, 'eleventy', 'src')
  const hugo = path.join(outDir, 'hugo')
  mkdirSync(np, { recursive: true })
  mkdirSync(eleventy, { recursive: true })
  mkdirSync(path.join(hugo, 'content'), { recursive: true })
  mkdirSync(path.join(hugo, 'layouts', '_default'), { recursive: true })
  writeFileSync(path.join(np, 'site.yml'), 'name: 基准测试站点\n')
  for (let n = 1; n <= notices; n++) {
    const id = `bench-${String(n).padStart(4, '0')}`
    const title = `第${n}号巡察整改情况公布`
    const date = `20${String(10 + (n % 15)).padStart(2, '0')}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`
    const opening = `按照县委统一部署,县委第${cn[n % 10]}巡察组对第${n}单位进行了巡察。现将巡察整改情况予以公布。`
    const closing = '欢迎广大干部群众对巡察整改落实情况进行监督。'
    const noticeDir = path.join(np, id)
    mkdirSync(path.join(noticeDir, 'findings'), { recursive: true })
    mkdirSync(path.join(noticeDir, 'sections'), { recursive: true })
    writeFileSync(path.join(noticeDir, 'notice.md'), `---\ntitle: ${title}\ndates:\n  published: ${date}\n---\n\n${opening}\n\n<!-- 正文 -->\n\n${closing}\n`)
    const sections = 3
    const perSection = Math.ceil(findingsPerNotice / sections)
    const hugoBody = [opening]
    const eleventyBody = [opening]
    let made = 0
    for (let s = 1; s <= sections && made < findingsPerNotice; s++) {
      const heading = `${cn[s - 1]}、${paragraph(next, 20).slice(0, 24)}`
      writeFileSync(path.join(noticeDir, 'sections', `${String(s).padStart(2, '0')}.md`), `${heading}\n`)
      hugoBody.push(`## ${heading}`)
      eleventyBody.push(`## ${heading}`)
      for (let i = 1; i <= perSection && made < findingsPerNotice; i++, made++) {
        const itemTitle = `${i}、${paragraph(next, 16).slice(0, 20)}`
        const problem = `问题内容:${paragraph(next, 250)}`
        const rectification = `整改情况:${statuses[Math.floor(next() * statuses.length)]}${paragraph(next, 230)}`
        const name = `${String(s).padStart(2, '0')}-${String(i).padStart(2, '0')}.md`
        writeFileSync(path.join(noticeDir, 'findings', name), `---\nid: ${s}-${i}\n---\n\n${itemTitle}\n\n${problem}\n\n${rectification}\n`)
        hugoBody.push(`### ${itemTitle}`, problem, rectification)
        eleventyBody.push(`### ${itemTitle}`, problem, rectification)
      }
    }
    hugoBody.push(closing)
    eleventyBody.push(closing)
    const front = `---\ntitle: "${title}"\ndate: ${date}\n---\n\n`
    writeFileSync(path.join(hugo, 'content', `${id}.md`), front + hugoBody.join('\n\n') + '\n')
    writeFileSync(path.join(eleventy, `${id}.md`), `---\ntitle: "${title}"\ndate: ${date}\nlayout: notice.njk\n---\n\n` + eleventyBody.join('\n\n') + '\n')
  }
  // Minimal equivalent templates for the peers: one page per notice and an index.
  mkdirSync(path.join(eleventy, '_includes'), { recursive: true })
  writeFileSync(path.join(eleventy, '_includes', 'notice.njk'), '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ title }}</title></head><body><h1>{{ title }}</h1>{{ content | safe }}</body></html>\n')
  writeFileSync(path.join(eleventy, 'index.njk'), '---\npagination:\n  data: collections.all\n  size: 100000\n---\n<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>index</title></head><body><ul>{% for item in collections.all | reverse %}<li><a href="{{ item.url }}">{{ item.data.title }}</a></li>{% endfor %}</ul></body></html>\n')
  writeFileSync(path.join(hugo, 'hugo.toml'), 'baseURL = "http://example.org/"\nlanguageCode = "zh-cn"\ntitle = "bench"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n[markup.goldmark.renderer]\nunsafe = false\n')
  writeFileSync(path.join(hugo, 'layouts', '_default', 'single.html'), '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n')
  writeFileSync(path.join(hugo, 'layouts', '_default', 'list.html'), '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n')
  writeFileSync(path.join(hugo, 'layouts', 'index.html'), '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>index</title></head><body><ul>{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [out = '/tmp/bench-corpus', notices = '400', findings = '25'] = process.argv.slice(2)
  generate(out, Number(notices), Number(findings))
  console.log(`wrote ${notices} notices × ${findings} findings to ${out}`)
}
