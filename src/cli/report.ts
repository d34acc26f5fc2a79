import { countDiagnostics, formatDiagnostic, summarizeCounts, type Diagnostic, type DiagnosticCounts } from '../diagnostics/diagnostic.js'
import type { Io } from './command.js'

/** Prints diagnostics given a block at a time, in order, then the end: the summary line, or the JSON array's close. */
export interface DiagnosticPrinter {
  print(diagnostics: readonly Diagnostic[]): void
  end(counts: DiagnosticCounts): void
}

/**
 * `text`: one line each (`formatDiagnostic`) and a summary line when there were any. `json`: the
 * same text as `JSON.stringify` of the whole array with an indent of 2, written as it comes.
 */
export function diagnosticPrinter(io: Io, format: 'text' | 'json', stream: 'out' | 'err'): DiagnosticPrinter {
  const write = stream === 'out' ? io.out : io.err
  // A site can have tens of thousands of warnings: written in blocks, not a system call a line.
  let block = ''
  let printed = 0
  const flush = (): void => {
    if (block.length > 0) write(block)
    block = ''
  }
  return {
    print(diagnostics) {
      for (const diagnostic of diagnostics) {
        if (format === 'json') {
          const { file, line, column, severity, rule, message, related } = diagnostic
          const element = { file, line, column, severity, rule, message, ...(related ? { related } : {}) }
          // An element of an indented array: its own lines indented once more (strings hold no line breaks).
          block += `${printed === 0 ? '[\n' : ',\n'}  ${JSON.stringify(element, null, 2).replaceAll('\n', '\n  ')}`
        } else block += `${formatDiagnostic(diagnostic)}\n`
        printed++
        if (block.length >= 1 << 16) flush()
      }
      // A notice's lines go out with it: a check holds no diagnostics of notices already done.
      flush()
    },
    end(counts) {
      if (format === 'json') block += printed === 0 ? '[]\n' : '\n]\n'
      else if (printed > 0) block += `${summarizeCounts(counts)}\n`
      flush()
    }
  }
}

export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[], format: 'text' | 'json', stream: 'out' | 'err'): void {
  const printer = diagnosticPrinter(io, format, stream)
  printer.print(diagnostics)
  printer.end(countDiagnostics(diagnostics))
}
