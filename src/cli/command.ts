import path from 'node:path'
import { idPattern } from '../model/id.js'
import { parseArgs, type ParseArgsConfig } from 'node:util'

export interface Io {
  out(text: string): void
  err(text: string): void
  cwd: string
  isTTY: boolean
  /** stderr is a terminal: progress lines may be redrawn there. */
  errIsTTY?: boolean
}

export interface Command {
  name: string
  /** Full Chinese help, printed by `--help`. */
  help: string
  options: NonNullable<ParseArgsConfig['options']>
  allowPositionals: boolean
  run(values: Record<string, string | boolean | undefined>, positionals: string[], io: Io): Promise<number>
}

export class ArgumentError extends Error {}

export function parseCommandArgs(command: Command, argv: string[]): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: command.allowPositionals,
      strict: true
    })
    return { values: values as Record<string, string | boolean | undefined>, positionals }
  } catch (error) {
    throw new ArgumentError(translateArgError(error instanceof Error ? error.message : String(error)))
  }
}

function translateArgError(message: string): string {
  const unknown = /Unknown option '([^']+)'/u.exec(message)
  if (unknown) return `未知参数 ${unknown[1]}`
  const missing = /Option '([^']+)' argument missing/u.exec(message)
  if (missing) return `参数 ${(missing[1] ?? '').split(',')[0]} 后面需要一个值`
  const positional = /Unexpected argument '([^']+)'/u.exec(message)
  if (positional) return `多余的参数 ${positional[1]}`
  const type = /Option '([^']+)' does not take an argument/u.exec(message)
  if (type) return `参数 ${(type[1] ?? '').split(',')[0]} 不需要值`
  return `参数有误：${message}`
}

export const exitCodes = { ok: 0, contentError: 1, usage: 2 } as const

/** The options every command that reads content shares: the content folder and the build cache. */
export const contentOptions = {
  content: { type: 'string' },
  'no-cache': { type: 'boolean' },
  cache: { type: 'string' }
} as const

export function contentRunOptions(
  values: Record<string, string | boolean | undefined>,
  io: Io
): { contentDir: string; cwd: string; cacheDir: string; useCache: boolean; workers?: number } {
  // NOTICE_WORKERS sets the number of worker threads (0: none); unset, the run decides from the amount of work.
  const workers = process.env.NOTICE_WORKERS
  return {
    contentDir: String(values.content ?? 'content'),
    cwd: io.cwd,
    cacheDir: path.resolve(io.cwd, String(values.cache ?? '.notice-cache')),
    useCache: !values['no-cache'],
    ...(workers === undefined ? {} : { workers: Number(workers) })
  }
}

/** A notice id given on the command line: the folder name it becomes must be a valid id. */
export function checkNoticeIdArgument(id: string): void {
  if (!idPattern.test(id)) throw new ArgumentError(`编号“${id}”不可用：只能用小写字母 a-z、数字和连字符 -，例如 2021-yichuan-cluster`)
}
