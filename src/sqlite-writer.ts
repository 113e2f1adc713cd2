/**
 * Payload's transactions on an SQLite file, made safe for one busy process.
 *
 * With transactions on, a story's save — its row, its array rows (credits), its version and its history — commits
 * or vanishes as one, so a crash can no longer leave a story without its credits (issue #11). Three things in the
 * libsql client stand in the way, and this file mends them:
 *  - libsql runs statements synchronously. A BEGIN IMMEDIATE, or a write outside a transaction, that meets another
 *    connection's write lock waits out the busy timeout with the event loop blocked — and when that other
 *    connection is this process's own open transaction, it can never commit meanwhile. So this process's writers
 *    take turns here, in JavaScript: one transaction, or one write outside a transaction, at a time. SQLite has one
 *    writer anyway; reads (write-ahead log) never wait. The busy timeout still covers other processes
 *    (`newsroom import` beside the server).
 *  - Payload opens a transaction at the start of an operation, and forgot-password writes outside it (reserving its
 *    request interval) before its first statement in it. So a transaction takes its turn and the write lock at its
 *    first statement, not when it is opened.
 *  - libsql's client.transaction() hands each transaction the client's connection and opens a fresh one, with
 *    SQLite's defaults (no busy timeout), for whatever follows; the old ones linger until garbage collection. Here
 *    transactions run one at a time anyway, so they share one writer connection, opened once with this app's
 *    settings (busy timeout, synchronous).
 */
import { createClient, type Config } from '@libsql/client'
import type { DatabaseAdapter, DatabaseAdapterObj } from 'payload'

interface LibsqlClient {
  execute(...args: unknown[]): Promise<unknown>
  batch(...args: unknown[]): Promise<unknown>
  executeMultiple(...args: unknown[]): Promise<unknown>
  transaction(...args: unknown[]): Promise<unknown>
  close(): void
}

/** One writer at a time, first come first served. */
export class WriterTurns {
  private busy = false
  private readonly waiting: Array<() => void> = []

  /**
   * A writer that waits this long is stuck behind one that waits for it (an operation writing outside its own
   * open transaction after it began): it fails with this error rather than hang the desk's saves for good.
   */
  constructor(private readonly patienceMs = 30_000) {}

  async take(): Promise<void> {
    if (!this.busy) {
      this.busy = true
      return
    }
    await new Promise<void>((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer)
        resolve()
      }
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(turn), 1)
        reject(new Error(`SQLite: waited ${this.patienceMs / 1000} s for another save in this process to finish writing`))
      }, this.patienceMs)
      this.waiting.push(turn)
    })
  }

  give(): void {
    const next = this.waiting.shift()
    if (next) next()
    else this.busy = false
  }

  async around<T>(work: () => Promise<T>): Promise<T> {
    await this.take()
    try {
      return await work()
    } finally {
      this.give()
    }
  }
}

/** Statements that only read: everything else waits its turn. Drizzle writes `select`, Payload's raw reads SELECT. */
const READS = /^\s*(select|with\s[\s\S]*?\)\s*select|pragma\s+\w+\s*;?\s*$|explain)\b/i

const sqlOf = (statement: unknown): string =>
  typeof statement === 'string' ? statement : String((statement as { sql?: unknown } | null)?.sql ?? '')

/**
 * Wrap an SQLite adapter (a file, with transactionOptions set) so that its writers take turns, and so that the
 * connection transactions run on gets `connectionPragmas`.
 */
export function takingTurns(adapterObj: DatabaseAdapterObj, connectionPragmas: string[]): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args)
      let writer: LibsqlClient | undefined
      const { connect, destroy } = adapter
      adapter.connect = async function (this: DatabaseAdapter & { client: LibsqlClient; clientConfig: Config }, options) {
        await connect?.call(this, options)
        const config = this.clientConfig
        const turns = new WriterTurns()
        takeTurnsOnClient(this.client, turns, async () => {
          if (!writer) {
            writer = createClient(config) as unknown as LibsqlClient
            for (const pragma of connectionPragmas) await writer.execute(pragma)
          }
          return writer
        })
      }
      adapter.destroy = async function (this: DatabaseAdapter) {
        writer?.close()
        writer = undefined
        await destroy?.call(this)
      }
      return adapter
    },
  }
}

interface LibsqlTransaction {
  execute(...args: unknown[]): Promise<unknown>
  batch(statements: unknown[]): Promise<unknown[]>
  executeMultiple(...args: unknown[]): Promise<unknown>
  commit(): Promise<void>
  rollback(): Promise<void>
  close(): void
  readonly closed: boolean
}

function takeTurnsOnClient(client: LibsqlClient, turns: WriterTurns, writerConnection: () => Promise<LibsqlClient>): void {
  if ((client as { newsroomTurns?: boolean }).newsroomTurns) return
  Object.assign(client, { newsroomTurns: true })
  const { execute, batch, executeMultiple } = client
  client.execute = function (...args: unknown[]) {
    if (READS.test(sqlOf(args[0]))) return execute.apply(client, args)
    return turns.around(() => execute.apply(client, args))
  }
  client.batch = (...args: unknown[]) => turns.around(() => batch.apply(client, args))
  client.executeMultiple = (...args: unknown[]) => turns.around(() => executeMultiple.apply(client, args))

  /**
   * A transaction on the writer connection, begun (BEGIN IMMEDIATE, the write lock) at its first statement once
   * it has the turn — not when Payload opens it. Payload opens a transaction at the start of an operation and some
   * operations write outside it before their first statement in it (forgot-password reserves its request
   * interval so); until then it holds nothing, and those writes go ahead. (libsql's own client.transaction()
   * would hand the transaction the client's connection and open a new one for every transaction: two file
   * handles and ~0.2 MB of native memory each, freed only when the garbage collector gets to them.)
   */
  client.transaction = async function (): Promise<LibsqlTransaction> {
    let begun: LibsqlClient | undefined
    let ended = false
    const begin = async (): Promise<LibsqlClient> => {
      if (ended) throw new Error('SQLite: the transaction has ended')
      if (begun) return begun
      await turns.take()
      try {
        const connection = await writerConnection()
        await connection.execute('BEGIN IMMEDIATE')
        begun = connection
      } catch (error) {
        turns.give()
        throw error
      }
      return begun
    }
    const end = async (how: 'COMMIT' | 'ROLLBACK') => {
      if (ended) return
      ended = true
      if (!begun) return
      try {
        await begun.execute(how)
      } catch (error) {
        // A failed COMMIT leaves the writer connection inside the transaction: end it, or every later one fails.
        if (how === 'COMMIT') await begun.execute('ROLLBACK').catch(() => undefined)
        // SQLite may have rolled the transaction back itself (a full disk, an interrupt): nothing is left to end.
        else if (/no transaction is active/i.test(String(error))) return
        throw error
      } finally {
        turns.give()
      }
    }
    return {
      execute: async (...args: unknown[]) => (await begin()).execute(...args),
      // In a transaction a batch is its statements one after another (libsql's batch would open a transaction).
      batch: async (statements: unknown[]) => {
        const connection = await begin()
        const results: unknown[] = []
        for (const statement of statements) results.push(await connection.execute(statement))
        return results
      },
      executeMultiple: async (...args: unknown[]) => (await begin()).executeMultiple(...args),
      commit: () => end('COMMIT'),
      rollback: () => end('ROLLBACK'),
      close: () => void end('ROLLBACK'),
      get closed() {
        return ended
      },
    }
  }
}
