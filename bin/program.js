// Loads the bundled CLI (lib/bundle/main.cjs) with the code V8 compiled for it last time, when that
// code is known to belong to this very bundle. V8 checks its cache against its own version and flags
// and the source's length only, so the cache file starts with a SHA-256 of the bundle's bytes: a
// rebuilt bundle of the same length never runs another bundle's code. A missing, stale or refused
// cache costs only the compile time it would have saved.
import { createHash } from 'node:crypto'
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { setFlagsFromString } from 'node:v8'
import vm from 'node:vm'

const defaultBundle = fileURLToPath(new URL('../lib/bundle/main.cjs', import.meta.url))

/**
 * @param {string} [bundle] the CommonJS bundle to run (tests give another).
 * @returns {{ main: (argv: string[]) => Promise<number>, codeCache: 'used' | 'absent' | 'stale' | 'refused', saveCodeCache: () => void }}
 */
export function loadProgram(bundle = defaultBundle) {
  // The young generation stays at its first size unless a run has many notices to process
  // (src/build/young-generation.ts, which says why). Set here, before the bundle is compiled,
  // because V8 refuses a code cache made under other flags; the run puts it back when it is done.
  setFlagsFromString('--semi-space-growth-factor=1')
  // V8 allocates an allocation site's objects straight in the old generation once most of them
  // survived a young collection (pretenuring). In a check the listing's survivals led to that, and
  // objects each notice made for itself then filled the old generation as garbage. Without it a
  // check of 400 notices moved 17 MB to the old generation instead of 31 MB and ended with 19 MB of
  // heap instead of 44 MB: 31,000 page faults against 36,000, and 0.1–0.15 s less of about 2 s.
  // Warm and cold builds gained too, and at 2,000 notices peak memory fell by a fifth.
  setFlagsFromString('--no-allocation-site-pretenuring')
  const bytes = readFileSync(bundle)
  const digest = createHash('sha256').update(bytes).digest()
  const cacheFile = `${bundle}.v8-cache`
  let stored
  try {
    stored = readFileSync(cacheFile)
  } catch {
    stored = undefined
  }
  const matches = stored !== undefined && stored.length > digest.length && stored.subarray(0, digest.length).equals(digest)
  const cachedData = matches ? stored.subarray(digest.length) : undefined
  // The same wrapper as Node's own for CommonJS, so the bundle sees what a required module sees.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${bytes.toString('utf8')}\n})`
  const script = new vm.Script(wrapped, { filename: bundle, ...(cachedData ? { cachedData } : {}) })
  const module = { exports: {} }
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle))
  const codeCache = stored === undefined ? 'absent' : !matches ? 'stale' : script.cachedDataRejected ? 'refused' : 'used'
  return {
    main: module.exports.main,
    codeCache,
    /** Writes what V8 has compiled of the bundle so far (call it after a run, when most of it has been). */
    saveCodeCache() {
      const temporary = `${cacheFile}.${process.pid}.tmp`
      writeFileSync(temporary, Buffer.concat([digest, script.createCachedData()]))
      renameSync(temporary, cacheFile)
    }
  }
}
