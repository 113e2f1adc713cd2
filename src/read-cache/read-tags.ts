/**
 * What an anonymous response contains, recorded while Payload builds it, and the purges a save calls for.
 *
 * The Express host and the Next bundle each load their own copy of this module (each with its own Payload), so
 * what they share — the recorder of the request being answered and the in-process purge listeners — hangs on
 * `globalThis` under one symbol.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

export const PURGE_CHANNEL = 'newsroom_read_cache'

/** The tags of one response being built; `uncacheable` once it read something the cache cannot follow. */
export interface ReadRecorder {
  tags: Set<string>
  uncacheable: boolean
}

interface Shared {
  recorder: AsyncLocalStorage<ReadRecorder>
  /** In-process purges (every database kind); PostgreSQL also sends them to every process: invalidation.ts. */
  purgeListeners: Set<(tags: string[]) => void>
}

const KEY = Symbol.for('newsroom.read-cache')
const holder = globalThis as unknown as Record<symbol, Shared | undefined>
export const shared: Shared = (holder[KEY] ??= { recorder: new AsyncLocalStorage(), purgeListeners: new Set() })

/** The tag of one document, and of "any list or search" of a collection. */
export const docTag = (collection: string, id: unknown) => `${collection}:${String(id)}`
export const listTag = (collection: string) => `${collection}:list`

export function recordRead(tag: string): void {
  shared.recorder.getStore()?.tags.add(tag)
}

export function recordUncacheable(): void {
  const recorder = shared.recorder.getStore()
  if (recorder) recorder.uncacheable = true
}

export function purgeHere(tags: string[]): void {
  for (const listener of shared.purgeListeners) listener(tags)
}
