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
 *  - Each transaction keeps the connection it began on, and the client opens a fresh one for what follows, with
 *    SQLite's defaults. The connection's settings (busy timeout, synchronous) are set again on each fresh one.
 */
import type { DatabaseAdapter, DatabaseAdapterObj } from 'payload'

interface LibsqlClient {
  execute(...args: unknown[]): Promise<unknown>
  batch(...args: unknown[]): Promise<unknown>
  executeMultiple(...args: unknown[]): Promise<unknown>
  transaction(...args: unknown[]): Promise<unknown>
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
 * Wrap an SQLite adapter (a file, with transactionOptions set) so that its writers take turns, and so that every
 * connection the client opens gets `connectionPragmas`.
 */
export function takingTurns(adapterObj: DatabaseAdapterObj, connectionPragmas: string[]): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args)
      const { connect } = adapter
      adapter.connect = async function (this: DatabaseAdapter & { client: LibsqlClient }, options) {
        await connect?.call(this, options)
        takeTurnsOnClient(this.client, new WriterTurns(), connectionPragmas)
      }
      return adapter
    },
  }
}

interface LibsqlTransaction {
  execute(...args: unknown[]): Promise<unknown>
  batch(...args: unknown[]): Promise<unknown>
  executeMultiple(...args: unknown[]): Promise<unknown>
  commit(): Promise<void>
  rollback(): Promise<void>
  close(): void
  readonly closed: boolean
}

function takeTurnsOnClient(client: LibsqlClient, turns: WriterTurns, connectionPragmas: string[]): void {
  if ((client as { newsroomTurns?: boolean }).newsroomTurns) return
  Object.assign(client, { newsroomTurns: true })
  const { execute, batch, executeMultiple, transaction } = client
  client.execute = function (...args: unknown[]) {
    if (READS.test(sqlOf(args[0]))) return execute.apply(client, args)
    return turns.around(() => execute.apply(client, args))
  }
  client.batch = (...args: unknown[]) => turns.around(() => batch.apply(client, args))
  client.executeMultiple = (...args: unknown[]) => turns.around(() => executeMultiple.apply(client, args))

  /**
   * A transaction that begins (BEGIN IMMEDIATE, the write lock) at its first statement, once it has the turn — not
   * when Payload opens it. Payload opens a transaction at the start of an operation and some operations write
   * outside it before their first statement in it (forgot-password reserves its interval so); until then it holds
   * nothing, and those writes go ahead.
   */
  client.transaction = async function (): Promise<LibsqlTransaction> {
    let real: LibsqlTransaction | undefined
    let ended = false
    const begin = async (): Promise<LibsqlTransaction> => {
      if (real) return real
      await turns.take()
      try {
        real = (await transaction.call(client, 'write')) as LibsqlTransaction
        // The transaction took the client's connection; the next statement opens a fresh one, which gets this
        // app's settings before anything else runs on it.
        for (const pragma of connectionPragmas) await execute.call(client, pragma)
      } catch (error) {
        turns.give()
        throw error
      }
      return real
    }
    const end = async (how: 'commit' | 'rollback') => {
      if (ended) return
      ended = true
      if (!real) return
      try {
        await real[how]()
      } finally {
        turns.give()
      }
    }
    return {
      execute: async (...args: unknown[]) => (await begin()).execute(...args),
      batch: async (...args: unknown[]) => (await begin()).batch(...args),
      executeMultiple: async (...args: unknown[]) => (await begin()).executeMultiple(...args),
      commit: () => end('commit'),
      rollback: () => end('rollback'),
      close: () => void end('rollback'),
      get closed() {
        return ended
      },
    }
  }
}
