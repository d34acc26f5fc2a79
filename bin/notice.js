#!/usr/bin/env node
// Runs the bundled CLI (lib/bundle/main.cjs, made by scripts/bundle.mjs). Where Node has a module
// compile cache (22 and later), V8's compiled code for the bundle is kept between runs.
import module from 'node:module'

module.enableCompileCache?.()
const { main } = module.createRequire(import.meta.url)('../lib/bundle/main.cjs')
process.exitCode = await main(process.argv.slice(2))
