/** A string cut into its digit runs and the runs between them: what natural order compares. */
export interface NaturalKey {
  text: string
  runs: readonly string[]
}

export function naturalKey(text: string): NaturalKey {
  return { text, runs: text.match(/\d+|\D+/gu) ?? [] }
}

/** `compareNatural` on keys made once, for sorts that compare each string many times. */
export function compareNaturalKeys(a: NaturalKey, b: NaturalKey): number {
  const left = a.runs
  const right = b.runs
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const x = left[index] ?? ''
    const y = right[index] ?? ''
    if (x === y) continue
    const numeric = /^\d/u.test(x) && /^\d/u.test(y)
    if (numeric) {
      const difference = Number(x) - Number(y)
      if (difference !== 0) return difference
    }
    return x < y ? -1 : 1
  }
  return left.length - right.length || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)
}

/** Orders `01-04-2` before `01-10`: digit runs compare as numbers, the rest by code point. Locale-free. */
export function compareNatural(a: string, b: string): number {
  return compareNaturalKeys(naturalKey(a), naturalKey(b))
}
