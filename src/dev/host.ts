/**
 * Which Host headers the dev server answers. It listens on 127.0.0.1 only, but a page on any
 * site can point its own name at 127.0.0.1 (DNS rebinding) and then read the preview, drafts
 * included, as same-origin: the browser still sends that site's name as Host, so only the
 * loopback names are answered.
 */
const loopbackHost = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/iu

export function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && loopbackHost.test(host)
}
