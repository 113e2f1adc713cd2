/**
 * SSRF guard for channel URLs: a channel's endpoint is data an editor types in, so a delivery must not be
 * able to reach the CMS host itself, the cloud metadata service or the office network.
 *
 * Every address the host resolves to is checked (an attacker only needs one internal A record), with
 * ipaddr.js's range table: only plain public unicast passes; loopback, private, link-local, unique-local,
 * multicast, 0.0.0.0 and every IPv6 spelling of an IPv4 address are refused. Endpoints an operator trusts (a
 * receiver on the same LAN, a test server) are let through by host AND port with NEWSROOM_CHANNEL_ALLOWLIST.
 * The request itself goes through guarded-fetch.ts, which connects only to the addresses checked here.
 */
import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'

import ipaddr from 'ipaddr.js'

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

/**
 * An entry is `host:port` (that endpoint only), `host:*` (any port; for test rigs with ephemeral ports) or a
 * bare `host`, which means the scheme's default port (80 for http, 443 for https) — never "any port": the
 * admin API on :3000 of a trusted host stays out of reach. Hosts match exactly, case-insensitively.
 */
export function isAllowlisted(url: URL, allowlist: readonly string[]): boolean {
  if (!allowlist.length) return false
  const host = stripBrackets(url.hostname.toLowerCase())
  const port = url.port || DEFAULT_PORTS[url.protocol] || ''
  const isDefaultPort = !url.port || url.port === DEFAULT_PORTS[url.protocol]
  return allowlist.some((raw) => {
    const entry = parseAllowlistEntry(raw)
    if (!entry || entry.host !== host) return false
    if (entry.port === '*') return true
    return entry.port === null ? isDefaultPort : entry.port === port
  })
}

/** `[::1]:8080` → { host: '::1', port: '8080' }; `receiver.example` → port null; `host:*` → port '*'. */
function parseAllowlistEntry(raw: string): { host: string; port: string | null } | null {
  const entry = raw.trim().toLowerCase()
  if (!entry) return null
  const bracketed = /^\[([^\]]+)\](?::(\d+|\*))?$/.exec(entry)
  if (bracketed) return { host: normaliseHost(bracketed[1]!), port: bracketed[2] ?? null }
  // A bare IPv6 literal has several colons and no port.
  if (isIP(entry) === 6) return { host: normaliseHost(entry), port: null }
  const hostPort = /^([^:]+)(?::(\d+|\*))?$/.exec(entry)
  return hostPort ? { host: normaliseHost(hostPort[1]!), port: hostPort[2] ?? null } : null
}

/** The spelling the URL parser gives a host (`[::ffff:127.0.0.1]` → `::ffff:7f00:1`), so entries compare equal. */
function normaliseHost(host: string): string {
  try {
    return stripBrackets(new URL(`http://${isIP(host) === 6 ? `[${host}]` : host}/`).hostname)
  } catch {
    return host
  }
}

/**
 * Validation for a channel's url field on save: parseable, http(s), a host, no credentials.
 * Returns true or a message naming the field and what is wrong (Payload's validate convention).
 */
export function checkUrlShape(url: unknown): true | string {
  if (typeof url !== 'string' || !url.trim())
    return 'url: enter the endpoint URL, e.g. https://receiver.example/hooks/news / 请填写接收方地址，例如 https://receiver.example/hooks/news'
  let parsed: URL
  try {
    parsed = new URL(url.trim())
  } catch {
    return 'url: not a valid absolute URL (expected https://host/path) / 不是完整的网址，应为 https://主机/路径'
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return `url: scheme "${parsed.protocol.replace(/:$/, '')}" is not allowed; use https (or http) / 不支持“${parsed.protocol.replace(/:$/, '')}”协议，请用 https（或 http）`
  }
  if (!parsed.hostname) return 'url: the URL has no host / 网址缺少主机名'
  // Credentials in the URL would end up in logs and delivery rows; the channel secret field is for that.
  if (parsed.username || parsed.password)
    return 'url: remove the user name/password from the URL; use the channel secret instead / 请去掉网址中的用户名和密码，改用签名密钥'
  return true
}

// ---------------------------------------------------------------------------------------------------
// Address classification (ipaddr.js ranges: only plain public unicast is reachable)

const RANGE_NAMES: Record<string, string> = {
  unspecified: 'unspecified ("this network") address',
  broadcast: 'broadcast address',
  multicast: 'multicast address',
  linkLocal: 'link-local address (includes cloud metadata)',
  loopback: 'loopback address',
  carrierGradeNat: 'carrier-grade NAT address',
  private: 'private address',
  uniqueLocal: 'unique-local address (fc00::/7)',
  deprecatedSiteLocal: 'site-local address (fec0::/10)',
  rfc6145: 'IPv4-translated address (::ffff:0:0/96)',
  rfc6052: 'NAT64 address (64:ff9b::/96)',
  '6to4': '6to4 address (2002::/16)',
  teredo: 'Teredo address (2001::/32)',
  reserved: 'reserved address',
}

/** `::a.b.c.d` (IPv4-compatible, deprecated) is "unicast" to ipaddr.js but reaches an IPv4 host. */
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96')

function rangeReason(range: string): string {
  return RANGE_NAMES[range] ?? `special-purpose address (${range})`
}

/** Why `address` (an IP literal, brackets allowed) must not be contacted, or null when it is public unicast. */
export function blockedAddressReason(address: string): string | null {
  const bare = stripBrackets(address).split('%')[0]!
  if (!ipaddr.isValid(bare)) return 'not an IP address'
  const parsed = ipaddr.parse(bare)
  const range = parsed.range()
  if (parsed instanceof ipaddr.IPv6) {
    // Forms that embed an IPv4 destination (::ffff:a.b.c.d, ::a.b.c.d) are refused whatever the IPv4 part:
    // a real receiver is never spelled that way, and the embedded address is named to explain why.
    const compatible = range === 'unicast' && parsed.match(IPV4_COMPATIBLE as [ipaddr.IPv6, number])
    if (range === 'ipv4Mapped' || compatible) {
      const [hi, lo] = parsed.parts.slice(6) as [number, number]
      const v4 = [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.')
      const inner = blockedAddressReason(v4)
      return `IPv4-${compatible ? 'compatible' : 'mapped'} IPv6 form of ${v4}${inner ? ` (a ${inner})` : ''}`
    }
  }
  return range === 'unicast' ? null : rangeReason(range)
}

export type HostResolver = (host: string) => Promise<{ address: string; family: number }[]>

const defaultResolver: HostResolver = (host) => lookup(host, { all: true, verbatim: true })

export interface CheckedDestination {
  url: URL
  /** The addresses that passed the check: the only ones the request may connect to. */
  addresses: { address: string; family: number }[]
}

/**
 * Resolves the URL's host once and checks every address. Throws UndeliverableUrlError unless `url` is http(s)
 * and every address is public unicast, or `host:port` is allowlisted. The caller connects to the returned
 * addresses only (see guarded-fetch.ts), so a second DNS answer can never swap in an internal one.
 */
export async function checkDestination(
  url: string | URL,
  allowlist: readonly string[],
  resolve: HostResolver = defaultResolver,
): Promise<CheckedDestination> {
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
  const trusted = isAllowlisted(parsed, allowlist)
  const port = parsed.port || DEFAULT_PORTS[parsed.protocol]
  const hint = `; add "${host}:${port}" to ${ALLOWLIST_ENV} if this receiver is trusted`

  const literal = stripBrackets(host)
  const family = isIP(literal)
  if (family) {
    const reason = trusted ? null : blockedAddressReason(literal)
    if (reason) throw new UndeliverableUrlError(host, `${literal} is not reachable: ${reason}${hint}`)
    return { url: parsed, addresses: [{ address: literal, family }] }
  }

  let addresses: { address: string; family: number }[]
  try {
    addresses = await resolve(host)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'lookup failed'
    // NXDOMAIN is a configuration error; a resolver timeout or SERVFAIL may heal on retry.
    const permanent = code === 'ENOTFOUND' || code === 'ENODATA'
    throw new UndeliverableUrlError(host, `DNS lookup failed (${code})`, !permanent)
  }
  if (!addresses.length) throw new UndeliverableUrlError(host, 'DNS lookup returned no address', true)
  if (!trusted) {
    for (const { address } of addresses) {
      const reason = blockedAddressReason(address)
      if (reason) throw new UndeliverableUrlError(host, `it resolves to ${address}: ${reason}${hint}`)
    }
  }
  return { url: parsed, addresses }
}

/** checkDestination without the addresses: for a check before anything is sent. */
export async function assertDeliverableUrl(url: string, allowlist: readonly string[], resolve?: HostResolver): Promise<void> {
  await checkDestination(url, allowlist, resolve)
}
