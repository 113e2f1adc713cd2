/**
 * The archive importer's reading thread (story-reader.ts starts it): reads and fixes the files it is sent
 * (read-source.ts) and posts back what it read, in order, a batch at a time. It loads no Payload and no
 * database: only the house-style parser and rules.
 */
import { parentPort } from 'node:worker_threads'

import { readSource, readStoryFiles } from './read-source'
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

// Before saying it is ready, while Payload boots: the first story read builds OpenCC's converters and the parser's
// tables (about 0.1 s), which the import's first batch would otherwise wait for. A story as archives hold them, with
// the house-style defaults (simplified script, the 讯 dateline).
readSource(
  '興仁縣“三抓三強(qiáng)”加快后進(jìn)黨組織轉(zhuǎn)化\n亮點(diǎn)黔西南訊 按照基層組織建設(shè)年整頓提高階段任務(wù)要求,興仁縣采取“三抓三強(qiáng)”措施。\n抓思路 強(qiáng)發(fā)展\n全縣162個村(居、社區(qū))支書赴華西學(xué)習(xí)。(丁宪民 报道)',
  { houseScript: 'zh-Hans', datelinePreset: 'outlet-xun' },
)
// Loaded: the importer sends batches from now on (it reads them itself until then).
port.postMessage({ ready: true })
