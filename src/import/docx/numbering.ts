/**
 * Word's automatic numbering, counted as Word counts it: numbering.xml's abstract lists and the
 * numbers (`w:num`) that point at them, with their level overrides and start overrides; a level
 * restarts under each new item of the levels above it; `%1、` / `（%2）` / `%1.%2` are drawn with
 * each level's own format. The text a paragraph shows before its first character comes out.
 */
import { formatNumber } from './number-format.js'
import { wAttr, wChild, wChildren, wNumber, wVal, type Element } from './xml.js'

interface LevelDefinition {
  start: number
  format: string
  text: string
  /** `w:lvlRestart`: 0 never restarts; n restarts after level n (1-based) or above. */
  restart?: number
  legal: boolean
  suffix: string
  /** A paragraph style that selects this level. */
  style?: string
}

interface NumberDefinition {
  abstractId: string
  overrides: Map<number, { start?: number; level?: LevelDefinition }>
}

export interface NumberingDefinitions {
  abstracts: Map<string, Map<number, LevelDefinition>>
  numbers: Map<string, NumberDefinition>
}

export function readNumbering(root: Element | undefined): NumberingDefinitions {
  const abstracts = new Map<string, Map<number, LevelDefinition>>()
  const numbers = new Map<string, NumberDefinition>()
  if (!root) return { abstracts, numbers }
  for (const abstract of wChildren(root, 'abstractNum')) {
    const id = wAttr(abstract, 'abstractNumId')
    if (id === undefined) continue
    const levels = new Map<number, LevelDefinition>()
    for (const level of wChildren(abstract, 'lvl')) levels.set(Number(wAttr(level, 'ilvl') ?? 0), levelOf(level))
    abstracts.set(id, levels)
  }
  for (const num of wChildren(root, 'num')) {
    const id = wAttr(num, 'numId')
    const abstractId = wVal(num, 'abstractNumId')
    if (id === undefined || abstractId === undefined) continue
    const overrides = new Map<number, { start?: number; level?: LevelDefinition }>()
    for (const override of wChildren(num, 'lvlOverride')) {
      const entry: { start?: number; level?: LevelDefinition } = {}
      const start = wNumber(override, 'startOverride')
      if (start !== undefined) entry.start = start
      const level = wChild(override, 'lvl')
      if (level) entry.level = levelOf(level)
      overrides.set(Number(wAttr(override, 'ilvl') ?? 0), entry)
    }
    numbers.set(id, { abstractId, overrides })
  }
  return { abstracts, numbers }
}

function levelOf(level: Element): LevelDefinition {
  const restart = wNumber(level, 'lvlRestart')
  const style = wVal(level, 'pStyle')
  return {
    start: wNumber(level, 'start') ?? 0,
    format: wVal(level, 'numFmt') ?? 'decimal',
    text: wVal(level, 'lvlText') ?? '',
    ...(restart === undefined ? {} : { restart }),
    legal: wChild(level, 'isLgl') !== undefined && wVal(level, 'isLgl') !== '0',
    suffix: wVal(level, 'suff') ?? 'tab',
    ...(style ? { style } : {})
  }
}

export interface RenderedNumber {
  /** What Word draws before the paragraph's text, e.g. `（二）`. */
  text: string
  format: string
  level: number
}

/** The counters of one document, advanced paragraph by paragraph in reading order. */
export class NumberingCounter {
  private readonly counts = new Map<string, Array<number | undefined>>()
  private readonly started = new Set<string>()

  constructor(private readonly definitions: NumberingDefinitions) {}

  /** The level a paragraph of this style gets from a list that names the style in one of its levels. */
  levelForStyle(numId: string, style: string | undefined): number | undefined {
    if (!style) return undefined
    const levels = this.levelsOf(numId)
    for (const [index, level] of levels ?? []) if (level.style === style) return index
    return undefined
  }

  next(numId: string, ilvl: number): RenderedNumber | undefined {
    const num = this.definitions.numbers.get(numId)
    if (!num) return undefined
    const level = this.level(num, ilvl)
    if (!level) return undefined
    let counts = this.counts.get(num.abstractId)
    if (!counts) {
      counts = []
      this.counts.set(num.abstractId, counts)
    }
    // A start override restarts its level the first time its number is used (Word's "restart numbering").
    for (const [overridden, override] of num.overrides) {
      const key = `${numId}:${overridden}`
      if (override.start !== undefined && !this.started.has(key)) {
        this.started.add(key)
        counts[overridden] = undefined
      }
    }
    const current = counts[ilvl]
    counts[ilvl] = current === undefined ? this.startOf(num, ilvl) : current + 1
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const restart = this.level(num, deeper)?.restart
      if (restart === 0 || (restart !== undefined && restart - 1 < ilvl)) continue
      counts[deeper] = undefined
    }
    const text = level.text.replace(/%([1-9])/gu, (_whole, digit: string) => {
      const index = Number(digit) - 1
      const value = counts[index] ?? this.startOf(num, index)
      const format = level.legal ? 'decimal' : (this.level(num, index)?.format ?? 'decimal')
      return formatNumber(value, format)
    })
    const shown = level.format === 'bullet' ? bulletText(text) : text
    return { text: shown + (level.suffix === 'space' ? ' ' : ''), format: level.format, level: ilvl }
  }

  private levelsOf(numId: string): Map<number, LevelDefinition> | undefined {
    const num = this.definitions.numbers.get(numId)
    return num ? this.definitions.abstracts.get(num.abstractId) : undefined
  }

  private level(num: NumberDefinition, ilvl: number): LevelDefinition | undefined {
    return num.overrides.get(ilvl)?.level ?? this.definitions.abstracts.get(num.abstractId)?.get(ilvl)
  }

  private startOf(num: NumberDefinition, ilvl: number): number {
    return num.overrides.get(ilvl)?.start ?? this.level(num, ilvl)?.start ?? 0
  }
}

/** Bullets drawn from symbol fonts sit in the private use area: a reader sees a bullet. */
function bulletText(text: string): string {
  return /^[\ue000-\uf8ff]*$/u.test(text) ? '•' : text
}
