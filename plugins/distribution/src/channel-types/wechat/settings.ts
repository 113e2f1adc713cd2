/** What a WeChat Official Account channel stores besides the common channel fields (see fields.ts). */
export interface WeChatSettings {
  appId?: string | null
  appSecret?: string | null
  apiBase?: string | null
  authorName?: string | null
  coverMediaId?: string | null
}
