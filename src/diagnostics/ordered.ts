/**
 * Hands diagnostics on in the order `sortDiagnostics` gives them while notices are still being
 * processed, so a check need not hold a site's tens of thousands of warnings to sort them at the end.
 *
 * A notice's diagnostics are all in files under its own folder, so one notice's, sorted, stand
 * together in the sorted whole; the notices' blocks follow the order of their folders' paths
 * (`a-b/` before `a/`, as `-` sorts before `/`), whatever order they are processed in. The
 * diagnostics outside any notice (the folder layout, site.yml) are known from the start and
 * merged in between.
 */
import { compareDiagnostics, compareStrings, sortDiagnostics, type Diagnostic } from './diagnostic.js'

export class OrderedDiagnostics {
  /** Each notice's place in the output, by id. */
  private readonly rank = new Map<string, number>()
  private readonly waiting = new Map<number, Diagnostic[]>()
  private readonly outside: Diagnostic[]
  private nextOutside = 0
  private nextRank = 0

  /**
   * @param noticeIds every notice whose diagnostics will be added, in any order
   * @param outside the diagnostics in no notice's folder
   * @param emit receives the diagnostics, in order, a block at a time
   */
  constructor(
    noticeIds: readonly string[],
    outside: readonly Diagnostic[],
    private readonly emit: (diagnostics: readonly Diagnostic[]) => void
  ) {
    const folders = noticeIds.map((id) => `${id}/`).sort(compareStrings)
    for (const [index, folder] of folders.entries()) this.rank.set(folder.slice(0, -1), index)
    this.outside = sortDiagnostics(outside)
  }

  /** A notice's diagnostics (once per notice), handed on as soon as every notice before it has been. */
  add(noticeId: string, diagnostics: readonly Diagnostic[]): void {
    const rank = this.rank.get(noticeId)
    if (rank === undefined || rank < this.nextRank || this.waiting.has(rank)) throw new Error(`diagnostics of notice ${noticeId} added twice or unknown`)
    this.waiting.set(rank, sortDiagnostics(diagnostics))
    for (let block = this.waiting.get(this.nextRank); block; block = this.waiting.get(this.nextRank)) {
      this.waiting.delete(this.nextRank)
      this.nextRank++
      this.emitMerged(block)
    }
  }

  /** Hands on the rest: the diagnostics outside every notice that sort after the last notice's. */
  end(): void {
    if (this.nextRank < this.rank.size) throw new Error(`diagnostics of ${this.rank.size - this.nextRank} notices never added`)
    const rest = this.outside.slice(this.nextOutside)
    this.nextOutside = this.outside.length
    if (rest.length > 0) this.emit(rest)
  }

  /**
   * Emits a notice's block with the diagnostics outside that sort before its last one. Those that
   * sort after it wait: they may sort after the next notice's too.
   */
  private emitMerged(block: readonly Diagnostic[]): void {
    const merged: Diagnostic[] = []
    for (const diagnostic of block) {
      while (this.nextOutside < this.outside.length && compareDiagnostics(this.outside[this.nextOutside]!, diagnostic) <= 0)
        merged.push(this.outside[this.nextOutside++]!)
      merged.push(diagnostic)
    }
    if (merged.length > 0) this.emit(merged)
  }
}
