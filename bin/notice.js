#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8'

// A build holds its listing and cache index while it works: the young generation, which starts at
// 1 MB, copied them again at every small step of its growth. Growing it eight-fold at a time
// measured 0.68 → 0.62 s for a warm build of 400 notices, and no change cold. A tuning flag only:
// V8 reads it each time it decides to grow the young generation.
setFlagsFromString('--semi-space-growth-factor=8')

const { main } = await import('../lib/bundle/main.js')
process.exitCode = await main(process.argv.slice(2))
