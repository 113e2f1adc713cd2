/** What one attempt at one delivery came to, whatever the transport. */
export interface TransportResult {
  ok: boolean
  /** Nothing was sent because nothing needed sending (the note says why); counts as success. */
  skipped?: boolean
  note?: string
  status?: number
  error?: string
  retryable: boolean
  /** The receiver said "gone" (HTTP 410): stop using the channel. */
  disableChannel?: boolean
  retryAfterMs?: number
  externalId?: string
  externalUrl?: string
  /** State the next attempt must continue from (WeChat publish id / draft id); null clears it. */
  resume?: Record<string, unknown> | null
}
