import { appendFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { listContent, maxFileBytes, readNotice, type ContentListing } from '../../src/load/read.js'
import { tempDir } from '../helpers/cli.js'
import { validNotice, writeContent } from '../helpers/content.js'

/** Everything a build gets from a listing: each notice's files as read, and every problem found on the way. */
function readAll(listing: ContentListing): unknown {
  return {
    listed: listing.notices.map((notice) => ({
      id: notice.id,
      files: notice.files.map(({ size: _size, mtimeMs: _mtime, ctimeMs: _ctime, ino: _ino, ...file }) => file)
    })),
    problems: listing.diagnostics,
    // A file's time is passed on only when the listing took it (it tells duplicate-id which file is newer).
    read: listing.notices.map((notice) => {
      const { source, diagnostics } = readNotice(notice)
      return { diagnostics, ...(source ? { source: { ...source, files: source.files.map(({ mtimeMs: _mtime, ...file }) => file) } } : {}) }
    })
  }
}

describe('listing and reading the content folder', () => {
  it('gives the same files, texts and problems whether or not the listing takes every file’s stats', () => {
    const root = writeContent({
      ...validNotice,
      'n/findings/01-03.md': '---\nid: 1-3\n---\n\n3、第三个问题\n\n问题内容：内容三。\n\n整改情况：已完成。\n',
      'm/notice.md': '---\ntitle: 另一份通报\n---\n\n开头。\n\n<!-- 正文 -->\n\n欢迎监督。\n',
      'm/sections/01.md': '一、第一部分\n'
    })
    const content = path.join(root, 'content')
    // Kinds of file the folder listing alone cannot vouch for: a link, a folder named like a file,
    // a named pipe, and bytes that are not UTF-8.
    writeFileSync(path.join(content, 'n/findings/bad.md'), Buffer.from([0xc3, 0x28, 0x0a]))
    mkdirSync(path.join(content, 'm/findings'), { recursive: true })
    symlinkSync(path.join(content, 'n/findings/01-02.md'), path.join(content, 'm/findings/01-01.md'))
    mkdirSync(path.join(content, 'm/findings/01-02.md'))
    execFileSync('mkfifo', [path.join(content, 'm/findings/01-03.md')])

    const withStats = listContent(content, root, { stats: true })
    const withoutStats = listContent(content, root, { stats: false })
    expect(
      withStats.notices
        .flatMap((notice) => notice.files)
        .every((file) => file.size !== undefined && file.mtimeMs !== undefined && file.ctimeMs !== undefined && file.ino !== undefined)
    ).toBe(true)
    expect(withoutStats.notices.flatMap((notice) => notice.files).some((file) => file.size === undefined)).toBe(true)
    const expected = readAll(withStats)
    expect(readAll(withoutStats)).toEqual(expected)
    // The special files were all reported, so the comparison covered them.
    const problems = JSON.stringify(expected)
    for (const file of ['bad.md', 'm/findings/01-02.md', 'm/findings/01-03.md']) expect(problems).toContain(file)
  })

  it('reads a file that grew after it was listed whole, and one that shrank as it is now', () => {
    const root = writeContent(validNotice)
    const content = path.join(root, 'content')
    const listing = listContent(content, root, { stats: true })
    const grown = `${'问题内容：很长的内容。'.repeat(2000)}\n`
    appendFileSync(path.join(content, 'n/findings/01-01.md'), grown)
    writeFileSync(path.join(content, 'n/findings/01-02.md'), '---\nid: 1-2\n---\n')
    const files = readNotice(listing.notices[0]!).source?.files ?? []
    expect(files.find((file) => file.ref === 'n/findings/01-01.md')?.text).toBe(`${validNotice['n/findings/01-01.md']}${grown}`)
    expect(files.find((file) => file.ref === 'n/findings/01-02.md')?.text).toBe('---\nid: 1-2\n---\n')
  })

  it('refuses a file that grew past the size limit after it was listed', () => {
    const root = writeContent(validNotice)
    const content = path.join(root, 'content')
    const listing = listContent(content, root, { stats: true })
    writeFileSync(path.join(content, 'n/findings/01-01.md'), 'a'.repeat(maxFileBytes + 10))
    const { diagnostics } = readNotice(listing.notices[0]!)
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]?.message).toMatch(/^文件过大/u)
  })
})

describe('a listing without stats', () => {
  it('still reads every file of a notice when the folder is in another directory', () => {
    const root = tempDir()
    const elsewhere = writeContent(validNotice)
    const listing = listContent(path.join(elsewhere, 'content'), root, { stats: false })
    expect(listing.notices.map((notice) => notice.files.length)).toEqual([4])
    expect(readNotice(listing.notices[0]!).diagnostics).toEqual([])
  })
})

describe('reading files of every size', () => {
  // Files are read into one reused buffer of 64 KiB; a listing without stats does not know their sizes.
  // In the order they are read (sections by name, after the findings): each smaller than the one before.
  const sizes = [200_000, 65537, 65536, 65535, 1, 0]
  const textOf = (bytes: number): string => (bytes === 0 ? '' : `${'问'.repeat(Math.floor((bytes - 1) / 3))}${'a'.repeat((bytes - 1) % 3)}\n`)

  for (const stats of [true, false]) {
    it(`gives each file its own whole text, largest first and smallest last (${stats ? 'with' : 'without'} stats)`, () => {
      const files: Record<string, string> = { ...validNotice }
      for (const [index, bytes] of sizes.entries()) files[`n/sections/0${index + 2}.md`] = textOf(bytes)
      const root = writeContent(files)
      const listing = listContent(path.join(root, 'content'), root, { stats })
      const read = readNotice(listing.notices[0]!)
      expect(read.source?.files.slice(-sizes.length).map((file) => file.ref)).toEqual(sizes.map((_, index) => `n/sections/0${index + 2}.md`))
      expect(read.diagnostics).toEqual([])
      for (const file of read.source?.files ?? []) expect(Buffer.byteLength(file.text), file.ref).toBe(Buffer.byteLength(files[file.ref]!))
      expect(Object.fromEntries((read.source?.files ?? []).map((file) => [file.ref, file.text]))).toEqual(files)
    })

    it(`refuses a file past the size limit with its size (${stats ? 'with' : 'without'} stats)`, () => {
      const root = writeContent(validNotice)
      writeFileSync(path.join(root, 'content', 'n/findings/01-01.md'), 'a'.repeat(maxFileBytes + 10))
      const { diagnostics } = readNotice(listContent(path.join(root, 'content'), root, { stats }).notices[0]!)
      expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([expect.stringMatching(/^文件过大（2\.0 MB，上限 2 MB）/u)])
    })
  }
})
