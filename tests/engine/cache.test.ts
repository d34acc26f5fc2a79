import { createHash } from 'node:crypto'
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { importText } from '../../src/import/import.js'
import { repoRoot, runCliAsync, seedFile, tempDir } from '../helpers/cli.js'

/** A working folder with three notices imported from the seed and a copy of the templates. */
function site(): string {
  const root = tempDir()
  const outcome = importText(readFileSync(seedFile, 'utf8'), 'seed')
  if (!outcome.ok) throw new Error(outcome.message)
  for (const id of ['a', 'b', 'c']) {
    for (const file of outcome.files) {
      const target = path.join(root, 'content', id, file.path)
      mkdirSync(path.dirname(target), { recursive: true })
      writeFileSync(target, file.text)
    }
  }
  const templates = path.join(repoRoot, 'templates')
  for (const file of readdirSync(templates, { recursive: true }) as string[]) {
    const source = path.join(templates, file)
    if (!file.includes('.')) continue
    const target = path.join(root, 'templates', file)
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, readFileSync(source))
  }
  return root
}

async function build(root: string, ...flags: string[]): Promise<{ reused: number; code: number; stdout: string }> {
  const result = await runCliAsync(['build', ...flags], { cwd: root })
  const reused = Number(/其中 (\d+) 个未改动/u.exec(result.stdout)?.[1] ?? 0)
  return { reused, code: result.code, stdout: result.stdout + result.stderr }
}

/** sha256 of every file in the output folder, by path. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const file of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    try {
      out[file] = createHash('sha256')
        .update(readFileSync(path.join(dir, file)))
        .digest('hex')
    } catch {
      // a folder
    }
  }
  return out
}

const changedFiles = (before: Record<string, string>, after: Record<string, string>): string[] =>
  Object.keys({ ...before, ...after })
    .filter((file) => before[file] !== after[file])
    .sort()

describe('the build cache', () => {
  it('reuses unchanged notices, and a cached build is byte-identical to a cold one', async () => {
    const root = site()
    expect((await build(root)).code).toBe(0)
    const cold = snapshot(path.join(root, 'dist'))
    const warm = await build(root)
    expect(warm.reused).toBe(3)
    expect(snapshot(path.join(root, 'dist'))).toEqual(cold)
    expect((await build(root, '--no-cache')).reused).toBe(0)
    expect(snapshot(path.join(root, 'dist'))).toEqual(cold)
  })

  it('an edited finding invalidates its notice and nothing else', async () => {
    const root = site()
    await build(root)
    const before = snapshot(path.join(root, 'dist'))
    const finding = path.join(root, 'content', 'b', 'findings', '01-03.md')
    writeFileSync(finding, readFileSync(finding, 'utf8').replace('整改情况:正在整改。', '整改情况:已完成。'))
    const result = await build(root)
    expect(result.reused).toBe(2)
    const changed = changedFiles(before, snapshot(path.join(root, 'dist')))
    // The notice's own files (its search shard among them: the other notices are not indexed again), and the site-wide pages its status counts in.
    expect(changed).toEqual([
      'b/fragment.html',
      'b/index.html',
      'b/notice.json',
      'b/notice.txt',
      'b/print.html',
      'index-ongoing.html',
      'index.html',
      'search/b.js',
      'stats.csv',
      'stats.html',
      'stats.json'
    ])
    expect(readFileSync(path.join(root, 'dist', 'b', 'notice.json'), 'utf8')).toContain('"done": 21')
  })

  it('a changed template or site.yml invalidates every notice', async () => {
    const root = site()
    await build(root)
    appendFileSync(path.join(root, 'templates', 'notice.eta'), '<!-- 模板已修改 -->\n')
    expect((await build(root)).reused).toBe(0)
    expect(readFileSync(path.join(root, 'dist', 'a', 'index.html'), 'utf8')).toContain('模板已修改')
    expect((await build(root)).reused).toBe(3)
    writeFileSync(path.join(root, 'content', 'site.yml'), 'name: 新站名\n')
    expect((await build(root)).reused).toBe(0)
    expect(readFileSync(path.join(root, 'dist', 'c', 'index.html'), 'utf8')).toContain('新站名')
  })

  it('a corrupt or foreign cache is discarded, never trusted', async () => {
    const root = site()
    await build(root)
    const good = snapshot(path.join(root, 'dist'))
    const cacheFile = path.join(root, '.notice-cache', 'build-cache.json')
    const envelope = JSON.parse(readFileSync(cacheFile, 'utf8')) as { checksum: string; body: string }

    // Tampered body: the checksum no longer matches.
    writeFileSync(cacheFile, JSON.stringify({ checksum: envelope.checksum, body: envelope.body.replace('"a"', '"z"') }))
    expect((await build(root)).reused).toBe(0)
    expect(snapshot(path.join(root, 'dist'))).toEqual(good)

    // A well-formed cache from another program version.
    const body = JSON.stringify({ ...JSON.parse(envelope.body), program: 'another-version' })
    writeFileSync(cacheFile, JSON.stringify({ checksum: createHash('sha256').update(String(body.length)).update(':').update(body).digest('hex'), body }))
    expect((await build(root)).reused).toBe(0)

    // Not JSON at all.
    writeFileSync(cacheFile, 'garbage')
    expect((await build(root)).code).toBe(0)
    expect(snapshot(path.join(root, 'dist'))).toEqual(good)
  })

  it('an output file edited by hand is regenerated, not reused', async () => {
    const root = site()
    await build(root)
    const page = path.join(root, 'dist', 'a', 'notice.txt')
    const original = readFileSync(page, 'utf8')
    writeFileSync(page, 'tampered')
    const result = await build(root)
    expect(result.reused).toBe(2)
    expect(readFileSync(page, 'utf8')).toBe(original)
  })

  it('check shares the cache and reports the same diagnostics warm as cold', async () => {
    const root = site()
    const finding = path.join(root, 'content', 'a', 'findings', '01-02.md')
    writeFileSync(finding, readFileSync(finding, 'utf8').replace('2、意识形态', '5、意识形态'))
    const cold = await runCliAsync(['check', '--format', 'json', '--no-cache'], { cwd: root })
    const warm = await runCliAsync(['check', '--format', 'json'], { cwd: root })
    expect(cold.code).toBe(1)
    expect(warm.stdout).toBe(cold.stdout)
    expect(JSON.parse(warm.stdout).some((diagnostic: { rule: string }) => diagnostic.rule === 'numbering')).toBe(true)
  })
})
