/** Orders `01-04-2` before `01-10`: digit runs compare as numbers, the rest by code point. Locale-free. */
export function compareNatural(a: string, b: string): number {
  const left = a.match(/\d+|\D+/gu) ?? []
  const right = b.match(/\d+|\D+/gu) ?? []
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
  return left.length - right.length || (a < b ? -1 : a > b ? 1 : 0)
}
