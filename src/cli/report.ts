import { formatDiagnostic, formatDiagnosticsJson, summarize, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { Io } from './command.js'

export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[], format: 'text' | 'json', stream: 'out' | 'err'): void {
  const write = stream === 'out' ? io.out : io.err
  if (format === 'json') {
    write(`${formatDiagnosticsJson(diagnostics)}\n`)
    return
  }
  for (const diagnostic of diagnostics) write(`${formatDiagnostic(diagnostic)}\n`)
  if (diagnostics.length > 0) write(`${summarize(diagnostics)}\n`)
}
