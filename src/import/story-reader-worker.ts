/**
 * The archive importer's reading thread (story-reader.ts starts it): reads and fixes the files it is sent
 * (read-source.ts) and posts back what it read, in order, a batch at a time. It loads no Payload and no
 * database: only the house-style parser and rules.
 */
import { parentPort } from 'node:worker_threads'

import { readStoryFiles } from './read-source'
import type { ReadRequest } from './story-reader'

const port = parentPort!

port.on('message', async ({ id, files, rules }: ReadRequest) => {
  port.postMessage({ id, reads: await readStoryFiles(files, rules) })
})
// Loaded: the importer sends batches from now on (it reads them itself until then).
port.postMessage({ ready: true })
