/** The seed notice imported and built with --pdf once, shared by the print tests of one file. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runCli, seedFile } from '../helpers/cli.js'

export interface SeedBuild {
  dir: string
  content: string
  out: string
  pdf: string
  printHtml: string
}

/** The signature block and document details a real notice.md gives the seed (which has none of its own). */
export const signed = {
  issuer: '中共伊川县产业集聚区工作委员会',
  date: '2021年4月15日',
  category: '党务公开/巡察整改',
  keywords: ['巡察整改', '产业集聚区']
}

/** notice.md of the imported seed with an issuer, a signature, a 成文日期, a 主题分类 and keywords. */
export function signSeed(text: string): string {
  return text.replace(
    /^---\n/u,
    `---\nissuer: ${signed.issuer}\nsignature: ${signed.issuer}\ndates:\n  written: 2021-04-15\ndisclosure:\n  category: ${signed.category}\nkeywords: [${signed.keywords.join(', ')}]\n`
  )
}

/** Imports the seed as notice `x`, lets `edit` change its notice.md, then builds (with --pdf when asked). */
export function buildSeed(options: { pdf: boolean; editNoticeMd?: (text: string) => string }): SeedBuild {
  const dir = mkdtempSync(path.join(tmpdir(), 'notice-print-'))
  const content = path.join(dir, 'content')
  const out = path.join(dir, 'dist')
  const imported = runCli(['import', seedFile, '--id', 'x', '--content', content])
  if (imported.code !== 0) throw new Error(`import failed: ${imported.stderr}`)
  if (options.editNoticeMd) {
    const file = path.join(content, 'x', 'notice.md')
    writeFileSync(file, options.editNoticeMd(readFileSync(file, 'utf8')))
  }
  const built = runCli(['build', '--content', content, '--out', out, ...(options.pdf ? ['--pdf'] : [])])
  if (built.code !== 0) throw new Error(`build failed (${built.code}): ${built.stderr}`)
  return { dir, content, out, pdf: path.join(out, 'x', 'notice.pdf'), printHtml: path.join(out, 'x', 'print.html') }
}
