/**
 * A mount point as --out (a disk, a share or a bind mount served by the web server): the build
 * cannot rename it (EBUSY) nor rename files onto it from beside it (EXDEV), so it stages inside it
 * and merges file by file. Needs root to mount a tmpfs; CI runs as root.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { isMountPoint } from '../../src/write/mount-point.js'
import { minimalContent, runMain, stackTrace } from './support.js'

// Own temporary folders: they are removed only once unmounted.
const mounted: string[] = []
const folders: string[] = []
function unmountAll(): void {
  for (const folder of mounted.splice(0).reverse()) spawnSync('umount', [folder])
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
}
afterEach(unmountAll)

function tempDir(prefix: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix))
  folders.push(folder)
  return folder
}

function mount(args: string[], folder: string): boolean {
  mkdirSync(folder, { recursive: true })
  const result = spawnSync('mount', [...args, folder], { encoding: 'utf8' })
  if (result.status === 0) mounted.push(folder)
  return result.status === 0
}

const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false
  const probe = path.join(tempDir('notice-mount-probe-'), 'm')
  const mountable = mount(['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs'], probe)
  unmountAll()
  return mountable
})()

function site(): string {
  const root = tempDir('notice-mount-')
  cpSync(minimalContent, path.join(root, 'content'), { recursive: true })
  return root
}

async function buildInto(root: string, out: string): Promise<void> {
  const built = await runMain(['build', '--content', 'content', '--out', out], root)
  expect(built.stdout + built.stderr).not.toMatch(stackTrace)
  expect(built.code, built.stderr).toBe(0)
}

/** Nothing of a build is left: no staging folder inside the output or beside it. */
function expectNoLeftovers(root: string, out: string): void {
  expect(readdirSync(out).filter((name) => name.startsWith('.notice-press-tmp'))).toEqual([])
  expect(readdirSync(root).filter((name) => /\.(?:tmp|old)-\d+-/u.test(name))).toEqual([])
}

describe.skipIf(!canMount)('a mount point as --out', () => {
  it('builds into a mounted disk, rebuilds after an edit, and leaves lost+found and nothing else of its own', async () => {
    const root = site()
    const out = path.join(root, 'www')
    expect(mount(['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs'], out)).toBe(true)
    mkdirSync(path.join(out, 'lost+found'))
    expect(isMountPoint(out)).toBe(true)

    await buildInto(root, 'www')
    expect(readFileSync(path.join(out, 'n1', 'notice.txt'), 'utf8')).toContain('逐月检查学习记录')
    expect(existsSync(path.join(out, 'lost+found'))).toBe(true)
    expectNoLeftovers(root, out)

    const finding = path.join(root, 'content', 'n1', 'findings', '01-02.md')
    writeFileSync(finding, readFileSync(finding, 'utf8').replace('逐月检查学习记录。', '逐月检查学习记录（挂载点上的第二次构建）。'))
    await buildInto(root, 'www')
    expect(readFileSync(path.join(out, 'n1', 'notice.txt'), 'utf8')).toContain('挂载点上的第二次构建')
    expect(isMountPoint(out)).toBe(true)
    expectNoLeftovers(root, out)
  })

  it('builds into a bind mount of a folder on the same disk', async () => {
    const root = site()
    const served = path.join(root, 'served')
    const out = path.join(root, 'www')
    mkdirSync(served)
    expect(mount(['--bind', served], out)).toBe(true)
    expect(isMountPoint(out)).toBe(true)
    await buildInto(root, 'www')
    await buildInto(root, 'www')
    expect(readFileSync(path.join(served, 'n1', 'notice.txt'), 'utf8')).toContain('逐月检查学习记录')
    expectNoLeftovers(root, out)
  })

  it('finishes a decided build that was killed inside the mount point', async () => {
    const root = site()
    const out = path.join(root, 'www')
    expect(mount(['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs'], out)).toBe(true)
    await buildInto(root, 'www')
    // What a build killed right after deciding leaves: its staging folder inside, with a merge journal.
    const staging = path.join(out, '.notice-press-tmp-4194305-0badc0de')
    mkdirSync(path.join(staging, 'n1'), { recursive: true })
    writeFileSync(path.join(staging, 'n1', 'notice.txt'), '被中断的构建写下的内容\n')
    writeFileSync(path.join(staging, '.notice-press-commit'), JSON.stringify({ mode: 'merge', remove: [] }))
    await buildInto(root, 'www')
    expectNoLeftovers(root, out)
    expect(readFileSync(path.join(out, 'n1', 'notice.txt'), 'utf8')).toContain('逐月检查学习记录')
  })
})
