/** findMojibake on real notice text: the seed as written has none; the seed read the wrong way is found, with its original. */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findMojibake } from '../../src/text/mojibake.js'
import { repoRoot, seedFile } from '../helpers/cli.js'

const lines = readFileSync(seedFile, 'utf8')
  .split(/\r?\n/u)
  .filter((line) => line.trim().length >= 4)

describe('findMojibake', () => {
  it('finds nothing in the seed notice as written', () => {
    expect(lines.flatMap((line) => findMojibake(line).map((found) => line.slice(found.index, found.index + found.length)))).toEqual([])
  })

  it('finds nothing in the bundled notice and the clean fixtures', () => {
    const files = ['content', 'tests/fixtures/clean', 'tests/fixtures/structures'].flatMap((folder) =>
      readdirSync(path.join(repoRoot, folder), { recursive: true, encoding: 'utf8' })
        .filter((name) => /\.(?:md|txt)$/u.test(name))
        .map((name) => path.join(repoRoot, folder, name))
    )
    expect(files.length).toBeGreaterThan(20)
    for (const file of files) {
      for (const line of readFileSync(file, 'utf8').split('\n')) expect(findMojibake(line), `${file}: ${line}`).toEqual([])
    }
  })

  it('finds every seed line saved as UTF-8 and read as GBK, and reads back a piece of the line', () => {
    const gbk = new TextDecoder('gb18030')
    for (const line of lines) {
      const garbled = gbk.decode(Buffer.from(line, 'utf8'))
      const found = findMojibake(garbled)
      expect(found.length, line).toBeGreaterThan(0)
      for (const piece of found) expect(line).toContain(piece.original)
    }
  })

  it('finds 锟斤拷 and says nothing can be read back', () => {
    expect(findMojibake('整改情况：锟斤拷锟斤拷已补齐')).toEqual([{ index: 5, length: 6 }])
  })
})
