/**
 * Fast path for the frontmatter nearly every content file has: a block mapping of plain scalars,
 * at most one level deep, as `notice import` writes it:
 *
 *   title: 第1号巡察整改情况公布
 *   dates:
 *     published: 2011-02-02
 *
 * The `yaml` parser costs about 0.3 ms a document, most of a notice's loading. This reads the
 * data without it, but only where YAML 1.2 (core schema, unique keys) can only read exactly these
 * strings; anything doubtful returns undefined and the parser runs. A property test holds the
 * answers equal to the parser's.
 */

export type SimpleFrontmatter = Record<string, string | Record<string, string>>

/**
 * One line: an optional two-space indent, a key of letters, digits and `_` that no schema reads
 * as anything but itself, a colon, then nothing or one space and the value.
 */
const linePattern = /^( {2})?([A-Za-z_][A-Za-z0-9_]{0,63}):(?: (.*))?$/u

export function simpleFrontmatter(yaml: string): SimpleFrontmatter | undefined {
  // The split leaves the line break after the opening `---`; gray-matter may leave one at the end.
  const start = yaml.startsWith('\n') ? 1 : 0
  const end = yaml.endsWith('\n') ? yaml.length - 1 : yaml.length
  if (end <= start) return undefined
  const data: SimpleFrontmatter = {}
  // The mapping a `key:` line without a value opened; undefined at the top level.
  let parent: Record<string, string> | undefined
  let parentHasChildren = false
  let lineStart = start
  while (lineStart <= end) {
    const lineEnd = nextLineEnd(yaml, lineStart, end)
    const match = linePattern.exec(yaml.slice(lineStart, lineEnd))
    lineStart = lineEnd + 1
    if (!match) return undefined
    const [, indent, key = '', value] = match
    if (!isPlainKey(key)) return undefined
    if (indent) {
      if (!parent || value === undefined || !isPlainString(value) || Object.hasOwn(parent, key)) return undefined
      parent[key] = value
      parentHasChildren = true
      continue
    }
    // A key with nothing under it is null to YAML: the parser says so, not this.
    if (parent && !parentHasChildren) return undefined
    if (Object.hasOwn(data, key)) return undefined
    if (value === undefined) {
      parent = {}
      parentHasChildren = false
      data[key] = parent
      continue
    }
    if (!isPlainString(value)) return undefined
    data[key] = value
    parent = undefined
  }
  if (parent && !parentHasChildren) return undefined
  return data
}

function nextLineEnd(text: string, from: number, end: number): number {
  const index = text.indexOf('\n', from)
  return index === -1 || index > end ? end : index
}

/**
 * Keys the parser would turn into something else (`true`, `null`) or that an object cannot hold
 * as an ordinary property (`__proto__`, and to be safe every other name `Object.prototype` has).
 */
function isPlainKey(key: string): boolean {
  return !nonStringWord.test(key) && !(key in Object.prototype)
}

/** Words YAML 1.2's core schema reads as null or a boolean (any case, to be safe). */
const nonStringWord = /^(?:null|true|false)$/iu

/**
 * Characters that can begin a YAML indicator (and `.`, `+`, `~`, which begin `.inf`, `+1`, `~`),
 * so a value starting with one is left to the parser, as is a value with a quote or `#` anywhere.
 */
const doubtfulStart = /^[-?:,[\]{}#&*!|>'"%@`.+~ ]/u
const doubtfulAnywhere = /['"#\t]|: |:$| $/u
/**
 * Characters YAML does not allow in a document or treats as breaks or byte-order marks: control
 * characters (tab included, for the tab rules), DEL and C1, line and paragraph separators, the
 * BOM, non-characters and unpaired surrogates.
 */
const unprintable = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|\p{Surrogate}/u
/**
 * Could be a number to the core schema (`12`, `0x1f`, `0o7`, `1e5`, `1.5`): starts with a digit
 * and has only digits, letters, `.`, `+`, `-` and `_`. Digit groups joined by hyphens (`1-4-2`,
 * `2011-02-02`) are strings in YAML 1.2 and stay on the fast path.
 */
const numberLike = /^[0-9][0-9A-Za-z.+_-]*$/u
const digitGroups = /^[0-9]+(?:-[0-9]+)+$/u

/** A plain scalar YAML 1.2 core schema can read only as this very string. */
function isPlainString(value: string): boolean {
  if (value.length === 0 || doubtfulStart.test(value) || doubtfulAnywhere.test(value) || unprintable.test(value)) return false
  if (nonStringWord.test(value)) return false
  return !numberLike.test(value) || digitGroups.test(value)
}
