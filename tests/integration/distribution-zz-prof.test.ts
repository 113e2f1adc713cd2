import { expect, test, vi } from 'vitest'
vi.hoisted(() => {
  process.env.NEWSROOM_DELIVERY_IMMEDIATE = 'false'
})
import { startWebhookReceiver } from '../support/webhook-receiver'
import { bootDistributionDesk, closeDistributionDesk, createChannel, publishStory, SECRET } from './distribution-desk'
test('prof', async () => {
  const d = await bootDistributionDesk()
  const r = await startWebhookReceiver({ secret: SECRET })
  let t0 = Date.now()
  for (let i = 0; i < 5; i++) await publishStory(d)
  console.log('publish 5 without channels:', Date.now() - t0)
  t0 = Date.now()
  const { writeStory, act } = await import('./distribution-desk')
  const ids = []
  for (let i = 0; i < 5; i++) ids.push(await writeStory(d))
  console.log('write 5:', Date.now() - t0)
  t0 = Date.now()
  for (const id of ids) await act(d, id, 'publish')
  console.log('act publish 5:', Date.now() - t0)
  for (let i = 0; i < 10; i++) await createChannel(d, { name: `c${i}`, type: 'webhook', url: r.url, secret: SECRET })
  let t = Date.now()
  for (let i = 0; i < 10; i++) await publishStory(d)
  console.log('publish 10:', Date.now() - t)
  t = Date.now()
  let runs = 0
  while (r.processed.length < 100) { const s = Date.now(); const res = await d.payload.jobs.run({ queue: 'distribution', limit: 40, silent: true }); runs++; console.log('run', Object.keys(res.jobStatus ?? {}).length, Date.now() - s) }
  console.log('deliver 100:', Date.now() - t, 'runs', runs)
  await r.close()
  await closeDistributionDesk(d)
}, 300000)
