#!/usr/bin/env node
import { loadProgram } from './program.js'

const program = loadProgram()
process.exitCode = await program.main(process.argv.slice(2))
// Set by scripts/bundle.mjs only, for the one run that records the compiled code.
if (process.env.NOTICE_CODE_CACHE === 'write') program.saveCodeCache()
