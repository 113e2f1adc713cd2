/**
 * Child process of tests/bench/delivery.ts: N Standard Webhooks receivers on loopback. Each verifies the
 * signature (as a real receiver must), answers 204, and tells the parent the moment it acknowledged a delivery.
 * They run apart from the publishing process so their work does not sit on its event loop.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhook } from 'standardwebhooks'

const count = Number(process.argv[2] ?? 10)
const webhook = new Webhook(process.argv[3]!)

const urls: string[] = []
for (let channel = 0; channel < count; channel++) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const id = String(req.headers['webhook-id'] ?? '')
      let status = 204
      try {
        webhook.verify(body, {
          'webhook-id': id,
          'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
          'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
        })
      } catch {
        status = 401
      }
      res.writeHead(status).end()
      process.send?.({ type: 'received', channel, id, status, at: Date.now() })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/newsroom`)
}
process.send?.({ type: 'ready', urls })
process.on('message', (message: { type?: string }) => {
  if (message?.type === 'stop') process.exit(0)
})
