/**
 * The language a request states, and a bilingual message cut down to it. The newsroom's refusals are written
 * in both languages ("English. / 中文。", house style's "[rule-id] 中文 / English") so a program that states no
 * language gets both; a request that states one — the admin always does, through Payload's language cookie or
 * the browser's Accept-Language — gets its half alone, without rule ids.
 */
import type { PayloadRequest } from 'payload'

import { extractHeaderLanguage } from '@payloadcms/translations'
import { parseCookies } from 'payload/shared'

export type Lang = 'zh' | 'en'

const HAN = /\p{Script=Han}/gu
const LETTER = /[\p{Script=Han}A-Za-z]/gu
const RULE_ID = /^\[[\w-]+\]\s*/

/** The language the request states (the cookie first, as Payload picks the admin's), if it is zh or en. */
export function statedLanguage(req: Pick<PayloadRequest, 'headers' | 'payload'> | undefined): Lang | undefined {
  const headers = req?.headers
  if (!headers) return undefined
  const supported = Object.keys(req.payload?.config.i18n.supportedLanguages ?? {})
  const ours = (value: string | undefined): Lang | undefined =>
    (value === 'zh' || value === 'en') && supported.includes(value) ? value : undefined
  const cookie = parseCookies(headers).get(`${req.payload?.config.cookiePrefix || 'payload'}-lng`)
  const accept = headers.get('Accept-Language')
  return ours(cookie) ?? ours(accept ? extractHeaderLanguage(accept) : undefined)
}

const hanShare = (text: string) => (text.match(HAN)?.length ?? 0) / Math.max(1, text.match(LETTER)?.length ?? 0)

/** "English / 中文" or "中文 / English" → the half in `lang` (told apart by how Chinese each is); no rule id. */
export function inLanguage(message: string, lang: Lang): string {
  const text = message.replace(RULE_ID, '')
  const halves = text.split(' / ')
  if (halves.length !== 2) return text
  const [first, second] = halves as [string, string]
  return (lang === 'zh') === hanShare(first) >= hanShare(second) ? first : second
}

/** A message as this request should read it: its half when it states a language, else unchanged. */
export function forRequest(message: string, req: Pick<PayloadRequest, 'headers' | 'payload'> | undefined): string {
  const lang = statedLanguage(req)
  return lang ? inLanguage(message, lang) : message
}
