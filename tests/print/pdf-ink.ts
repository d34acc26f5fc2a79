/** Where ink lies on a PDF page, from poppler's `pdftoppm` (a greyscale raster), in millimetres. */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const dpi = 300
const pxToMm = (px: number): number => (px / dpi) * 25.4

export interface Raster {
  width: number
  height: number
  /** One byte per pixel, 0 black to 255 white, rows top to bottom. */
  pixels: Uint8Array
}

/** Page `page` (1-based) of a PDF as a 300 dpi greyscale raster (a binary PGM read back). */
export function rasterPage(pdf: string, page: number): Raster {
  const dir = mkdtempSync(path.join(tmpdir(), 'notice-ink-'))
  try {
    const base = path.join(dir, 'page')
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-f', String(page), '-l', String(page), '-singlefile', pdf, base])
    const data = readFileSync(`${base}.pgm`)
    // P5 header: magic, width, height, maxval, each after white space; one white space before the pixels.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/u.exec(data.subarray(0, 64).toString('latin1'))
    if (!header) throw new Error('pdftoppm gave no binary PGM')
    const [width, height] = [Number(header[1]), Number(header[2])]
    return { width, height, pixels: new Uint8Array(data.subarray(header[0].length, header[0].length + width * height)) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * The horizontal strokes in a band of the page (from `topMm` to `bottomMm`): rows holding a dark run
 * at least `minLengthMm` long, grouped into strokes. Each stroke: its middle, top and bottom (mm
 * from the top of the page) and its left and right ends (mm from the left).
 */
export function horizontalStrokes(
  raster: Raster,
  topMm: number,
  bottomMm: number,
  minLengthMm: number
): Array<{ middle: number; top: number; bottom: number; left: number; right: number }> {
  const minRun = Math.round((minLengthMm / 25.4) * dpi)
  const rows: Array<{ y: number; left: number; right: number }> = []
  const from = Math.round((topMm / 25.4) * dpi)
  const to = Math.min(raster.height, Math.round((bottomMm / 25.4) * dpi))
  for (let y = from; y < to; y++) {
    let run = 0
    for (let x = 0; x < raster.width; x++) {
      if ((raster.pixels[y * raster.width + x] ?? 255) < 128) {
        run++
        if (run === minRun) rows.push({ y, left: x - run + 1, right: x })
        else if (run > minRun) (rows.at(-1) as { right: number }).right = x
      } else run = 0
    }
  }
  const strokes: Array<{ middle: number; top: number; bottom: number; left: number; right: number }> = []
  let group: typeof rows = []
  const close = (): void => {
    if (group.length === 0) return
    const top = Math.min(...group.map((row) => row.y))
    const bottom = Math.max(...group.map((row) => row.y)) + 1
    strokes.push({
      top: pxToMm(top),
      bottom: pxToMm(bottom),
      middle: pxToMm((top + bottom) / 2),
      left: pxToMm(Math.min(...group.map((row) => row.left))),
      right: pxToMm(Math.max(...group.map((row) => row.right)) + 1)
    })
    group = []
  }
  for (const row of rows) {
    const last = group.at(-1)
    if (last && row.y > last.y + 1) close()
    group.push(row)
  }
  close()
  return strokes
}
