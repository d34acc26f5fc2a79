/**
 * Failures of the machine rather than of the content or of notice-press: a full or read-only
 * disk, missing permissions, a busy file. They are named in Chinese with what to do (exit 2),
 * never reported as an internal error to send to the maintainers.
 */
const problems: Record<string, string> = {
  ENOSPC: '磁盘已满：请清理磁盘空间后重试',
  EDQUOT: '磁盘配额已用完：请清理空间或请管理员增加配额后重试',
  EROFS: '文件系统是只读的：请换一个可以写入的位置（例如用 --out 指定），或重新挂载为可写',
  EACCES: '没有权限：请检查这个文件或文件夹的权限，或换一个位置',
  EPERM: '操作不被允许：请检查这个文件或文件夹的权限，或换一个位置',
  EBUSY: '文件或文件夹正被占用（也可能是挂载点）：请关闭占用它的程序，或换一个位置（例如挂载点下的一个子文件夹）',
  EMFILE: '同时打开的文件太多：请关闭一些程序，或提高系统的文件数上限（ulimit -n）后重试',
  ENFILE: '系统打开的文件太多：请关闭一些程序后重试',
  EIO: '磁盘读写出错：请检查磁盘或网络盘是否正常',
  ENAMETOOLONG: '路径太长：请换一个较短的位置',
  ENOTDIR: '路径中有一段是文件而不是文件夹：请检查所给的位置',
  EISDIR: '这里需要一个文件，却是一个文件夹：请检查所给的位置',
  ENOMEM: '内存不足：请关闭一些程序后重试'
}

/** The Chinese message for an environment failure, or undefined when `error` is not one. */
export function environmentProblem(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined
  const { code, path } = error as NodeJS.ErrnoException
  const problem = code === undefined ? undefined : problems[code]
  if (!problem) return undefined
  return `环境错误：${problem}（${code}${path ? `，${path}` : ''}）`
}
