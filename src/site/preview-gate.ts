/**
 * Story previews (/preview/…) are for logged-in staff: the host checks the session (the payload-token cookie,
 * or an Authorization header, validated by Payload as every API call is) before Next renders anything, and
 * answers anyone else 401 with a link to log in. The page checks again itself; drafts never reach a reader.
 */
import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function logInPage(path: string): string {
  const login = `/admin/login?redirect=${encodeURIComponent(path)}`
  return `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>请先登录</title></head>
<body><h1>请先登录</h1><p>稿件预览仅供编辑部人员使用。Log in to preview stories.</p><p><a href="${escape(login)}">登录</a></p></body></html>`
}

export function previewGate(payload: Payload): RequestHandler {
  return async (req, res, next) => {
    try {
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
      const { user } = await payload.auth({ headers })
      if (user) return next()
    } catch (error) {
      return next(error)
    }
    res.status(401).set({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'private, no-store' })
    res.send(req.method === 'HEAD' ? undefined : logInPage(req.originalUrl))
  }
}
