import { defaultChromium } from './hint.js'

/** The Chromium to use: NOTICE_CHROMIUM when set, else Debian's /usr/bin/chromium. Kept apart so a build checks it without loading playwright. */
export function chromiumPath(env: NodeJS.ProcessEnv): string {
  return env.NOTICE_CHROMIUM || defaultChromium
}
