/** What a webhook channel stores besides the common channel fields (see fields.ts). */
export interface WebhookSettings {
  url?: string | null
  secret?: string | null
  timeoutMs?: number | null
  /** NINJS version the channel sends (2.2, 2.1 or 1.6). */
  ninjsVersion?: string | null
}
