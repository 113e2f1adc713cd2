/**
 * Tells the running app what an import changed, so readers see it at once. `newsroom import` is a process of its
 * own: on SQLite its saves cannot reach the app's reader-site page cache (Next's data cache) nor its anonymous
 * read cache (on PostgreSQL both also hear the saves' NOTIFY, in every server). While the import runs, the tags
 * its saves call for — reader-site tags from the story hook (src/site/revalidate.ts), read-cache tags from the
 * read-cache plugin (src/read-cache/read-cache-plugin.ts) — are collected here; after each committed batch they
 * are sent to the app's signed `POST /site-cache/revalidate` at its public origin (NEWSROOM_PUBLIC_URL, else
 * http://localhost:$PORT; NEWSROOM_SITE_ORIGIN overrides it, e.g. with a loopback address behind a proxy). On
 * PostgreSQL this drops what the NOTIFY already dropped: harmless, and the report says the same on both.
 *
 * No app answering is not an error: the import goes on, tells nobody more, and its report says so (the caches
 * then refresh on their own within 5 minutes).
 */
import { publicUrl } from '../env'
import { shared } from '../read-cache/read-tags'
import { collectRevalidations, isReaderSiteTag, REVALIDATE_PATH, signedRevalidation } from '../site/revalidate'

/** Tags per request: a batch of 200 stories asks for about 200 of each kind. */
const TAGS_PER_REQUEST = 2000

export interface RunningSiteNotice {
  /** Send what the saves so far called for (after a batch committed). */
  flush(): Promise<void>
  /** Stop collecting; returns the report line, or null when nothing readers see changed. */
  stop(): string | null
}

export function tellRunningSite(options: { origin?: string; timeoutMs?: number } = {}): RunningSiteNotice {
  const origin = (options.origin ?? (process.env.NEWSROOM_SITE_ORIGIN?.trim() || publicUrl())).replace(/\/+$/, '')
  const siteTags = new Set<string>()
  const readTags = new Set<string>()
  const stopSite = collectRevalidations((tags) => tags.forEach((tag) => siteTags.add(tag)))
  // The story hook's site tags also pass here (they ride the read cache's NOTIFY): the collector has them.
  const onPurge = (tags: string[]) => tags.forEach((tag) => isReaderSiteTag(tag) || readTags.add(tag))
  shared.purgeListeners.add(onPurge)
  let told = 0
  let changed = false
  let failure: string | null = null

  async function send(tags: string[], purge: string[]) {
    const { body, headers } = signedRevalidation({ tags, readTags: purge })
    const response = await fetch(`${origin}${REVALIDATE_PATH}`, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    })
    if (!response.ok) throw new Error(`it answered ${response.status} ${(await response.text().catch(() => '')).slice(0, 200)}`.trim())
  }

  return {
    async flush() {
      if (!siteTags.size && !readTags.size) return
      changed = true
      const tags = [...siteTags]
      const purge = [...readTags]
      siteTags.clear()
      readTags.clear()
      // Once the app did not answer, the rest of the import tells it nothing either (no wait per batch).
      if (failure) return
      try {
        for (let i = 0; i < Math.max(tags.length, purge.length); i += TAGS_PER_REQUEST) {
          await send(tags.slice(i, i + TAGS_PER_REQUEST), purge.slice(i, i + TAGS_PER_REQUEST))
        }
        told++
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause?.code
        failure = cause ?? (error instanceof Error ? error.message : String(error))
      }
    },
    stop() {
      stopSite()
      shared.purgeListeners.delete(onPurge)
      if (!changed) return null
      if (failure) {
        return told
          ? `The running site at ${origin} was told of the first ${told} batch(es), then not (${failure}); its pages and cached reads refresh within 5 minutes.`
          : `No running site was told (${origin}: ${failure}); a site running there refreshes its pages and cached reads within 5 minutes.`
      }
      return `Told the running site at ${origin} to refresh its pages and cached reads after each batch (${told}).`
    },
  }
}
