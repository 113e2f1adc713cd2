/**
 * The Newsroom CMS: the collections, the three newsroom plugins, the database picked from DATABASE_URI,
 * sharp for images and the admin in 简体中文 and English.
 */
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import path from 'node:path'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Articles } from './collections/Articles'
import { Authors } from './collections/Authors'
import { Media } from './collections/Media'
import { Regions } from './collections/Regions'
import { Sections } from './collections/Sections'
import { Users } from './collections/Users'
import { distributionPlugin } from './plugins/distribution'
import { editorialWorkflowPlugin } from './plugins/editorial-workflow'
import { houseStylePlugin } from './plugins/house-style'
import { chooseDatabase, databaseAdapter } from './src/database'
import { houseStyleSettings } from './src/house-style-settings'
import { projectRoot, resolvePayloadSecret } from './src/env'
import { prepareDatabase } from './src/prepare-database'

const database = chooseDatabase()

export default buildConfig({
  secret: resolvePayloadSecret(),
  serverURL: process.env.NEWSROOM_PUBLIC_URL || undefined,
  telemetry: false,
  admin: {
    user: Users.slug,
    avatar: 'default',
    meta: { titleSuffix: ' · Newsroom' },
    importMap: { baseDir: projectRoot, importMapFile: path.join(projectRoot, 'src/app/(payload)/admin/importMap.js') },
  },
  i18n: { supportedLanguages: { zh, en }, fallbackLanguage: 'zh' },
  collections: [Articles, Sections, Regions, Authors, Media, Users],
  editor: lexicalEditor(),
  db: databaseAdapter(database),
  sharp,
  graphQL: { disablePlaygroundInProduction: true },
  typescript: { autoGenerate: false, outputFile: path.join(projectRoot, 'src/payload-types.ts') },
  jobs: {
    // Jobs are run by the server's own runner (src/server.ts) and by tests; never auto-deleted, they are the log.
    deleteJobOnComplete: false,
    jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
      ...defaultJobsCollection,
      admin: { ...defaultJobsCollection.admin, hidden: false, group: { zh: '管理', en: 'Admin' } },
    }),
  },
  plugins: [
    houseStylePlugin(houseStyleSettings),
    editorialWorkflowPlugin(),
    // Timings (NEWSROOM_DELIVERY_*), the public origin (NEWSROOM_PUBLIC_URL) and the outlet come from the environment and house-style.
    distributionPlugin(),
  ],
  onInit: async (payload) => {
    await prepareDatabase(payload, database.kind)
  },
})
