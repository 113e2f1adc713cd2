/**
 * The archive importer's reading thread (story-reader.ts starts it): reads and fixes the files it is sent
 * (read-source.ts) and posts back what it read, in order, a batch at a time. It loads no Payload and no
 * database: only the house-style parser and rules.
 */
import { parentPort } from 'node:worker_threads'

import { readStoryFiles } from './read-source'
import type { ReadRequest } from './story-reader'

const port = parentPort!

// One batch at a time, in the order asked: the importer asks for the first two batches at once, and read side by
// side (each file parsed as it arrives) the first would be done only when the second nearly is.
let reading = Promise.resolve()
port.on('message', ({ id, files, rules }: ReadRequest) => {
  reading = reading
    .then(async () => port.postMessage({ id, reads: await readStoryFiles(files, rules) }))
    // A failure ends the thread, thrown outside the chain so that the importer hears of it ('error') and reads the
    // rest itself; left in the chain, every later batch would wait for an answer that never comes.
    .catch((error: unknown) => {
      setImmediate(() => {
        throw error
      })
    })
})

// Loaded: the importer sends batches from now on (it reads them itself until then).
port.postMessage({ ready: true })
