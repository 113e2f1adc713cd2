/**
 * The one renderer. It turns the structured story (dateline and credits as data, body as Lexical) into
 * datelineText, bylineText, html and plainText. It runs when a story is saved; reads use the stored result,
 * and every output — GraphQL, feeds, webhooks, WeChat — starts from it.
 */
import type { SerializedEditorState } from 'lexical'

import { convertLexicalToHTML, defaultHTMLConverters, type HTMLConverters } from '@payloadcms/richtext-lexical/html'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'

import type { LexicalDocument } from '../lexical/blocks'
import { bylinePatterns, calendarDay, datelinePresets } from '../presets'
import type { BylinePatternId, Credit, Dateline, DatelinePresetId } from '../types'
import { escapeHtml, sanitizeStoryHtml } from './sanitize'

export interface RenderedMedia {
  url: string
  alt: string
  width?: number | null
  height?: number | null
  caption?: string | null
  credit?: string | null
}

export interface Correction {
  note: string
  /** ISO timestamp of the correction. */
  date: string
}

export interface StoryToRender {
  /** Lexical's own type, or house-style's looser one (blocks.ts) for bodies read from the database. */
  body: SerializedEditorState | LexicalDocument | null | undefined
  dateline?: Dateline | null
  credits?: Credit[] | null
  corrections?: Correction[] | null
}

export interface RenderOptions {
  datelinePreset: DatelinePresetId
  bylinePattern: BylinePatternId
  timeZone: string
  /** Media referenced by upload nodes, by id (the plugin loads them once per save). */
  media?: Map<string, RenderedMedia>
}

export interface RenderedStory {
  datelineText: string
  bylineText: string
  html: string
  plainText: string
}

const isEnglishPreset = (preset: DatelinePresetId) => preset === 'ap' || preset === 'reuters'

function mediaConverters(media: Map<string, RenderedMedia> | undefined): HTMLConverters {
  return {
    ...defaultHTMLConverters,
    upload: ({ node }) => {
      const value = (node as { value?: unknown }).value
      const id = typeof value === 'object' && value ? String((value as { id?: unknown }).id) : String(value)
      const found = media?.get(id)
      if (!found) return ''
      const size = found.width && found.height ? ` width="${found.width}" height="${found.height}"` : ''
      const caption = [found.caption, found.credit ? `（${found.credit}）` : ''].filter(Boolean).join('')
      return `<figure class="nr-image"><img src="${escapeHtml(found.url)}" alt="${escapeHtml(found.alt)}"${size}>${
        caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ''
      }</figure>`
    },
  }
}

function correctionLine(correction: Correction, english: boolean, timeZone: string): string {
  const day = calendarDay(correction.date, timeZone)
  if (english) {
    const date = day ? ` (${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')})` : ''
    return `Correction${date}: ${correction.note.trim()}`
  }
  const date = day ? `（${day.year}年${day.month}月${day.day}日）` : ''
  return `更正${date}：${correction.note.trim()}`
}

const hasBody = (body: StoryToRender['body']): body is SerializedEditorState =>
  Boolean(body && typeof body === 'object' && Array.isArray(body.root?.children) && body.root.children.length)

export function renderStory(story: StoryToRender, options: RenderOptions): RenderedStory {
  const preset = datelinePresets[options.datelinePreset]
  const pattern = bylinePatterns[options.bylinePattern]
  const english = isEnglishPreset(options.datelinePreset)
  const datelineText = story.dateline ? preset.render(story.dateline, options.timeZone) : ''
  const bylineText = pattern.render(story.credits ?? [])
  const bylineAtStart = pattern.position === 'start' && bylineText !== ''
  // zh: 新华社贵阳11月26日电（记者 张三）正文 / 亮点黔西南讯 正文; en: WASHINGTON (AP) — Text
  const separator = bylineAtStart && !english ? '' : ' '

  let bodyHtml = hasBody(story.body)
    ? convertLexicalToHTML({ data: story.body, converters: mediaConverters(options.media), disableContainer: true })
    : ''
  let bodyText = hasBody(story.body) ? convertLexicalToPlaintext({ data: story.body }).trim() : ''

  // Dateline (and a wire-style credit) open the first paragraph.
  const lead = [
    datelineText && `<span class="nr-dateline">${escapeHtml(datelineText)}</span>`,
    bylineAtStart && !english && `<span class="nr-byline">${escapeHtml(bylineText)}</span>`,
  ]
    .filter(Boolean)
    .join('')
  if (lead) {
    const firstParagraph = /<p(\s[^>]*)?>/.exec(bodyHtml)
    bodyHtml = firstParagraph
      ? `${bodyHtml.slice(0, firstParagraph.index + firstParagraph[0].length)}${lead}${separator}${bodyHtml.slice(firstParagraph.index + firstParagraph[0].length)}`
      : `<p>${lead}</p>${bodyHtml}`
  }
  // English bylines stand on their own line above the story.
  if (bylineAtStart && english) bodyHtml = `<p class="nr-byline">${escapeHtml(bylineText)}</p>${bodyHtml}`

  // A credit that closes the story goes at the end of the last paragraph, before any trailing picture.
  if (bylineText && pattern.position === 'end') {
    const closing = bodyHtml.lastIndexOf('</p>')
    const span = `<span class="nr-byline">${escapeHtml(bylineText)}</span>`
    bodyHtml = closing >= 0 ? `${bodyHtml.slice(0, closing)}${span}${bodyHtml.slice(closing)}` : `${bodyHtml}<p>${span}</p>`
  }

  const corrections = (story.corrections ?? []).filter((c) => c.note?.trim())
  for (const correction of corrections) {
    bodyHtml += `<p class="nr-correction">${escapeHtml(correctionLine(correction, english, options.timeZone))}</p>`
  }

  const head = [datelineText, bylineAtStart && !english ? bylineText : ''].join('')
  const textParts = [
    bylineAtStart && english ? bylineText : '',
    [head, bodyText].filter(Boolean).join(bylineAtStart && !english ? '' : ' ') + (pattern.position === 'end' ? bylineText : ''),
    ...corrections.map((c) => correctionLine(c, english, options.timeZone)),
  ].filter(Boolean)
  bodyText = textParts.join('\n\n')

  return { datelineText, bylineText, html: sanitizeStoryHtml(bodyHtml), plainText: bodyText }
}
