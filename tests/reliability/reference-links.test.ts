/**
 * Reference-style links (`[这里][r1]` with `[r1]: https://…` at the end of the file) say the same
 * in every output: a link on the page, the fragment and the print page, its text in notice.txt and
 * notice.json. Before, the definition was dropped at load and the page printed `[这里][r1]`.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/cli.js'
import { minimalContent, runMain } from './support.js'

describe('reference-style links', () => {
  it('render as links in every HTML output and as their text in notice.txt and notice.json', async () => {
    const root = tempDir('notice-reflink-')
    cpSync(minimalContent, path.join(root, 'content'), { recursive: true })
    const finding = path.join(root, 'content', 'n1', 'findings', '01-02.md')
    const text = readFileSync(finding, 'utf8').replace('逐月检查学习记录。', '逐月检查学习记录，详见[这里][R1]和[检查表][]。')
    writeFileSync(
      finding,
      `${text.trimEnd()}\n\n[r1]: https://www.example.gov.cn/a.html "检查办法"\n[检查表]: /files/b.html\n[r1]: https://second.example.com/ignored\n`
    )
    const built = await runMain(['build', '--content', 'content', '--out', 'out'], root)
    expect(built.code, built.stderr).toBe(0)
    const out = path.join(root, 'out', 'n1')
    for (const file of ['index.html', 'fragment.html', 'print.html']) {
      const html = readFileSync(path.join(out, file), 'utf8')
      expect(html, file).toMatch(/<a href="https:\/\/www\.example\.gov\.cn\/a\.html" title="检查办法">这里<\/a>/u)
      expect(html, file).toMatch(/<a href="\/files\/b\.html">检查表<\/a>/u)
      expect(html, file).not.toContain('[这里]')
      expect(html, file).not.toContain('[r1]')
      expect(html, file).not.toContain('second.example.com')
    }
    const txt = readFileSync(path.join(out, 'notice.txt'), 'utf8')
    expect(txt).toContain('逐月检查学习记录，详见这里和检查表。')
    expect(txt).not.toContain('[r1]')
    expect(txt).not.toContain('[检查表]')
    expect(readFileSync(path.join(out, 'notice.json'), 'utf8')).toContain('逐月检查学习记录，详见这里和检查表。')
  })

  it('sit in the Chinese text with no white space around them, which a browser would show as a space (详见 这里 。)', async () => {
    const root = tempDir('notice-reflink-')
    cpSync(minimalContent, path.join(root, 'content'), { recursive: true })
    const finding = path.join(root, 'content', 'n1', 'findings', '01-02.md')
    const text = readFileSync(finding, 'utf8').replace(
      '逐月检查学习记录。',
      '逐月检查学习记录，详见[这里][r1]和[那里](https://www.example.gov.cn/b.html)，**务必**落实。'
    )
    writeFileSync(finding, `${text.trimEnd()}\n\n[r1]: https://www.example.gov.cn/a.html\n`)
    const built = await runMain(['build', '--content', 'content', '--out', 'out'], root)
    expect(built.code, built.stderr).toBe(0)
    for (const file of ['index.html', 'fragment.html', 'print.html']) {
      const html = readFileSync(path.join(root, 'out', 'n1', file), 'utf8')
      expect(html, file).toContain(
        '详见<a href="https://www.example.gov.cn/a.html">这里</a>和<a href="https://www.example.gov.cn/b.html">那里</a>，<strong>务必</strong>落实。'
      )
    }
  })
})
