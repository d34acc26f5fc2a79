import { hostname, networkInterfaces } from 'node:os'

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

/** Where this machine can be reached: its interfaces' addresses and its name (for a server bound to every interface). */
export interface MachineNames {
  addresses: readonly string[]
  hostname: string
}

/** Whether `bind` is a wildcard address: the server is reachable at every address of the machine. */
export function isWildcard(bind: string): boolean {
  return bind === '0.0.0.0' || bind === '::'
}

/** Whether `bind` reaches only this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackAddress(bind: string): boolean {
  return bind === 'localhost' || bind === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/u.test(bind)
}

/**
 * The Host check of a server bound to `bind` (`notice dev --host`): the loopback names, the bound
 * address itself, and for a wildcard bind the machine's own addresses and name, which a colleague
 * on the LAN types. A rebinding page's Host is its own domain name, never one of these.
 */
export function hostCheck(bind: string, machine: MachineNames): (host: string | undefined) => boolean {
  // A wildcard is where the server listens, not a name it is reached by.
  const names = new Set(isWildcard(bind) ? [...machine.addresses, machine.hostname].filter(Boolean).map((name) => name.toLowerCase()) : [bind.toLowerCase()])
  return (host) => isLoopbackHost(host) || (host !== undefined && names.has(hostName(host)))
}

/** The name part of a Host header: `[fe80::1]:4000` → `fe80::1`, `192.168.1.20:4000` → `192.168.1.20`. */
function hostName(host: string): string {
  const lower = host.toLowerCase()
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/u.exec(lower)
  if (bracketed?.[1]) return bracketed[1]
  const named = /^([^:[\]]+)(?::\d{1,5})?$/u.exec(lower)
  return named?.[1] ?? ''
}

/** This machine's interface addresses and name, as the OS reports them now. */
export function machineNames(): MachineNames {
  const addresses = Object.values(networkInterfaces()).flatMap((entries) => (entries ?? []).map((entry) => entry.address.replace(/%.*$/u, '')))
  return { addresses, hostname: hostname() }
}

/** The names `hostCheck` answers, as the refusal page tells them. */
export function acceptedHosts(bind: string): string {
  if (bind === '127.0.0.1' || bind === 'localhost') return '127.0.0.1 或 localhost'
  return isWildcard(bind) ? '127.0.0.1、localhost、本机的 IP 地址或计算机名' : `127.0.0.1、localhost 或 ${bind}`
}
