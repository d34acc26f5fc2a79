/** A problem with how notice-press was run or with its environment, not with the content: exit code 2, a Chinese message, no stack trace. */
export class UsageError extends Error {}
