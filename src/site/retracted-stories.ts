/**
 * A retracted story's address answers 410 Gone (not 404): search engines drop it, and readers learn it was
 * withdrawn rather than mistyped. Mounted by the host in front of Next for GET/HEAD /news/:slug; the page itself
 * cannot choose a status. One indexed look-up by slug; no title or reason is shown (a retraction may be legal).
 */
import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { publicationName } from './publication'

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export function isRetracted(payload: Payload, slug: string): Promise<boolean> {
  return payload
    .count({
      collection: 'articles',
      where: { and: [{ slug: { equals: slug } }, { stage: { equals: 'retracted' } }] },
      overrideAccess: true,
    })
    .then(({ totalDocs }) => totalDocs > 0)
}

export const retractedPage = (): string => `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>稿件已撤回 · ${escape(publicationName())}</title>
<style>body{font-family:'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.8;color:#1d1d1f}
a{color:#b3261e}</style></head>
<body><h1>稿件已撤回</h1><p>本报已撤回此稿件。This story has been retracted.</p><p><a href="/">返回首页</a></p></body></html>`

export function retractedStories(payload: Payload): RequestHandler {
  return async (req, res, next) => {
    const slug = typeof req.params.slug === 'string' ? req.params.slug : ''
    try {
      if (!slug || !(await isRetracted(payload, slug))) return next()
    } catch (error) {
      return next(error)
    }
    res.status(410).set({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=60' })
    res.send(req.method === 'HEAD' ? undefined : retractedPage())
  }
}
