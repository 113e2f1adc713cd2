/**
 * SSRF guard for channel URLs: a channel's endpoint is data an editor types in, so a delivery must not be
 * able to reach the CMS host itself, the cloud metadata service or the office network.
 *
 * Every address the host resolves to is checked (an attacker only needs one internal A record).
 * Hosts an operator trusts (a receiver on the same LAN, a test server) are let through by name with
 * NEWSROOM_CHANNEL_ALLOWLIST. Residual risk: DNS can change between this check and the request
 * (rebinding); redirects are therefore not followed by the webhook transport.
 */
import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'

export const ALLOWLIST_ENV = 'NEWSROOM_CHANNEL_ALLOWLIST'

export class UndeliverableUrlError extends Error {
  readonly host: string
  readonly reason: string
  /** DNS failures may heal by themselves; a blocked address does not. */
  readonly retryable: boolean
  constructor(host: string, reason: string, retryable = false) {
    super(`Channel URL host "${host}" is not deliverable: ${reason}`)
    this.name = 'UndeliverableUrlError'
    this.host = host
    this.reason = reason
    this.retryable = retryable
  }
}

/** `a.example, 127.0.0.1:8080 ,[::1]` → lower-cased entries, empties dropped. */
export function parseAllowlist(env: string | undefined = process.env[ALLOWLIST_ENV]): string[] {
  if (!env) return []
  return env
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean)
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' }

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host
}

/** Exact, case-insensitive match on the host, or on host:port (the port the request will use). */
export function isAllowlisted(url: URL, allowlist: readonly string[]): boolean {
  if (!allowlist.length) return false
  const host = url.hostname.toLowerCase()
  const bare = stripBrackets(host)
  const port = url.port || DEFAULT_PORTS[url.protocol] || ''
  const candidates = new Set([host, bare, `${host}:${port}`, `[${bare}]:${port}`, `${bare}:${port}`])
  return allowlist.some((entry) => candidates.has(entry.trim().toLowerCase()))
}

/**
 * Validation for a channel's url field on save: parseable, http(s), a host, no credentials.
 * Returns true or a message naming the field and what is wrong (Payload's validate convention).
 */
export function checkUrlShape(url: unknown): true | string {
  if (typeof url !== 'string' || !url.trim()) return 'url: enter the endpoint URL, e.g. https://receiver.example/hooks/news'
  let parsed: URL
  try {
    parsed = new URL(url.trim())
  } catch {
    return 'url: not a valid absolute URL (expected https://host/path)'
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return `url: scheme "${parsed.protocol.replace(/:$/, '')}" is not allowed; use https (or http)`
  }
  if (!parsed.hostname) return 'url: the URL has no host'
  // Credentials in the URL would end up in logs and delivery rows; the channel secret field is for that.
  if (parsed.username || parsed.password) return 'url: remove the user name/password from the URL; use the channel secret instead'
  return true
}

// ---------------------------------------------------------------------------------------------------
// Address classification

function ipv4ToInt(address: string): number {
  return address.split('.').reduce((acc, part) => acc * 256 + Number(part), 0)
}

const IPV4_BLOCKED: [string, number, string][] = [
  ['0.0.0.0', 8, '"this network" address (0.0.0.0/8)'],
  ['10.0.0.0', 8, 'private address (10.0.0.0/8)'],
  ['100.64.0.0', 10, 'carrier-grade NAT address (100.64.0.0/10)'],
  ['127.0.0.0', 8, 'loopback address (127.0.0.0/8)'],
  ['169.254.0.0', 16, 'link-local address (169.254.0.0/16, includes cloud metadata)'],
  ['172.16.0.0', 12, 'private address (172.16.0.0/12)'],
  ['192.0.0.0', 24, 'IETF protocol assignment (192.0.0.0/24)'],
  ['192.168.0.0', 16, 'private address (192.168.0.0/16)'],
  ['198.18.0.0', 15, 'benchmarking address (198.18.0.0/15)'],
  ['224.0.0.0', 4, 'multicast address (224.0.0.0/4)'],
  ['240.0.0.0', 4, 'reserved address (240.0.0.0/4)'],
]

function ipv4BlockReason(address: string): string | null {
  const value = ipv4ToInt(address)
  for (const [base, bits, reason] of IPV4_BLOCKED) {
    const size = 2 ** (32 - bits)
    const start = ipv4ToInt(base)
    if (value >= start && value < start + size) return reason
  }
  return null
}

/** Eight 16-bit groups, or null. Handles `::` and a dotted IPv4 tail (`::ffff:1.2.3.4`). */
export function parseIPv6(input: string): number[] | null {
  let address = input.split('%')[0] // zone id (fe80::1%eth0)
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address)
  if (dotted) {
    if (isIP(dotted[1]) !== 4) return null
    const v = ipv4ToInt(dotted[1])
    address = `${address.slice(0, -dotted[1].length)}${Math.floor(v / 65536).toString(16)}:${(v % 65536).toString(16)}`
  }
  const halves = address.split('::')
  if (halves.length > 2) return null
  const parse = (part: string) => (part ? part.split(':').map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16) : NaN)) : [])
  const head = parse(halves[0])
  const rest = halves.length === 2 ? parse(halves[1]) : []
  if (head.some(Number.isNaN) || rest.some(Number.isNaN)) return null
  const explicit = head.length + rest.length
  if (halves.length === 1) return explicit === 8 ? head : null
  if (explicit > 7) return null
  return [...head, ...new Array<number>(8 - explicit).fill(0), ...rest]
}

function groupsToIPv4(hi: number, lo: number): string {
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.')
}

function ipv6BlockReason(address: string): string | null {
  const g = parseIPv6(address)
  if (!g) return 'unparseable IPv6 address'
  const allZeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0)
  if (allZeroUpTo(8)) return 'unspecified address (::)'
  if (allZeroUpTo(7) && g[7] === 1) return 'loopback address (::1)'
  // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible (::a.b.c.d) forms reach IPv4 hosts.
  if (allZeroUpTo(5) && (g[5] === 0xffff || g[5] === 0)) {
    const reason = ipv4BlockReason(groupsToIPv4(g[6], g[7]))
    return reason ? `IPv4-mapped ${reason}` : null
  }
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) also embed an IPv4 destination.
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) {
    const reason = ipv4BlockReason(groupsToIPv4(g[6], g[7]))
    return reason ? `NAT64-embedded ${reason}` : null
  }
  if (g[0] === 0x2002) {
    const reason = ipv4BlockReason(groupsToIPv4(g[1], g[2]))
    return reason ? `6to4-embedded ${reason}` : null
  }
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local address (fe80::/10)'
  if ((g[0] & 0xfe00) === 0xfc00) return 'unique-local address (fc00::/7)'
  if ((g[0] & 0xff00) === 0xff00) return 'multicast address (ff00::/8)'
  return null
}

/** Why `address` (an IP literal) must not be contacted, or null when it is a public address. */
export function blockedAddressReason(address: string): string | null {
  const bare = stripBrackets(address)
  const family = isIP(bare)
  if (family === 4) return ipv4BlockReason(bare)
  if (family === 6) return ipv6BlockReason(bare)
  return 'not an IP address'
}

export type HostResolver = (host: string) => Promise<{ address: string; family: number }[]>

const defaultResolver: HostResolver = (host) => lookup(host, { all: true, verbatim: true })

/**
 * Throws UndeliverableUrlError unless `url` is http(s) and every address its host resolves to is public,
 * or the host is in `allowlist`.
 */
export async function assertDeliverableUrl(
  url: string,
  allowlist: readonly string[],
  resolve: HostResolver = defaultResolver,
): Promise<void> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new UndeliverableUrlError('(unparseable)', 'the URL cannot be parsed')
  }
  const host = parsed.hostname
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new UndeliverableUrlError(host || '(none)', `scheme "${parsed.protocol}" is not allowed (http and https only)`)
  }
  if (!host) throw new UndeliverableUrlError('(none)', 'the URL has no host')
  if (isAllowlisted(parsed, allowlist)) return

  const hint = `; add "${host}" to ${ALLOWLIST_ENV} if this receiver is trusted`
  const literal = stripBrackets(host)
  if (isIP(literal)) {
    const reason = blockedAddressReason(literal)
    if (reason) throw new UndeliverableUrlError(host, `${literal} is a ${reason}${hint}`)
    return
  }

  let addresses: { address: string }[]
  try {
    addresses = await resolve(host)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'lookup failed'
    // NXDOMAIN is a configuration error; a resolver timeout or SERVFAIL may heal on retry.
    const permanent = code === 'ENOTFOUND' || code === 'ENODATA'
    throw new UndeliverableUrlError(host, `DNS lookup failed (${code})`, !permanent)
  }
  if (!addresses.length) throw new UndeliverableUrlError(host, 'DNS lookup returned no address', true)
  for (const { address } of addresses) {
    const reason = blockedAddressReason(address)
    if (reason) throw new UndeliverableUrlError(host, `it resolves to ${address}, a ${reason}${hint}`)
  }
}
