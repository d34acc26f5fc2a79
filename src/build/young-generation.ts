/**
 * How fast V8's young generation may grow, chosen by how much a run has to process.
 *
 * On this kind of virtual machine the first touch of a memory page costs about 13 µs (measured by
 * touching fresh pages of a large typed array), so every megabyte the young generation grows into
 * costs some 3 ms. A warm build or a small check allocates little and keeps little: a young
 * generation that stays at its first size (growth factor 1, as bin/program.js sets it before the
 * bundle is compiled) spares a warm build of 400 notices 7,000 first touches of 19,000. A run that
 * processes many notices keeps each one alive while it works on it, and its listing while it lists:
 * there a young generation that grows eight-fold at a time copies and promotes less, which pays for
 * its pages.
 */
import { setFlagsFromString } from 'node:v8'

/** The factor bin/program.js sets before compiling the bundle; V8's code cache is tied to it. */
const startingFactor = 1
const processingFactor = 8
/** From this many notices to process, the young generation may grow. */
export const growthThreshold = 16

/**
 * Lets the young generation grow (or keeps it at its size from now on). V8 reads the factor each
 * time it considers growing. A run ends with `false`, so a code cache recorded after it still
 * matches the flags it is loaded under.
 */
export function letYoungGenerationGrow(grow: boolean): void {
  setFlagsFromString(`--semi-space-growth-factor=${grow ? processingFactor : startingFactor}`)
}
