/**
 * DATABASE_URI picks the adapter. MongoDB cannot run on these machines, so its path is covered by what can
 * be checked here: selection, an adapter and a whole config that build, and id handling that works for
 * string ObjectIds as well as numeric ids.
 */
import path from 'node:path'
import { describe, expect, test } from 'vitest'

import { lexicalToBlocks } from '../../../plugins/house-style'
import { chooseDatabase, databaseAdapter, migrationsFor } from '../../../src/database'
import { StartupError } from '../../../src/env'

describe('chooseDatabase', () => {
  test('unset means the embedded SQLite file under ./data', () => {
    const choice = chooseDatabase('')
    expect(choice.kind).toBe('sqlite')
    expect(choice.url).toBe(`file:${path.join(process.env.NEWSROOM_DATA_DIR!, 'newsroom.db')}`)
  })

  test.each([
    ['postgres://user@db:5432/news', 'postgres'],
    ['postgresql://user@db/news', 'postgres'],
    ['mongodb://127.0.0.1:27017/news', 'mongodb'],
    ['mongodb+srv://cluster0.example.net/news', 'mongodb'],
    ['file:/tmp/news.db', 'sqlite'],
  ])('%s → %s', (uri, kind) => {
    expect(chooseDatabase(uri).kind).toBe(kind)
  })

  test.each(['mysql://root@localhost/news', 'redis://localhost', 'not a url', 'http://db'])(
    '%s is refused, naming the supported schemes',
    (uri) => {
      expect(() => chooseDatabase(uri)).toThrow(StartupError)
      expect(() => chooseDatabase(uri)).toThrow(
        /Supported: file: \(SQLite\), postgres:\/\/ or postgresql:\/\/ \(PostgreSQL\), mongodb:\/\//,
      )
    },
  )
})

describe('MongoDB (not run here: no server can be installed on these machines)', () => {
  test('the Mongoose adapter is selected and constructs without connecting', () => {
    const adapter = databaseAdapter(chooseDatabase('mongodb://127.0.0.1:27017/newsroom'))
    expect(adapter.name).toBe('mongoose')
    expect(migrationsFor('mongodb')).toEqual([])
  })

  test('the whole Newsroom config builds on the MongoDB adapter', async () => {
    const previous = process.env.DATABASE_URI
    process.env.DATABASE_URI = 'mongodb://127.0.0.1:27017/newsroom'
    try {
      const { vi } = await import('vitest')
      vi.resetModules()
      const config = await (await import('../../../payload.config')).default
      expect(config.db.name).toBe('mongoose')
      expect(config.collections.map((c) => c.slug)).toEqual(
        expect.arrayContaining(['articles', 'sections', 'regions', 'authors', 'media', 'users']),
      )
    } finally {
      process.env.DATABASE_URI = previous
    }
  })

  test('upload references in a body are read the same with ObjectId strings and numeric ids', () => {
    const body = (value: unknown) => ({ root: { type: 'root', children: [{ type: 'upload', relationTo: 'media', value }] } })
    expect(lexicalToBlocks(body('665f1c2ab3e4d5f6a7b8c9d0'))).toEqual([
      { type: 'image', src: '665f1c2ab3e4d5f6a7b8c9d0', alt: undefined, media: '665f1c2ab3e4d5f6a7b8c9d0' },
    ])
    expect(lexicalToBlocks(body(42))).toEqual([{ type: 'image', src: '42', alt: undefined, media: '42' }])
    expect(lexicalToBlocks(body({ id: '665f1c2ab3e4d5f6a7b8c9d0', url: '/m.jpg', alt: 'a' }))).toEqual([
      { type: 'image', src: '/m.jpg', alt: 'a', media: '665f1c2ab3e4d5f6a7b8c9d0' },
    ])
  })
})
