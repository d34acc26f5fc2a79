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
