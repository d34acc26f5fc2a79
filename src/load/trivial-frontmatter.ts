/**
 * What the schema makes of the frontmatter nearly every part has, without zod (which costs a few
 * microseconds a file, 11,600 files in a 400-notice site): a finding's `{ id }` with a valid id is
 * itself, a section's `{}` is itself. Anything else is left to the schema; a property test holds
 * these answers equal to its own.
 */
import { idPattern } from '../model/id.js'
import type { FindingFrontmatter } from '../model/schema.js'

function isPlainObject(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && Object.getPrototypeOf(data) === Object.prototype
}

export function trivialFinding(data: unknown): FindingFrontmatter | undefined {
  if (!isPlainObject(data)) return undefined
  const keys = Object.keys(data)
  const id = data.id
  if (keys.length !== 1 || keys[0] !== 'id' || typeof id !== 'string' || !idPattern.test(id)) return undefined
  return { id }
}

export function trivialSection(data: unknown): Record<string, never> | undefined {
  return isPlainObject(data) && Object.keys(data).length === 0 ? {} : undefined
}
