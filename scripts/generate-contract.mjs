// Regenerates the frontend contract from payload.config.ts: the GraphQL SDL (schema.graphql) and the
// TypeScript types (src/payload-types.ts). `npm run generate` runs it; CI runs it and fails on a diff.
// One process instead of Payload's two bins: the config is loaded once, and an interval keeps the event loop
// alive while tsx loads it (a tsx module load holds no handle, so a bin can exit 0 before writing anything).
import { writeFileSync } from 'node:fs'
import { tsImport } from 'tsx/esm/api'

const keepAlive = setInterval(() => undefined, 1000)
// The contract of the default deployment (SQLite/PostgreSQL: numeric ids). MongoDB would make ids strings.
delete process.env.DATABASE_URI
process.env.NEXT_TELEMETRY_DISABLED = '1'
try {
  const { default: configPromise } = await tsImport('../payload.config.ts', import.meta.url)
  const config = await configPromise
  const { configToSchema } = await import('@payloadcms/graphql')
  const { printSchema } = await import('graphql')
  const { generateTypes } = await import('payload/node')
  writeFileSync(config.graphQL.schemaOutputFile, `${printSchema(configToSchema(config).schema)}\n`)
  await generateTypes(config, { log: false })
  console.log(`Wrote ${config.graphQL.schemaOutputFile} and ${config.typescript.outputFile}`)
} catch (error) {
  console.error(error)
  process.exitCode = 1
} finally {
  clearInterval(keepAlive)
}
