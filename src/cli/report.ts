import { formatDiagnostic, formatDiagnosticsJson, summarize, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { Io } from './command.js'

export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[], format: 'text' | 'json', stream: 'out' | 'err'): void {
  const write = stream === 'out' ? io.out : io.err
  if (format === 'json') {
    write(`${formatDiagnosticsJson(diagnostics)}\n`)
    return
  }
  // A site can have tens of thousands of warnings: written in blocks, not a system call a line.
  let block = ''
  for (const diagnostic of diagnostics) {
    block += `${formatDiagnostic(diagnostic)}\n`
    if (block.length >= 1 << 16) {
      write(block)
      block = ''
    }
  }
  if (diagnostics.length > 0) write(`${block}${summarize(diagnostics)}\n`)
}
