/**
 * Notes at the end of a notice (`[1]…` `[2]…`), where a Word file's footnotes and endnotes come in
 * and where text pasted from Word puts them. A note may run over several paragraphs, so its further
 * lines look like any other text: without this, they would end the closing early and leave the
 * signature and date above them in the body.
 */
import type { DocLine } from './types.js'
import { recognitionKey } from './recognise.js'

const noteStart = /^[ \t\u3000]*[[［](\d{1,3})[\]］]/u
const opensWithBracket = /^[ \t\u3000]*[[［]/u
const referenceToFirst = /[[［]1[\]］]/u

/** A line that starts a note (`[2]县林业局`): a note, however much it reads like a signature. */
export function isNoteStart(text: string): boolean {
  // Most lines open with no bracket at all: they need no recognition key.
  return opensWithBracket.test(text) && noteStart.test(recognitionKey(text))
}

/**
 * Index of the first line of the notes at the end: the lines from `[1]` down to the last line, with
 * `[2]`, `[3]` … starting lines in order, the number of the last one being the count, and the text
 * above referring to `[1]`. `lines.length` when the notice ends without such notes.
 */
export function trailingNotesStart(lines: readonly DocLine[]): number {
  let expected: number | undefined
  for (let index = lines.length - 1; index >= 0; index--) {
    const text = lines[index]?.text ?? ''
    const mark = opensWithBracket.test(text) ? noteStart.exec(recognitionKey(text)) : null
    if (!mark) continue
    const number = Number(mark[1])
    if (expected !== undefined && number !== expected) return lines.length
    if (number === 1) return referredAbove(lines, index) ? index : lines.length
    expected = number - 1
  }
  return lines.length
}

/** The text above refers to note 1 (a mark at a line's start is a note, not a reference to one). */
function referredAbove(lines: readonly DocLine[], end: number): boolean {
  for (let index = 0; index < end; index++) {
    if (referenceToFirst.test(recognitionKey(lines[index]?.text ?? '').replace(noteStart, ''))) return true
  }
  return false
}
