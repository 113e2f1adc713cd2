/**
 * The anonymous read cache's store: whole responses by key, each tagged with what it contains — `articles:12`
 * for a story in it, `articles:list` for a list or a search of stories (WPGraphQL Smart Cache's approach). A
 * purge by tag drops exactly the entries that showed that story or could now show another. Least recently used
 * entries go first once the store holds `maxEntries` or `maxBytes`. A store of the entry is refused when a
 * purge happened while its response was being built (it may hold what was just purged).
 */
export interface CachedResponse {
  status: number
  headers: Record<string, string>
  body: Buffer
}

interface Entry extends CachedResponse {
  tags: string[]
  storedAt: number
}

export interface TaggedCacheOptions {
  maxEntries: number
  maxBytes: number
  /** Entries older than this are answered afresh (a change no event told us of: another process on SQLite). */
  ttlMs: number
}

export class TaggedCache {
  readonly #entries = new Map<string, Entry>()
  readonly #byTag = new Map<string, Set<string>>()
  #bytes = 0
  /** Bumped by every purge: a response built across a purge is not stored. */
  #purges = 0

  constructor(readonly options: TaggedCacheOptions) {}

  get size(): number {
    return this.#entries.size
  }

  /** Taken before building a response; handed back to `set`. */
  get generation(): number {
    return this.#purges
  }

  get(key: string): CachedResponse | undefined {
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    if (Date.now() - entry.storedAt > this.options.ttlMs) {
      this.#delete(key)
      return undefined
    }
    // Most recently used last: Map keeps insertion order.
    this.#entries.delete(key)
    this.#entries.set(key, entry)
    return entry
  }

  set(key: string, response: CachedResponse, tags: Iterable<string>, generation: number): boolean {
    if (generation !== this.#purges) return false
    if (response.body.length > this.options.maxBytes / 8) return false
    this.#delete(key)
    const entry: Entry = { ...response, tags: [...new Set(tags)], storedAt: Date.now() }
    this.#entries.set(key, entry)
    this.#bytes += entry.body.length
    for (const tag of entry.tags) {
      let keys = this.#byTag.get(tag)
      if (!keys) this.#byTag.set(tag, (keys = new Set()))
      keys.add(key)
    }
    while (this.#entries.size > this.options.maxEntries || this.#bytes > this.options.maxBytes) {
      const oldest = this.#entries.keys().next().value
      if (oldest === undefined) break
      this.#delete(oldest)
    }
    return true
  }

  /** Drops every entry carrying one of `tags`; returns how many went. */
  purge(tags: Iterable<string>): number {
    this.#purges++
    let dropped = 0
    for (const tag of tags) {
      for (const key of this.#byTag.get(tag) ?? []) {
        if (this.#delete(key)) dropped++
      }
    }
    return dropped
  }

  clear(): void {
    this.#purges++
    this.#entries.clear()
    this.#byTag.clear()
    this.#bytes = 0
  }

  #delete(key: string): boolean {
    const entry = this.#entries.get(key)
    if (!entry) return false
    this.#entries.delete(key)
    this.#bytes -= entry.body.length
    for (const tag of entry.tags) {
      const keys = this.#byTag.get(tag)
      keys?.delete(key)
      if (keys && !keys.size) this.#byTag.delete(tag)
    }
    return true
  }
}
