/**
 * The `newsroom` command.
 *   newsroom parse FILE [--body-only] [--fix]   print the parsed story as JSON
 *   newsroom lint FILE [--json]                 print house-style findings; exit 1 when there are errors
 *   newsroom import FILE|DIR … [--publish] [--batch N] [--section SLUG] [--region SLUG]
 *                                               import legacy stories into the configured database
 */
import { parseArgs } from 'node:util'

import { importCommand } from './import'
import { lintCommand } from './lint'
import { parseCommand } from './parse'

const USAGE = `Usage:
  newsroom parse FILE [--body-only] [--fix]
  newsroom lint FILE [--json]
  newsroom import FILE|DIR … [--publish] [--batch N] [--section SLUG] [--region SLUG]
      (N stories per transaction, default 200; every story in that section and region)`

function batchSize(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 5000) throw new Error(`--batch takes a whole number of stories from 1 to 5000, not "${value}"`)
  return n
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      'body-only': { type: 'boolean', default: false },
      fix: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      publish: { type: 'boolean', default: false },
      batch: { type: 'string' },
      section: { type: 'string' },
      region: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (!command || values.help || command === 'help') {
    console.log(USAGE)
    return command ? 0 : 2
  }
  switch (command) {
    case 'parse':
      return parseCommand(positionals, { bodyOnly: values['body-only'], fix: values.fix })
    case 'lint':
      return lintCommand(positionals, { json: values.json })
    case 'import':
      return importCommand(positionals, {
        publish: values.publish,
        batchSize: values.batch === undefined ? undefined : batchSize(values.batch),
        section: values.section,
        region: values.region,
      })
    default:
      console.error(`Unknown command "${command}".\n${USAGE}`)
      return 2
  }
}

// Module loading through the tsx loader holds no handle of its own: keep the process alive until main settles,
// or a command that loads the Payload config can drain the event loop and exit 0 with nothing done.
const keepAlive = setInterval(() => undefined, 1000)
main(process.argv.slice(2)).then(
  (code) => {
    clearInterval(keepAlive)
    process.exit(code)
  },
  (error: unknown) => {
    console.error(`newsroom: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  },
)
