/**
 * Reading an archive's stories on a second thread: while the main thread saves one batch (Payload's hooks,
 * validation, the database), a worker thread reads, parses and fixes the next (read-source.ts) — a fifth of an
 * import's work, done on the other core. The results are the same as reading on the main thread, which is what
 * the importer does whenever the worker cannot run (its file is missing, it fails to start or dies): no story is
 * lost to the thread, and the import goes on.
 */
import type { Payload } from 'payload'

import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'

import { rememberTypedFurniture } from '../../plugins/house-style/reading'
import { type ReadingRules, type ReadOutcome, readStoryFiles } from './read-source'

export type { ReadOutcome }

export interface ReadRequest {
  id: number
  files: string[]
  rules: ReadingRules
}

/**
 * The reading thread: the compiled worker beside the CLI's bundle (`dist/`, built by ensure-build.mjs), or, when
 * this module runs from source (tests, the benchmark), the TypeScript worker loaded through tsx's loader, which
 * a worker thread does not inherit from its process.
 */
function startWorker(): Worker | undefined {
  const fromSource = import.meta.url.endsWith('.ts')
  const url = new URL(fromSource ? './story-reader-worker.ts' : './story-reader-worker.mjs', import.meta.url)
  if (!existsSync(fileURLToPath(url))) return undefined
  if (!fromSource) return new Worker(url)
  const load = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}) })`
  return new Worker(load, { eval: true })
}

/** A reading thread on its way up: started before the import (while Payload boots) so it is loaded when needed. */
export interface ReadingThread {
  worker?: Worker
  /** Settles once the thread has loaded its modules (true), or failed or stopped first (false). */
  loaded: Promise<boolean>
}

export function startReadingThread(): ReadingThread {
  const worker = startWorker()
  if (!worker) return { loaded: Promise.resolve(false) }
  const loaded = new Promise<boolean>((resolve) => {
    const onMessage = (message: { ready?: true }) => {
      if (!message.ready) return
      worker.off('message', onMessage)
      resolve(true)
    }
    worker.on('message', onMessage)
    // Listened to from the start: a Worker's 'error' with no listener would be thrown in this thread.
    worker.once('error', () => resolve(false))
    worker.once('exit', () => resolve(false))
  })
  return { worker, loaded }
}

interface Pending {
  files: string[]
  resolve: (reads: ReadOutcome[]) => void
}

export class StoryReader {
  private worker?: Worker
  /** The thread has loaded its modules (a second or so from source): until then batches are read here. */
  private ready = false
  /** Settles once the thread is ready (true) or will not be (false: everything is read on the main thread). */
  readonly started: Promise<boolean>
  private readonly pending = new Map<number, Pending>()
  private nextId = 0

  /** `thread`: one started earlier (startReadingThread); otherwise one is started now. */
  constructor(
    private readonly rules: ReadingRules,
    private readonly logger: Payload['logger'],
    thread: ReadingThread = startReadingThread(),
  ) {
    this.worker = thread.worker
    this.started = thread.loaded.then((loaded) => (this.ready = loaded && this.worker === thread.worker))
    if (!this.worker) {
      logger.warn(`import: the reading thread's file is missing beside ${import.meta.url}; stories are read on the main thread`)
      return
    }
    this.worker.on('message', ({ id, reads }: { id: number; reads?: ReadOutcome[] }) => {
      if (!reads) return
      const request = this.pending.get(id)
      this.pending.delete(id)
      for (const { furniture } of reads) if (furniture) rememberTypedFurniture(furniture)
      request?.resolve(reads)
    })
    this.worker.on('error', (error) => this.readHereFromNowOn(error))
    this.worker.on('exit', (code) => {
      if (this.worker) this.readHereFromNowOn(new Error(`the reading thread stopped (exit code ${code})`))
    })
  }

  /** Reads and fixes the files, in order, on the thread once it is ready (here until then); settles when all are read. */
  read(files: string[]): Promise<ReadOutcome[]> {
    if (!this.worker || !this.ready) return readStoryFiles(files, this.rules)
    const id = this.nextId++
    return new Promise((resolve) => {
      this.pending.set(id, { files, resolve })
      this.worker!.postMessage({ id, files, rules: this.rules } satisfies ReadRequest)
    })
  }

  async close(): Promise<void> {
    const worker = this.worker
    this.worker = undefined
    await worker?.terminate()
  }

  /** The thread failed: what it was reading, and everything after, is read here instead. */
  private readHereFromNowOn(error: Error) {
    if (!this.worker) return
    this.logger.warn({ err: error, msg: 'import: the reading thread failed; stories are read on the main thread from here on' })
    const worker = this.worker
    this.worker = undefined
    void worker.terminate()
    for (const [id, { files, resolve }] of this.pending) {
      this.pending.delete(id)
      void readStoryFiles(files, this.rules).then(resolve)
    }
  }
}
