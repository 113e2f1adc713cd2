/**
 * The benchmark's baseline: Payload with the same collections (collections/), the same database adapter,
 * editor, sharp and jobs settings as payload.config.ts, but none of the suite's plugins (no house-style,
 * editorial-workflow or distribution fields, hooks or endpoints). It runs on the database the suite's
 * migrations created, so both read the same rows; the plugin columns are simply not selected.
 *
 * BENCH_LAYER adds the suite back a layer at a time, to show where a save's extra time goes:
 *   fields-without-credits   house-style's fields but the credits array, hooks off: what the dateline group and
 *                            the rendered output and findings columns cost
 *   fields        house-style's fields (dateline, credits, rendered output, findings) with its hooks off
 *   house-style   the house-style plugin as the suite runs it
 *   workflow-fields   house-style + the editorial workflow's fields, its behaviour off (`disabled`)
 *   workflow      house-style + editorial workflow (the suite without distribution)
 *   distribution  house-style + workflow + distribution: the suite without the app's own plugins (bad-input
 *                 guard, read cache, save errors, narrow GraphQL reads)
 *   workflow-without-rendered   the same with the rendered text (html, plainText) and the style findings
 *                 (findings, error count) not stored: what keeping them out of every version row could save at most
 *                 (it also keeps them off the story row); save-layers.ts
 *   workflow-credits-as-json    house-style + workflow with the credits one JSON column on the story and version
 *                 rows instead of two tables of rows (the column is added at start-up): what that storage could save
 *                 at most, since a JSON column's author ids are not populated in the save's answer
 *   workflow-corrections-as-json   the same for the workflow's corrections array
 *   workflow-lean  all three at once: the leanest storage of the suite's data
 */
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig, type Config, type Field, type Payload } from 'payload'
import sharp from 'sharp'

import { distributionPlugin } from '../../plugins/distribution'
import { editorialWorkflowPlugin } from '../../plugins/editorial-workflow'
import { houseStylePlugin, STYLE_FIELDS } from '../../plugins/house-style'

import { Articles } from '../../collections/Articles'
import { Authors } from '../../collections/Authors'
import { Media } from '../../collections/Media'
import { Regions } from '../../collections/Regions'
import { Sections } from '../../collections/Sections'
import { Users } from '../../collections/Users'
import { chooseDatabase, databaseAdapter } from '../../src/database'
import { publicUrl, resolvePayloadSecret } from '../../src/env'
import { houseStyleSettings } from '../../src/house-style-settings'

const layer = process.env.BENCH_LAYER ?? ''

/** The story collection with its top-level fields changed (plugins' fields included: this runs after them). */
const changeStoryFields =
  (change: (fields: Field[]) => Field[]) =>
  (config: Config): Config => ({
    ...config,
    collections: config.collections?.map((collection) =>
      collection.slug === Articles.slug ? { ...collection, fields: change(collection.fields) } : collection,
    ),
  })
/** Without some of house-style's fields: the hooks still compute them; nothing stores them. */
const withoutStoryFields = (names: string[]) =>
  changeStoryFields((fields) => fields.filter((field) => !('name' in field) || !names.includes(field.name)))
/** The credits array: the one field group that is tables, not columns. */
const withoutCredits = withoutStoryFields(['credits'])
/** What a save renders and finds, stored on the story and on every version of it. */
const withoutRendered = withoutStoryFields(['html', 'plainText', STYLE_FIELDS.findings, STYLE_FIELDS.errorCount])
/** An array field as one JSON column of its rows ({ author, role }, { note, date }): no rows to rewrite or read back. */
const asJson = (name: string) =>
  changeStoryFields((fields) => fields.map((field) => ('name' in field && field.name === name ? { name, type: 'json' } : field)))
const jsonArrays = [
  ...(layer === 'workflow-credits-as-json' || layer === 'workflow-lean' ? ['credits'] : []),
  ...(layer === 'workflow-corrections-as-json' || layer === 'workflow-lean' ? ['corrections'] : []),
]

/**
 * The JSON columns the suite's migrations do not make: added to the story and version tables of this copy of the
 * database (once: a second start finds them there).
 */
async function addJsonColumns(payload: Payload) {
  const db = payload.db as unknown as {
    pool?: { query(sql: string): Promise<unknown> }
    client?: { execute(sql: string): Promise<unknown> }
  }
  for (const name of jsonArrays)
    for (const [table, column] of [
      ['articles', name],
      ['_articles_v', `version_${name}`],
    ]) {
      if (db.pool) await db.pool.query(`alter table "${table}" add column if not exists "${column}" jsonb`)
      else
        await db.client!.execute(`alter table "${table}" add column "${column}" text`).catch((error: Error) => {
          if (!/duplicate column/i.test(error.message)) throw error
        })
    }
}

export default buildConfig({
  secret: resolvePayloadSecret(),
  telemetry: false,
  admin: { user: Users.slug, avatar: 'default' },
  i18n: { supportedLanguages: { zh, en }, fallbackLanguage: 'zh' },
  collections: [Articles, Sections, Regions, Authors, Media, Users],
  editor: lexicalEditor(),
  // The suite's archive indexes name plugin columns this config lacks; the database already has them.
  db: databaseAdapter(chooseDatabase(), { archiveIndexes: false }),
  sharp,
  graphQL: { disablePlaygroundInProduction: true },
  typescript: { autoGenerate: false },
  jobs: { deleteJobOnComplete: false },
  onInit: jsonArrays.length ? addJsonColumns : undefined,
  plugins: !layer
    ? []
    : [
        houseStylePlugin({ ...houseStyleSettings, disabled: layer === 'fields' || layer === 'fields-without-credits' }),
        ...(layer === 'fields-without-credits' ? [withoutCredits] : []),
        ...(layer.startsWith('workflow') || layer === 'distribution'
          ? [editorialWorkflowPlugin({ disabled: layer === 'workflow-fields' })]
          : []),
        ...(layer === 'distribution' ? [distributionPlugin({ siteUrl: publicUrl() })] : []),
        ...(layer === 'workflow-without-rendered' || layer === 'workflow-lean' ? [withoutRendered] : []),
        ...jsonArrays.map(asJson),
      ],
})
