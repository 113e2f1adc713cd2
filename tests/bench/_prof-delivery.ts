import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
process.env.NEWSROOM_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'prof-'))
process.env.DATABASE_URI = 'file::memory:'
process.env.PAYLOAD_SECRET = 'x'
process.env.NEWSROOM_SEED = 'false'
process.env.NEWSROOM_CHANNEL_ALLOWLIST = '127.0.0.1,localhost'
process.env.NEWSROOM_DELIVERY_IMMEDIATE = 'false'
const { getPayload } = await import('payload')
const { default: config } = await import('../../payload.config')
const payload = await getPayload({ config })
const { startWebhookReceiver } = await import('../support/webhook-receiver')
const SECRET = `whsec_${Buffer.from('newsroom-test-secret-0123456789ab').toString('base64')}`
const r = await startWebhookReceiver({ secret: SECRET })
const author = await payload.create({ collection: 'authors', data: { name: '丁宪民', roles: ['reporter'] } as never })
const region = await payload.create({ collection: 'regions', data: { name: '兴仁市', shortName: '兴仁', level: 'county' } as never })
const editor = await payload.create({ collection: 'users', data: { email: 'e@x.test', password: 'password-for-bench', roles: ['editor'] } as never })
for (let i = 0; i < 10; i++) await payload.create({ collection: 'channels' as never, data: { name: `c${i}`, type: 'webhook', enabled: true, url: r.url, secret: SECRET } as never })
const { takeWorkflowAction } = await import('../../plugins/editorial-workflow')
const body = { root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text: '兴仁县今年新建了十二所乡村学校。', format: 0, detail: 0, mode: 'normal', style: '' }] }] } }
let t = Date.now()
for (let i = 0; i < 20; i++) {
  const doc = await payload.create({ collection: 'articles', data: { title: `兴仁县稿件${i}`, body, _status: 'draft', credits: [{ author: author.id, role: 'reporter' }], dateline: { outlet: '亮点黔西南', place: region.id, kind: 'xun' } } as never, draft: true, user: editor as never, overrideAccess: false })
  await takeWorkflowAction(payload, { user: editor as never, id: doc.id, action: 'publish' })
}
console.log('publish 20', Date.now() - t)
t = Date.now()
while (r.processed.length < 200) await payload.jobs.run({ queue: 'distribution', limit: 40, silent: true })
console.log('deliver 200', Date.now() - t)
await r.close()
process.exit(0)
