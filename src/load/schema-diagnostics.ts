/**
 * Turns zod issues into diagnostics that point at the key in the YAML and say, in Chinese,
 * what to write instead (with a "did you mean" for misspelt keys).
 */
import * as z from 'zod'
import zhCN from 'zod/v4/locales/zh-CN.js'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { locate, type YamlSource } from './frontmatter.js'

z.config(zhCN())

const typeNames: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '列表（每项一行，以“- ”开头）',
  object: '一组字段',
  undefined: '空',
  null: '空值',
  date: '日期'
}

export function schemaDiagnostics(file: string, frontmatter: YamlSource, schema: z.ZodType, data: unknown): { value?: unknown; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(data ?? {})
  if (result.success) return { value: result.data, diagnostics: [] }
  const diagnostics: Diagnostic[] = []
  for (const issue of result.error.issues) {
    const path = issue.path as PropertyKey[]
    const field = path.map(String).join('.')
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, path)
      for (const key of issue.keys) {
        const suggestion = closest(key, known)
        const position = locate(frontmatter, [...path, key])
        diagnostics.push({
          file,
          ...position,
          severity: 'error',
          rule: 'schema',
          message: `未知字段“${[...path, key].map(String).join('.')}”${suggestion ? `：是不是要写“${suggestion}”？` : `：可用的字段有 ${known.join('、')}`}`
        })
      }
      continue
    }
    const position = locate(frontmatter, path, 'value')
    let message = issue.message
    if (issue.code === 'invalid_type') {
      const received = receivedType(valueAt(data, path))
      message =
        received === 'undefined'
          ? `缺少必填字段“${field}”，请添加`
          : `字段“${field}”应为${typeNames[issue.expected] ?? issue.expected}，现在是${typeNames[received] ?? received}`
    } else if (field) message = `字段“${field}”：${message}`
    diagnostics.push({ file, ...position, severity: 'error', rule: 'schema', message })
  }
  return { diagnostics }
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<PropertyKey, unknown>)[key]
  }
  return current
}

function receivedType(value: unknown): string {
  if (value === undefined) return 'undefined'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

/** Keys an object schema accepts at `path`, looking through optional, default and refinement wrappers. */
export function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = schema
  for (const key of [...path, undefined]) {
    current = unwrap(current)
    if (key === undefined) break
    if (current instanceof z.ZodObject) current = (current.shape as Record<string, z.ZodType>)[String(key)]
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType
    else return []
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : []
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable) {
    current = current.unwrap() as z.ZodType
  }
  return current
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j] ?? 0
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = saved
    }
  }
  return row[b.length] ?? 0
}
