/**
 * The start-up reconcile of deliveries (plugins/distribution/src/events/reconcile-deliveries.ts): a publication
 * whose save landed but whose afterChange never ran (the process was killed in between) gets its delivery
 * recorded at the next start; a story whose every save was delivered gets nothing, however many times the
 * server starts and whatever changed around it since (a section renamed, the public origin moved).
 * The real kill -9 runs in tests/e2e/crash-consistency.test.ts.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { reconcileDeliveries } from '../../plugins/distribution'
import { importStory } from '../../src/import/import-story'
import { foundingStoryPath, restoredFoundingStory } from '../../src/seed/demo-content'
import {
  act,
  bootDistributionDesk,
  closeDistributionDesk,
  createChannel,
  deliveriesOf,
  publishStory,
  SECRET,
  writeStory,
  type DistributionDesk,
} from '../support/distribution-desk'

type Id = string | number
let d: DistributionDesk

beforeAll(async () => {
  d = await bootDistributionDesk()
  await createChannel(d, { name: '合作网站', type: 'webhook', url: 'http://127.0.0.1:9/hooks', secret: SECRET })
}, 120_000)
afterAll(async () => {
  await closeDistributionDesk(d)
})

const events = async (id: Id) => (await deliveriesOf(d, id)).sort((a, b) => a.version - b.version).map((row) => row.event)
const reconciled = async () => (await reconcileDeliveries(d.payload)).recorded.map((r) => `${String(r.story)}:${r.event}`)
/** What a kill between a save and its afterChange leaves: the save, without the delivery it would have recorded. */
const loseLastDelivery = async (id: Id) => {
  const [last] = (await deliveriesOf(d, id)).sort((a, b) => b.version - a.version)
  await d.payload.db.deleteOne({ collection: 'deliveries', where: { id: { equals: last!.id } } })
}

describe('stories whose every save was delivered', () => {
  it('get nothing at a restart: published through the workflow, imported published, corrected, unpublished', async () => {
    const published = await publishStory(d)
    const corrected = await publishStory(d)
    await act(d, corrected, 'correct', '此前报道学校数量有误，已更正。')
    const unpublished = await publishStory(d)
    await act(d, unpublished, 'unpublish')
    // The founding story as the seed imports it: with the desk's restoration of its encoding damage.
    const founding = restoredFoundingStory(readFileSync(foundingStoryPath(), 'utf8'))
    const imported = (
      await importStory(
        d.payload,
        founding
          .split('\n')
          .filter((line) => !line.startsWith('!['))
          .join('\n'),
        { publish: true },
      )
    ).id
    expect(await events(imported)).toEqual(['published'])
    expect(await reconciled()).toEqual([])
    expect(await reconciled()).toEqual([])
    expect([await events(published), await events(corrected), await events(unpublished)]).toEqual([
      ['published'],
      ['published', 'corrected'],
      ['published', 'unpublished'],
    ])
  })

  it('get nothing when what surrounds them changed since: a section renamed', async () => {
    const id = await publishStory(d)
    await d.payload.update({ collection: 'sections', id: d.sections.county.id, data: { name: '县域新闻' } })
    expect(await reconciled()).toEqual([])
    expect(await events(id)).toEqual(['published'])
  })
})

describe('a save whose delivery a crash never recorded', () => {
  it('gets it recorded at the next start, once', async () => {
    const published = await publishStory(d)
    await loseLastDelivery(published)
    const corrected = await publishStory(d)
    await act(d, corrected, 'correct', '此前报道学校数量有误，已更正。')
    await loseLastDelivery(corrected)
    const unpublished = await publishStory(d)
    await act(d, unpublished, 'unpublish')
    await loseLastDelivery(unpublished)
    const updated = await publishStory(d)
    await d.payload.update({
      collection: 'articles',
      id: updated,
      data: { title: '兴仁县新建乡村学校全部开学' },
      overrideAccess: false,
      user: d.editor.user,
    })
    expect(await events(updated)).toEqual(['published', 'updated'])
    await loseLastDelivery(updated)

    expect((await reconciled()).sort()).toEqual(
      [`${published}:published`, `${corrected}:corrected`, `${unpublished}:unpublished`, `${updated}:updated`].sort(),
    )
    expect(await reconciled()).toEqual([])
    expect([await events(published), await events(corrected), await events(unpublished), await events(updated)]).toEqual([
      ['published'],
      ['published', 'corrected'],
      ['published', 'unpublished'],
      ['published', 'updated'],
    ])
  })

  it('a story written by hand is not a crash: a draft saved again gets nothing', async () => {
    const id = await writeStory(d)
    await d.payload.update({ collection: 'articles', id, data: { title: '兴仁县乡村学校建设进展' }, draft: true })
    expect(await reconciled()).toEqual([])
    expect(await events(id)).toEqual([])
  })
})
