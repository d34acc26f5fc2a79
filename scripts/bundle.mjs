// Bundles the compiled program (lib/) into lib/bundle/: one file per entry point plus shared chunks.
// Node 20 has no module compile cache, so resolving and loading some 400 module files cost a build
// about 0.4 s before any work; the bundle loads in a fraction of that. playwright-core stays
// outside: it is loaded only for --pdf.
import { build } from 'esbuild'
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const lib = fileURLToPath(new URL('../lib/', import.meta.url))
rmSync(`${lib}bundle`, { recursive: true, force: true })
await build({
  entryPoints: [`${lib}cli/main.js`, `${lib}build/worker.js`, `${lib}build/io-worker.js`],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: `${lib}bundle`,
  entryNames: '[name]',
  external: ['playwright-core'],
  // Less text for V8 to parse at every start; names are kept so an internal error's stack still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  // CommonJS dependencies (gray-matter) call require(), which an ES module bundle must be given.
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
  logLevel: 'warning'
})
