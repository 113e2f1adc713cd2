/**
 * A published story as a WeChat Official Account draft article (draft/add `articles[]` fields).
 *
 * WeChat's documented limits: title ≤ 32 characters, author ≤ 16, digest ≤ 128, content HTML shorter than
 * 20,000 characters and 1 MB; JavaScript is removed and images not uploaded through media/uploadimg
 * (mmbiz.qpic.cn) are filtered out. The editor keeps no stylesheet, so every style must be inline, and
 * class/id attributes mean nothing there. We enforce all of it here so a draft is never rejected for
 * something we could have fixed, and so the reader never sees a broken image or a cut-off tag.
 *
 * The story HTML first goes through house-style's sanitiser, the one allowlist every output shares; the WeChat
 * passes below keep those tags and narrow the attributes to what WeChat keeps (src, alt, href, inline style).
 * HTML is read with htmlparser2 (sanitize-html's own parser), never with regular expressions.
 */
import { DomUtils, Parser, parseDocument } from 'htmlparser2'
import sanitizeHtml from 'sanitize-html'

import { STORY_HTML_TAGS, sanitizeStoryHtml } from '../../../../house-style'
import { convertArticle } from '../../formatters/convert'
import { escapeHtml } from '../../formatters/safe-html'
import type { OutputScript, PublishedArticle } from '../../types'

export const WECHAT_LIMITS = {
  title: 32,
  author: 16,
  digest: 128,
  /** 阅读原文 link, in bytes. */
  sourceUrlBytes: 1024,
  /** content must be shorter than this many characters */
  contentChars: 20_000,
  /** and smaller than 1 MB */
  contentBytes: 1_000_000,
} as const

export interface WeChatArticleOptions {
  /** Content must stay below this many characters. @default 20000 */
  maxContentChars?: number
  /** Content must stay below this many UTF-8 bytes. @default 1000000 */
  maxContentBytes?: number
  /** Original image URL → mmbiz URL returned by uploadBodyImage. Unmapped external images are dropped. */
  imageUrlMap?: ReadonlyMap<string, string> | Readonly<Record<string, string>>
  /** Output script for this account. @default the house script */
  script?: OutputScript
}

export interface WeChatArticle {
  title: string
  author: string
  digest: string
  content: string
  content_source_url: string
  /** The body was cut to fit and ends with a link to the full story. */
  truncated: boolean
  /** Image URLs left out because they were not uploaded to WeChat. */
  droppedImages: string[]
}

const HAN = /\p{Script=Han}/u

/** Cuts to at most `max` code points, ending with an ellipsis (…… in Chinese text, … otherwise). */
export function truncateText(text: string, max: number): string {
  const chars = [...text]
  if (chars.length <= max) return text
  const ellipsis = HAN.test(text) ? '……' : '…'
  const keep = Math.max(0, max - [...ellipsis].length)
  return chars.slice(0, keep).join('').trimEnd() + ellipsis
}

/** Tags out (their text kept as written, entities included), whitespace collapsed: these fields are plain text. */
function plain(text: string): string {
  let out = ''
  const parser = new Parser({ ontext: (chunk) => (out += chunk) }, { decodeEntities: false })
  parser.end(text)
  return out.replace(/\s+/g, ' ').trim()
}

/** The people who wrote the story; the byline text without its brackets when there are no credits. */
export function wechatAuthor(article: PublishedArticle): string {
  const writers = article.credits.filter((c) => c.role === 'reporter' || c.role === 'correspondent')
  const names = (writers.length ? writers : article.credits.filter((c) => c.role !== 'editor')).map((c) => c.name.trim()).filter(Boolean)
  if (names.length) return [...new Set(names)].join(' ')
  return article.bylineText
    .replace(/[（）()]/g, ' ')
    .replace(/报道|報道|记者|記者|通讯员|通訊員|作者[:：]?/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

function isWeChatImage(src: string): boolean {
  try {
    const host = new URL(src).hostname.toLowerCase()
    return host === 'mmbiz.qpic.cn' || host.endsWith('.mmbiz.qpic.cn') || host === 'mmbiz.qlogo.cn'
  } catch {
    return false
  }
}

function isWeChatLink(href: string): boolean {
  try {
    const url = new URL(href)
    return url.protocol === 'https:' && url.hostname.toLowerCase() === 'mp.weixin.qq.com'
  } catch {
    return false
  }
}

function lookup(map: WeChatArticleOptions['imageUrlMap'], key: string): string | undefined {
  if (!map) return undefined
  if (map instanceof Map) return map.get(key)
  return Object.prototype.hasOwnProperty.call(map, key) ? (map as Record<string, string>)[key] : undefined
}

const ROLE_ATTRIBUTE = 'data-newsroom-role'

/** Attributes carrying just a role (or none). */
function roleAttribs(role: string | undefined): Record<string, string> {
  return role ? { [ROLE_ATTRIBUTE]: role } : {}
}

/** Pass 1 (on house-style's sanitised HTML): no class/id/style, images mapped to WeChat or dropped. */
function sanitiseForWeChat(html: string, imageUrlMap: WeChatArticleOptions['imageUrlMap'], dropped: string[]): string {
  return sanitizeHtml(sanitizeStoryHtml(html), {
    allowedTags: [...STORY_HTML_TAGS],
    allowedAttributes: { img: ['src', 'alt'], a: ['href'], span: [ROLE_ATTRIBUTE], p: [ROLE_ATTRIBUTE] },
    allowedSchemes: ['http', 'https'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: {
      // The renderer marks dateline, byline and corrections with classes (nr-dateline …); classes do not
      // survive into WeChat, a role attribute carries them to the styling pass.
      span: (tagName, attribs) => {
        const role = /\b(dateline|byline)\b/.exec(attribs.class ?? '')?.[1]
        return { tagName, attribs: roleAttribs(role) }
      },
      p: (tagName, attribs) => {
        const role = /\b(correction|byline)\b/.exec(attribs.class ?? '')?.[1]
        return { tagName, attribs: roleAttribs(role) }
      },
      img: (tagName, attribs) => {
        const src = attribs.src ?? ''
        const mapped = lookup(imageUrlMap, src)
        const out: Record<string, string> = { alt: attribs.alt ?? '' }
        if (mapped) out.src = mapped
        else if (isWeChatImage(src)) out.src = src
        else if (src) dropped.push(src)
        return { tagName, attribs: out }
      },
      // WeChat strips links that leave the platform; keep their text instead of a dead link.
      a: (tagName, attribs) => {
        const href = attribs.href ?? ''
        return isWeChatLink(href) ? { tagName, attribs: { href } } : { tagName: 'span', attribs: {} as Record<string, string> }
      },
    },
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  })
}

export const WECHAT_STYLES: Record<string, string> = {
  p: 'margin:0 0 1em;line-height:1.75;font-size:16px;color:#333333;text-align:justify;',
  h1: 'margin:1.5em 0 0.75em;font-size:18px;font-weight:bold;color:#222222;',
  h2: 'margin:1.5em 0 0.75em;font-size:17px;font-weight:bold;color:#222222;',
  h3: 'margin:1.2em 0 0.6em;font-size:16px;font-weight:bold;color:#222222;',
  h4: 'margin:1em 0 0.5em;font-size:16px;font-weight:bold;color:#222222;',
  blockquote: 'margin:1em 0;padding:0 0 0 1em;border-left:3px solid #dddddd;color:#666666;',
  ul: 'margin:0 0 1em;padding-left:2em;',
  ol: 'margin:0 0 1em;padding-left:2em;',
  li: 'line-height:1.75;font-size:16px;color:#333333;',
  img: 'display:block;max-width:100%;height:auto;margin:0 auto;',
  section: 'margin:1em 0;',
  caption: 'margin:0.5em 0 0;font-size:14px;line-height:1.5;color:#888888;text-align:center;',
  strong: 'font-weight:bold;',
  b: 'font-weight:bold;',
  dateline: 'font-weight:bold;',
  byline: 'color:#666666;',
  correction: 'font-size:14px;color:#888888;font-style:italic;',
  pre: 'margin:0 0 1em;white-space:pre-wrap;font-size:14px;',
  notice: 'margin:1em 0 0;font-size:14px;line-height:1.75;color:#888888;',
}

/** Pass 2 (on pass-1 output): figures whose picture was dropped go, everything gets its inline style. */
function styleForWeChat(html: string): string {
  const styled =
    (tag: string, key = tag) =>
    (_name: string, attribs: sanitizeHtml.Attributes) => ({
      tagName: tag,
      attribs: { ...attribs, ...(WECHAT_STYLES[key] ? { style: WECHAT_STYLES[key] } : {}) },
    })
  const transformTags: Record<string, sanitizeHtml.Transformer> = {}
  for (const tag of ['h1', 'h2', 'h3', 'h4', 'pre', 'blockquote', 'ul', 'ol', 'li', 'img', 'strong', 'b']) transformTags[tag] = styled(tag)
  transformTags.figure = styled('section')
  transformTags.figcaption = styled('p', 'caption')
  transformTags.span = (_name, attribs) => {
    const role = attribs[ROLE_ATTRIBUTE]
    const style: Record<string, string> = role && WECHAT_STYLES[role] ? { style: WECHAT_STYLES[role] } : {}
    return { tagName: 'span', attribs: style }
  }
  transformTags.p = (_name, attribs) => {
    const role = attribs[ROLE_ATTRIBUTE]
    const extra = role === 'correction' ? WECHAT_STYLES.correction : role === 'byline' ? WECHAT_STYLES.byline : ''
    return { tagName: 'p', attribs: { style: WECHAT_STYLES.p + extra } }
  }
  return sanitizeHtml(html, {
    // Figures become sections: WeChat's editor keeps a section, not a figure.
    allowedTags: [...STORY_HTML_TAGS, 'section'],
    allowedAttributes: { '*': ['style'], img: ['src', 'alt', 'style'], a: ['href', 'style'] },
    allowedSchemes: ['http', 'https'],
    allowProtocolRelative: false,
    transformTags,
    exclusiveFilter: (frame) => frame.tag === 'figure' && frame.mediaChildren.length === 0,
  })
}

/** The top-level nodes of an HTML fragment, each knowing where it starts and ends in the source. */
function topLevelNodes(html: string) {
  return parseDocument(html, { withStartIndices: true, withEndIndices: true }).children
}

const sourceOf = (html: string, node: { startIndex: number | null; endIndex: number | null }) =>
  html.slice(node.startIndex ?? 0, (node.endIndex ?? html.length - 1) + 1)

/** When the renderer did not mark the dateline, find it at the head of the first paragraph. */
function markDateline(html: string, datelineText: string): string {
  if (!datelineText) return html
  const nodes = topLevelNodes(html)
  if (DomUtils.findOne((element) => element.attribs[ROLE_ATTRIBUTE] === 'dateline', nodes)) return html
  const first = nodes.find((node) => node.type !== 'text' || sourceOf(html, node).trim())
  if (!first || !('attribs' in first) || first.name !== 'p' || Object.keys(first.attribs).length) return html
  const text = first.children[0]
  const dateline = escapeHtml(datelineText)
  if (text?.type !== 'text' || text.startIndex === null || !html.startsWith(dateline, text.startIndex)) return html
  const at = text.startIndex
  return `${html.slice(0, at)}<span ${ROLE_ATTRIBUTE}="dateline">${dateline}</span>${html.slice(at + dateline.length)}`
}

/** Splits well-formed HTML into its top-level blocks (the only safe places to cut), each as written. */
export function topLevelBlocks(html: string): string[] {
  return topLevelNodes(html)
    .map((node) => sourceOf(html, node))
    .filter((source) => source.trim())
}

/** The notice that replaces what was cut: WeChat shows content_source_url as 阅读原文 under the article. */
function continuationNotice(url: string): string {
  const link = /^https?:\/\//i.test(url) ? `<a href="${escapeHtml(url)}">原文链接</a>` : '原文链接'
  return `<p style="${WECHAT_STYLES.notice}">（篇幅所限，本文未完，全文请点击文末“阅读原文”或${link}查看）</p>`
}

function fits(html: string, maxChars: number, maxBytes: number): boolean {
  return html.length < maxChars && Buffer.byteLength(html, 'utf8') < maxBytes
}

/** Cuts content at a block boundary so it fits, ending with a link to the full story. */
function fitContent(content: string, url: string, maxChars: number, maxBytes: number): { content: string; truncated: boolean } {
  if (fits(content, maxChars, maxBytes)) return { content, truncated: false }
  const notice = continuationNotice(url)
  let out = ''
  for (const block of topLevelBlocks(content)) {
    if (!fits(out + block + notice, maxChars, maxBytes)) break
    out += block
  }
  if (!out) {
    // Even the first block is too long: keep as much of its text as fits, as one clean paragraph.
    const text = DomUtils.textContent(parseDocument(topLevelBlocks(content)[0] ?? ''))
      .replace(/\s+/g, ' ')
      .trim()
    const open = `<p style="${WECHAT_STYLES.p}">`
    let budget = Math.max(0, maxChars - notice.length - open.length - 8)
    let paragraph = `${open}${escapeHtml(truncateText(text, budget))}</p>`
    while (budget > 0 && !fits(paragraph + notice, maxChars, maxBytes)) {
      budget = Math.floor(budget * 0.9)
      paragraph = `${open}${escapeHtml(truncateText(text, budget))}</p>`
    }
    out = budget > 0 ? paragraph : ''
  }
  return { content: out + notice, truncated: true }
}

export function toWeChatArticle(master: PublishedArticle, options: WeChatArticleOptions = {}): WeChatArticle {
  const article = convertArticle(master, options.script)
  const maxChars = options.maxContentChars ?? WECHAT_LIMITS.contentChars
  const maxBytes = options.maxContentBytes ?? WECHAT_LIMITS.contentBytes

  const droppedImages: string[] = []
  const sanitised = markDateline(sanitiseForWeChat(article.html, options.imageUrlMap, droppedImages), article.datelineText)
  const { content, truncated } = fitContent(styleForWeChat(sanitised), article.url, maxChars, maxBytes)

  return {
    title: truncateText(plain(article.headline), WECHAT_LIMITS.title),
    author: truncateText(plain(wechatAuthor(article)), WECHAT_LIMITS.author),
    digest: truncateText(plain(article.summary || article.dek || article.plainText), WECHAT_LIMITS.digest),
    content,
    // Over WeChat's 1 KB the whole draft would be refused: the post goes out without its 阅读原文 link instead.
    content_source_url: Buffer.byteLength(article.url, 'utf8') <= WECHAT_LIMITS.sourceUrlBytes ? article.url : '',
    truncated,
    droppedImages,
  }
}
