// Bundles the compiled program (lib/) into lib/bundle/: Node 20 has no module compile cache, and
// resolving, reading and compiling the few hundred module files the CLI uses would cost every run
// more than the work of a small build (bench/README.md). The CLI is one CommonJS script (main.cjs,
// loaded by bin/notice.js); the worker entry stays an ES module, loaded by `new Worker`.
// playwright-core stays outside: it is loaded only for --pdf.
import { build } from 'esbuild'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../', import.meta.url))
const lib = path.join(root, 'lib')
const outdir = path.join(lib, 'bundle')
rmSync(outdir, { recursive: true, force: true })

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: ['playwright-core'],
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
  entryPoints: [path.join(lib, 'engine/worker.js')],
  splitting: true,
  format: 'esm',
  outdir,
  entryNames: '[name]',
  // CommonJS dependencies call require(), which an ES module bundle must be given.
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" }
})
