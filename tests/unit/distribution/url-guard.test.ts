import { describe, expect, it } from 'vitest'
import {
  assertDeliverableUrl,
  blockedAddressReason,
  checkUrlShape,
  type HostResolver,
  parseAllowlist,
  UndeliverableUrlError,
} from '../../../plugins/distribution/src/transports/url-guard'

const publicResolver = async () => [{ address: '93.184.216.34', family: 4 }]

async function refusal(
  url: string,
  allowlist: string[] = [],
  resolve: HostResolver | null = publicResolver,
): Promise<UndeliverableUrlError> {
  const error = await assertDeliverableUrl(url, allowlist, resolve ?? undefined).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(UndeliverableUrlError)
  return error as UndeliverableUrlError
}

describe('assertDeliverableUrl', () => {
  it.each([
    ['http://127.0.0.1:8080/hook', 'loopback'],
    ['http://10.0.0.5/hook', 'private'],
    ['http://172.20.1.1/hook', 'private'],
    ['http://192.168.1.10/hook', 'private'],
    ['http://[::1]/hook', 'loopback'],
    ['http://169.254.169.254/latest/meta-data/', 'link-local'],
    ['http://0.0.0.0/hook', 'unspecified'],
    ['http://100.64.3.2/hook', 'carrier-grade NAT'],
    ['http://[fe80::1]/hook', 'link-local'],
    ['http://[fd12:3456::1]/hook', 'unique-local'],
    ['http://[::ffff:127.0.0.1]/hook', 'IPv4-mapped IPv6 form of 127.0.0.1 (a loopback'],
    ['http://[::ffff:a9fe:a9fe]/hook', 'IPv4-mapped IPv6 form of 169.254.169.254 (a link-local'],
    // The forms the tester found treated as public, and the IPv4-compatible spelling.
    ['http://[::ffff:0:127.0.0.1]/hook', 'IPv4-translated'],
    ['http://[::127.0.0.1]/hook', 'IPv4-compatible IPv6 form of 127.0.0.1 (a loopback'],
    ['http://[::7f00:1]:8080/hook', 'IPv4-compatible IPv6 form of 127.0.0.1'],
    ['http://[0:0:0:0:0:ffff:7f00:1]/hook', 'IPv4-mapped'],
    ['http://[64:ff9b::7f00:1]/hook', 'NAT64'],
    ['http://[2002:7f00:1::1]/hook', '6to4'],
    ['http://[::]/hook', 'unspecified'],
    ['http://[ff02::1]/hook', 'multicast'],
    ['http://224.0.0.251/hook', 'multicast'],
    ['http://255.255.255.255/hook', 'broadcast'],
    ['http://0.0.0.0:3000/hook', 'unspecified'],
    // Alternative spellings the URL parser normalises to 127.0.0.1.
    ['http://2130706433/hook', 'loopback'],
    ['http://0x7f.1/hook', 'loopback'],
  ])('refuses %s (%s)', async (url, reason) => {
    const error = await refusal(url)
    expect(error.message).toContain(reason)
    expect(error.message).toContain(error.host)
    expect(error.retryable).toBe(false)
  })

  it('refuses a hostname that resolves to loopback (localhost), with the real resolver', async () => {
    const error = await refusal('http://localhost:3000/hook', [], null)
    expect(error.message).toMatch(/Channel URL host "localhost" is not deliverable: it resolves to (127\.0\.0\.1|::1): loopback address/)
  })

  it('refuses when any one of several addresses is internal', async () => {
    const mixed = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.1.2.3', family: 4 },
    ]
    const error = await refusal('https://receiver.example/hook', [], mixed)
    expect(error.reason).toContain('10.1.2.3')
  })

  it('allows public addresses', async () => {
    await expect(assertDeliverableUrl('https://receiver.example/hook', [], publicResolver)).resolves.toBeUndefined()
    await expect(assertDeliverableUrl('https://93.184.216.34/hook', [])).resolves.toBeUndefined()
    await expect(assertDeliverableUrl('https://[2606:2800:220:1:248:1893:25c8:1946]/hook', [])).resolves.toBeUndefined()
  })

  it('allows an internal endpoint only when its host AND port are allowlisted', async () => {
    await expect(assertDeliverableUrl('http://127.0.0.1:8080/hook', ['127.0.0.1:8080'])).resolves.toBeUndefined()
    await expect(assertDeliverableUrl('http://LOCALHOST:9/hook', ['localhost:9'])).resolves.toBeUndefined()
    await expect(assertDeliverableUrl('http://[::1]:8080/hook', ['[::1]:8080'])).resolves.toBeUndefined()
    await expect(assertDeliverableUrl('http://[::ffff:7f00:1]:8080/hook', ['[::ffff:127.0.0.1]:8080'])).resolves.toBeUndefined()
    // A bare host means the scheme's default port, never any port: the CMS's own :3000 stays out of reach.
    await expect(assertDeliverableUrl('http://10.0.0.5/hook', ['10.0.0.5'])).resolves.toBeUndefined()
    await expect(assertDeliverableUrl('https://10.0.0.5:443/hook', ['10.0.0.5'])).resolves.toBeUndefined()
    const bare = await refusal('http://127.0.0.1:3000/api/users', ['127.0.0.1'])
    expect(bare.message).toContain('add "127.0.0.1:3000" to NEWSROOM_CHANNEL_ALLOWLIST')
    // `host:*` is the explicit any-port entry (test rigs with ephemeral ports).
    await expect(assertDeliverableUrl('http://127.0.0.1:45678/hook', ['127.0.0.1:*'])).resolves.toBeUndefined()
    // A different port is not the allowlisted endpoint.
    await refusal('http://127.0.0.1:9090/hook', ['127.0.0.1:8080'])
    // Exact match only: no suffix tricks.
    await refusal('http://127.0.0.1.nip.io/hook', ['127.0.0.1'], async () => [{ address: '127.0.0.1', family: 4 }])
  })

  it('refuses other schemes and names the host, never the path or query', async () => {
    const error = await refusal('ftp://files.example/drop')
    expect(error.message).toContain('scheme')
    const withToken = await refusal('http://10.0.0.5/hook?token=s3cr3t-value')
    expect(withToken.message).not.toContain('s3cr3t-value')
  })

  it('treats an unknown host as permanent and a resolver hiccup as retryable', async () => {
    const nx = await refusal('https://no-such-host.invalid/hook', [], async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })
    })
    expect(nx.retryable).toBe(false)
    const flaky = await refusal('https://receiver.example/hook', [], async () => {
      throw Object.assign(new Error('queryA ETIMEOUT'), { code: 'EAI_AGAIN' })
    })
    expect(flaky.retryable).toBe(true)
  })
})

describe('blockedAddressReason', () => {
  it('classifies literals', () => {
    expect(blockedAddressReason('8.8.8.8')).toBeNull()
    expect(blockedAddressReason('172.32.0.1')).toBeNull()
    expect(blockedAddressReason('172.31.255.255')).toContain('private')
    expect(blockedAddressReason('::')).toContain('unspecified')
    expect(blockedAddressReason('64:ff9b::7f00:1')).toContain('NAT64')
    expect(blockedAddressReason('2002:c0a8:0101::1')).toContain('6to4')
    expect(blockedAddressReason('2001:4860:4860::8888')).toBeNull()
    expect(blockedAddressReason('[2001:4860:4860::8888]')).toBeNull()
    expect(blockedAddressReason('fe80::1%eth0')).toContain('link-local')
    // Even a public IPv4 address spelled as IPv6 is refused: no receiver is configured that way.
    expect(blockedAddressReason('::ffff:8.8.8.8')).toBe('IPv4-mapped IPv6 form of 8.8.8.8')
    expect(blockedAddressReason('receiver.example')).toBe('not an IP address')
  })
})

describe('parseAllowlist', () => {
  it('parses the comma-separated env value', () => {
    expect(parseAllowlist(' Receiver.Example , 127.0.0.1:8080,,[::1] ')).toEqual(['receiver.example', '127.0.0.1:8080', '[::1]'])
    expect(parseAllowlist('')).toEqual([])
    expect(parseAllowlist(undefined)).toEqual(parseAllowlist(process.env.NEWSROOM_CHANNEL_ALLOWLIST))
  })
})

describe('checkUrlShape', () => {
  it('accepts http(s) URLs and explains what is wrong otherwise', () => {
    expect(checkUrlShape('https://receiver.example/hooks/news')).toBe(true)
    expect(checkUrlShape('')).toMatch(/^url: /)
    expect(checkUrlShape('receiver.example/hook')).toMatch(/not a valid absolute URL/)
    expect(checkUrlShape('javascript:alert(1)')).toMatch(/scheme "javascript" is not allowed/)
    expect(checkUrlShape('https://user:pw@receiver.example/')).toMatch(/user name\/password/)
  })
})
