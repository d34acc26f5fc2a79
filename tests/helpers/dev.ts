import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { repoRoot } from './cli.js'

export interface DevServer {
  child: ChildProcess
  port: number
  /** `http://127.0.0.1:PORT/` */
  baseUrl: string
  /** What the server has printed so far, growing while it runs. */
  output: { stdout: string; stderr: string }
  stop(): Promise<void>
}

/**
 * Starts `notice dev --port 0 ARGS` in `cwd` and resolves once it prints its address (and `readyText`
 * too, when given): the real command, as a user runs it.
 */
export function startDev(cwd: string, args: readonly string[], readyText?: string): Promise<DevServer> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'notice.js'), 'dev', '--port', '0', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  const output = { stdout: '', stderr: '' }
  child.stderr?.on('data', (chunk: Buffer) => {
    output.stderr += chunk.toString('utf8')
  })
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
  return new Promise<DevServer>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output.stdout += chunk.toString('utf8')
      const match = /预览地址：http:\/\/127\.0\.0\.1:(\d+)\//u.exec(output.stdout)
      if (match?.[1] && (readyText === undefined || output.stdout.includes(readyText))) {
        const port = Number(match[1])
        resolve({ child, port, baseUrl: `http://127.0.0.1:${port}/`, output, stop })
      }
    })
    child.once('exit', (code) => reject(new Error(`notice dev exited (${code}): ${output.stderr}`)))
  })
}
