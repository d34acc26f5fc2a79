// Deterministic corpus generator: N notices × M findings in the seed's style, sentences drawn from the seed.
// Writes the same text as notice-press content and for each peer in two layouts: `files`, the same
// files as notice-press (a notice file, one file per section and per finding, each notice's page
// assembled from its files), and `merged`, one Markdown file per notice (a lighter job for the peers).
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
  const eleventyFiles = path.join(outDir, 'eleventy-files', 'src')
  const hugoFiles = path.join(outDir, 'hugo-files')
  for (const folder of [np, eleventy, eleventyFiles, path.join(hugo, 'content'), path.join(hugoFiles, 'content')]) mkdirSync(folder, { recursive: true })
  writeFileSync(path.join(np, 'site.yml'), 'name: 基准测试站点\n')
  /** Writes a file, making its folder. */
  const put = (file, text) => {
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, text)
  }
  for (let n = 1; n <= notices; n++) {
    const id = `bench-${String(n).padStart(4, '0')}`
    const title = `第${n}号巡察整改情况公布`
    const date = `20${String(10 + (n % 15)).padStart(2, '0')}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`
    const opening = `按照县委统一部署,县委第${cn[n % 10]}巡察组对第${n}单位进行了巡察。现将巡察整改情况予以公布。`
    const closing = '欢迎广大干部群众对巡察整改落实情况进行监督。'
    const noticeDir = path.join(np, id)
    put(path.join(noticeDir, 'notice.md'), `---\ntitle: ${title}\ndates:\n  published: ${date}\n---\n\n${opening}\n\n<!-- 正文 -->\n\n${closing}\n`)
    put(
      path.join(eleventyFiles, id, 'index.md'),
      `---\ntitle: "${title}"\ndate: ${date}\nlayout: notice.njk\ntags: [notice]\nnoticeId: ${id}\n---\n\n${opening}\n\n${closing}\n`
    )
    put(path.join(hugoFiles, 'content', id, '_index.md'), `---\ntitle: "${title}"\ndate: ${date}\n---\n\n${opening}\n\n${closing}\n`)
    // A part of a notice for the peers: not a page of its own, gathered into its notice's page in order.
    let order = 0
    const peerPart = (relative, markdown) => {
      order++
      put(path.join(eleventyFiles, id, relative), `---\ntags: [${id}]\npermalink: false\ndate: ${date}\norder: ${order}\n---\n\n${markdown}\n`)
      put(path.join(hugoFiles, 'content', id, relative), `---\nweight: ${order}\n_build:\n  render: never\n  list: local\n---\n\n${markdown}\n`)
    }
    const sections = 3
    const perSection = Math.ceil(findingsPerNotice / sections)
    const merged = [opening]
    let made = 0
    for (let s = 1; s <= sections && made < findingsPerNotice; s++) {
      const heading = `${cn[s - 1]}、${paragraph(next, 20).slice(0, 24)}`
      const sectionName = `${String(s).padStart(2, '0')}.md`
      put(path.join(noticeDir, 'sections', sectionName), `${heading}\n`)
      peerPart(`sections/${sectionName}`, `## ${heading}`)
      merged.push(`## ${heading}`)
      for (let i = 1; i <= perSection && made < findingsPerNotice; i++, made++) {
        const itemTitle = `${i}、${paragraph(next, 16).slice(0, 20)}`
        const problem = `问题内容:${paragraph(next, 250)}`
        const rectification = `整改情况:${statuses[Math.floor(next() * statuses.length)]}${paragraph(next, 230)}`
        const name = `${String(s).padStart(2, '0')}-${String(i).padStart(2, '0')}.md`
        put(path.join(noticeDir, 'findings', name), `---\nid: ${s}-${i}\n---\n\n${itemTitle}\n\n${problem}\n\n${rectification}\n`)
        peerPart(`findings/${name}`, `### ${itemTitle}\n\n${problem}\n\n${rectification}`)
        merged.push(`### ${itemTitle}`, problem, rectification)
      }
    }
    merged.push(closing)
    writeFileSync(path.join(hugo, 'content', `${id}.md`), `---\ntitle: "${title}"\ndate: ${date}\n---\n\n${merged.join('\n\n')}\n`)
    writeFileSync(path.join(eleventy, `${id}.md`), `---\ntitle: "${title}"\ndate: ${date}\nlayout: notice.njk\n---\n\n${merged.join('\n\n')}\n`)
  }
  // Minimal equivalent templates for the peers: one page per notice and an index.
  const page = (title, body) => `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>\n`
  put(path.join(eleventy, '_includes', 'notice.njk'), page('{{ title }}', '<h1>{{ title }}</h1>{{ content | safe }}'))
  put(
    path.join(eleventy, 'index.njk'),
    `---\npagination:\n  data: collections.all\n  size: 100000\n---\n${page('index', '<ul>{% for item in collections.all | reverse %}<li><a href="{{ item.url }}">{{ item.data.title }}</a></li>{% endfor %}</ul>')}`
  )
  put(
    path.join(eleventyFiles, '_includes', 'notice.njk'),
    page(
      '{{ title }}',
      '<h1>{{ title }}</h1>{{ content | safe }}{% for part in collections[noticeId] | sort(false, true, "data.order") %}{{ part.content | safe }}{% endfor %}'
    )
  )
  put(
    path.join(eleventyFiles, 'index.njk'),
    `---\npagination:\n  data: collections.notice\n  size: 100000\n---\n${page('index', '<ul>{% for item in collections.notice | reverse %}<li><a href="{{ item.url }}">{{ item.data.title }}</a></li>{% endfor %}</ul>')}`
  )
  for (const site of [hugo, hugoFiles]) {
    put(
      path.join(site, 'hugo.toml'),
      'baseURL = "http://example.org/"\nlanguageCode = "zh-cn"\ntitle = "bench"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n[markup.goldmark.renderer]\nunsafe = false\n'
    )
    put(path.join(site, 'layouts', '_default', 'single.html'), page('{{ .Title }}', '<h1>{{ .Title }}</h1>{{ .Content }}'))
    put(
      path.join(site, 'layouts', '_default', 'list.html'),
      page('{{ .Title }}', '<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>')
    )
  }
  put(
    path.join(hugo, 'layouts', 'index.html'),
    page('index', '<ul>{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>')
  )
  put(
    path.join(hugoFiles, 'layouts', '_default', 'section.html'),
    page('{{ .Title }}', '<h1>{{ .Title }}</h1>{{ .Content }}{{ range .Pages.ByWeight }}{{ .Content }}{{ end }}')
  )
  put(
    path.join(hugoFiles, 'layouts', 'index.html'),
    page('index', '<ul>{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>')
  )
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [out = '/tmp/bench-corpus', notices = '400', findings = '25'] = process.argv.slice(2)
  generate(out, Number(notices), Number(findings))
  console.log(`wrote ${notices} notices × ${findings} findings to ${out}`)
}
