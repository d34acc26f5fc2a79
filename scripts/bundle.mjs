// Bundles the compiled program (lib/) into lib/bundle/, and records V8's compiled code for it.
// Node 20 has no module compile cache, so resolving and loading some 400 module files cost a build
// about 0.4 s before any work; the bundle loads in a fraction of that.
//
// The CLI is one CommonJS script (main.cjs), so that bin/program.js can compile it with
// `vm.Script` and hand V8 the code it compiled last time (main.cjs.v8-cache, written by a build of
// the bundled content below): parsing and compiling it again cost every run about 50 ms. The two
// worker entries stay ES modules, loaded by `new Worker` as before. playwright-core stays outside:
// it is loaded only for --pdf.
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../', import.meta.url))
const lib = path.join(root, 'lib')
const outdir = path.join(lib, 'bundle')
rmSync(outdir, { recursive: true, force: true })

// js-yaml, which gray-matter loads, loads esprima for its `!!js/function` type, which only its unsafe
// `load` reads: gray-matter calls `safeLoad`, and notice-press gives gray-matter a YAML engine of
// its own. The call is hidden from bundlers (`var _require = require`), so every run loaded esprima
// from node_modules at start: 18 ms of a 0.3 s check of one notice. Here that call gives nothing,
// which js-yaml's own fallback for a missing esprima handles (the type then matches nothing).
const withoutEsprima = {
  name: 'without-esprima',
  setup(build) {
    build.onLoad({ filter: /js-yaml[\\/]lib[\\/]js-yaml[\\/]type[\\/]js[\\/]function\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8')
      const call = "_require('esprima')"
      if (!source.includes(call)) throw new Error(`bundle: ${args.path} no longer loads esprima as ${call}: look at it again`)
      return { contents: source.replace(call, 'undefined'), loader: 'js' }
    })
  }
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: ['playwright-core', 'pagefind'],
  plugins: [withoutEsprima],
  // Less text for V8 to parse at every start; names are kept so an internal error's stack still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  // Chinese text as it is, not as \u escapes: a third of the bytes to read and parse.
  charset: 'utf8',
  logLevel: 'warning'
}

await build({
  ...common,
  entryPoints: [path.join(lib, 'cli/main.js')],
  format: 'cjs',
  outfile: path.join(outdir, 'main.cjs'),
  // The modules find their neighbours (templates, package.json, the workers) from import.meta.url.
  define: { 'import.meta.url': 'bundleUrl' },
  banner: { js: "const bundleUrl = require('node:url').pathToFileURL(__filename).href;" }
})

await build({
  ...common,
  entryPoints: [path.join(lib, 'build/worker.js'), path.join(lib, 'build/io-worker.js'), path.join(lib, 'build/search-worker.js')],
  splitting: true,
  format: 'esm',
  outdir,
  entryNames: '[name]',
  // CommonJS dependencies (gray-matter) call require(), which an ES module bundle must be given.
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" }
})

// A build of the bundled content compiles what nearly every run uses (listing, loading, the rules,
// rendering); the code V8 made for it is kept beside the bundle. Without it (or when V8 refuses it)
// the program only starts slower.
const scratch = mkdtempSync(path.join(tmpdir(), 'notice-press-code-cache-'))
try {
  const run = spawnSync(
    process.execPath,
    [path.join(root, 'bin/notice.js'), 'build', '--content', path.join(root, 'content'), '--out', path.join(scratch, 'dist'), '--no-cache'],
    { cwd: scratch, env: { ...process.env, NOTICE_CODE_CACHE: 'write' }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' }
  )
  if (run.status !== 0) console.warn(`bundle: the code cache was not written (the build of content/ ended with ${run.status}): ${run.stderr}`)
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
