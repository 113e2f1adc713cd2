/**
 * The one HTML allowlist every output shares (GraphQL html, feeds, NINJS, WeChat start from this).
 * Rich text can carry links typed by anyone with an account: only http(s)/mailto survive, no handlers, no script.
 */
import sanitizeHtml from 'sanitize-html'

/** The tags a story may contain. An output may keep fewer attributes or rename a tag (WeChat: figure → section), never let more in. */
export const STORY_HTML_TAGS: readonly string[] = [
  'p',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'em',
  'b',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'br',
  'hr',
  'a',
  'ul',
  'ol',
  'li',
  'blockquote',
  'figure',
  'figcaption',
  'img',
  'span',
  'code',
  'pre',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]

const options: sanitizeHtml.IOptions = {
  allowedTags: [...STORY_HTML_TAGS],
  allowedAttributes: {
    a: ['href', 'rel', 'target'],
    img: ['src', 'alt', 'width', 'height'],
    span: ['class'],
    p: ['class'],
    figure: ['class'],
    ol: ['start'],
  },
  allowedClasses: {
    span: ['nr-dateline', 'nr-byline'],
    p: ['nr-correction', 'nr-byline'],
    figure: ['nr-image'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
  },
}

export const sanitizeStoryHtml = (html: string): string => sanitizeHtml(html, options)

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
