/**
 * The indexes the archive's hot reads need, added to the SQL schema once Payload has built it (the adapters'
 * `afterSchemaInit` hook; the migrations carry them). Payload's own compound `indexes` on a collection config
 * cannot say all of this: on a collection with drafts it copies each one onto the versions table as well (an index
 * every save pays for and no read uses), it cannot name `latest` or the version row's own `created_at`, and it
 * cannot reach the table a story's tags live in (whose index starts with `order`, so finding one story's tags
 * walked the whole index). Deliveries, which have no versions, use the collection's `indexes`.
 *
 * `created_at` ends most of them: Payload adds it to every sort as the tie-breaker, and an index that ends with
 * it lets the database read rows in the final order and stop at the LIMIT.
 *
 * Each entry: table, index name, columns by their SQL names. Every one is checked by
 * tests/integration/archive-query-plans.test.ts against the SQL Payload really issues.
 */
import { index as pgIndex } from '@payloadcms/db-postgres/drizzle/pg-core'
import { index as sqliteIndex } from '@payloadcms/db-sqlite/drizzle/sqlite-core'

interface ArchiveIndex {
  table: string
  name: string
  columns: string[]
}

export const ARCHIVE_INDEXES: ArchiveIndex[] = [
  // Published lists, newest first: the front page, the feeds and the news sitemap; a section or a region (an
  // `in` over it and the ones beneath it, or one of them).
  { table: 'articles', name: 'articles_published_idx', columns: ['_status', 'published_at', 'created_at'] },
  { table: 'articles', name: 'articles_section_published_idx', columns: ['section_id', '_status', 'published_at', 'created_at'] },
  { table: 'articles', name: 'articles_region_published_idx', columns: ['region_id', '_status', 'published_at', 'created_at'] },
  // The admin's story list, newest first (its default sort), and the review/approved/scheduled queues by stage.
  { table: '_articles_v', name: '_articles_v_latest_created_idx', columns: ['latest', 'version_created_at', 'created_at'] },
  {
    table: '_articles_v',
    name: '_articles_v_latest_stage_created_idx',
    columns: ['latest', 'version_stage', 'version_created_at', 'created_at'],
  },
  // Every save's unique-slug check (collections/fields/slug.ts): the latest version holding a slug. With only the
  // one-column slug index, SQLite (it keeps no statistics) chose the `latest` index and read every latest version
  // for a slug nobody has: an archive import fell from 80 to 40 stories/s by its 12,000th story.
  {
    table: '_articles_v',
    name: '_articles_v_latest_slug_created_idx',
    columns: ['latest', 'version_slug', 'version_created_at', 'created_at'],
  },
  // A story's tags, found from the story; and stories by tag.
  { table: 'articles_texts', name: 'articles_texts_parent_order_idx', columns: ['parent_id', 'order'] },
  { table: 'articles_texts', name: 'articles_texts_text_path_idx', columns: ['text', 'path'] },
  { table: '_articles_v_texts', name: '_articles_v_texts_parent_order_idx', columns: ['parent_id', 'order'] },
  // A reporter's own stories ("my stories", and the rule for which stories they may edit): the versions holding
  // one of their owner keys (`deskOwners`, plugins/editorial-workflow/src/ownership.ts), found by value, then
  // the latest of them by primary key; only those are sorted.
  { table: '_articles_v_texts', name: '_articles_v_texts_text_path_idx', columns: ['text', 'path'] },
]

type Columns = Record<string, { name?: string }>
type IndexBuilder = (name: string) => { on: (...columns: never[]) => unknown }

function extraIndexes(build: IndexBuilder, wanted: ArchiveIndex[]) {
  return (self: Columns) => {
    const column = (name: string) => {
      const found = Object.values(self).find((c) => c?.name === name)
      if (!found) throw new Error(`archive index: no column ${name}`)
      return found
    }
    return Object.fromEntries(wanted.map((ix) => [ix.name, (build(ix.name).on as (...c: unknown[]) => unknown)(...ix.columns.map(column))]))
  }
}

// The SQLite and PostgreSQL adapters type their drizzle schemas differently; this hook serves both.
/* eslint-disable @typescript-eslint/no-explicit-any */
interface SchemaHookArgs {
  schema: { tables: Record<string, any>; relations: any; enums?: any }
  extendTable: (args: { table: any; extraConfig: (self: Columns) => object }) => void
}
/* eslint-enable @typescript-eslint/no-explicit-any */

function archiveIndexesHook(build: IndexBuilder) {
  return <Schema extends SchemaHookArgs['schema']>({
    schema,
    extendTable,
  }: {
    schema: Schema
    extendTable: SchemaHookArgs['extendTable']
  }): Schema => {
    for (const table of new Set(ARCHIVE_INDEXES.map((ix) => ix.table))) {
      if (!schema.tables[table]) continue
      extendTable({
        table: schema.tables[table],
        extraConfig: extraIndexes(
          build,
          ARCHIVE_INDEXES.filter((ix) => ix.table === table),
        ),
      })
    }
    return schema
  }
}

export const sqliteArchiveIndexes = archiveIndexesHook(sqliteIndex as unknown as IndexBuilder)
export const postgresArchiveIndexes = archiveIndexesHook(pgIndex as unknown as IndexBuilder)
