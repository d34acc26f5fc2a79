import { readFileSync } from 'node:fs'
import { UsageError } from '../model/errors.js'
import { environmentProblem } from './environment.js'
import { ArgumentError, exitCodes, parseCommandArgs, type Command, type Io } from './command.js'

/**
 * The commands, each loaded only when it runs: start-up time is part of every build, and a
 * build should not pay for loading the diff, the dev server or the PDF printer.
 */
const commands: ReadonlyArray<{ name: string; summary: string; load: () => Promise<Command> }> = [
  { name: 'build', summary: '检查内容并生成网站（默认输出到 dist/）', load: async () => (await import('./commands/build.js')).build },
  { name: 'check', summary: '只检查内容，不生成文件', load: async () => (await import('./commands/check.js')).check },
  { name: 'import', summary: '把纯文本通报导入为内容文件夹', load: async () => (await import('./commands/import.js')).importCommand },
  { name: 'diff', summary: '比较两个版本的通报，逐个问题列出变化', load: async () => (await import('./commands/diff.js')).diff },
  { name: 'dev', summary: '本地预览：生成、打开预览服务，修改后自动刷新', load: async () => (await import('./commands/dev.js')).dev },
  { name: 'new', summary: '新建一个通报（带注释的示例文件）', load: async () => (await import('./commands/new.js')).newCommand }
]

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version

function mainHelp(): string {
  const lines = commands.map((command) => `  ${command.name.padEnd(8)}${command.summary}`)
  return `notice-press ${version}：巡察整改情况通报的静态网站生成器

用法：notice <命令> [参数]

命令：
${lines.join('\n')}

每个命令都可以加 --help 查看详细说明。
退出码：0 成功；1 内容有错误（未发布）；2 用法或环境错误。
`
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(mainHelp())
    return name === undefined ? exitCodes.usage : exitCodes.ok
  }
  if (name === '--version' || name === '-v') {
    io.out(`${version}\n`)
    return exitCodes.ok
  }
  const entry = commands.find((candidate) => candidate.name === name)
  if (!entry) {
    io.err(`未知命令“${name}”。可用的命令：${commands.map((candidate) => candidate.name).join('、')}。运行 notice --help 查看说明。\n`)
    return exitCodes.usage
  }
  const command = await entry.load()
  try {
    const { values, positionals } = parseCommandArgs(command, rest)
    if (values.help) {
      io.out(`${command.help}\n`)
      return exitCodes.ok
    }
    return await command.run(values, positionals, io)
  } catch (error) {
    if (error instanceof ArgumentError) {
      io.err(`notice ${command.name}：${error.message}。运行 notice ${command.name} --help 查看用法。\n`)
      return exitCodes.usage
    }
    if (error instanceof UsageError) {
      io.err(`notice ${command.name}：${error.message}\n`)
      return exitCodes.usage
    }
    const environment = environmentProblem(error)
    if (environment) {
      io.err(`notice ${command.name}：${environment}\n`)
      return exitCodes.usage
    }
    const detail = error instanceof Error ? error.message : String(error)
    io.err(`notice ${command.name}：内部错误（${detail}）。这不是内容的问题，请把这条信息和所用的命令报告给维护者。\n`)
    if (process.env.NOTICE_DEBUG && error instanceof Error && error.stack) io.err(`${error.stack}\n`)
    return exitCodes.usage
  }
}

function processIo(): Io {
  // `notice check | head` closes the pipe early: that ends the output, it is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
      throw error
    })
  }
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    errIsTTY: Boolean(process.stderr.isTTY)
  }
}
