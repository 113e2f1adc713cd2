// The reader site's GraphQL documents are valid against the committed contract, as a frontend's must be.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { buildSchema, parse, validate } from 'graphql'
import { describe, expect, it } from 'vitest'

import * as queries from '../../../src/site/queries'

const schema = buildSchema(readFileSync(path.resolve(import.meta.dirname, '../../../schema.graphql'), 'utf8'))

describe('reader site queries against schema.graphql', () => {
  const documents = Object.entries(queries as Record<string, unknown>).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  )
  it('has documents to check', () => expect(documents.length).toBeGreaterThan(1))
  for (const [name, document] of documents) {
    it(`${name} validates`, () => {
      expect(validate(schema, parse(document)).map((error) => error.message)).toEqual([])
    })
  }
})
