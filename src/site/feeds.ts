/** The feeds a page offers readers and feed readers (`<link rel="alternate">`), from the distribution routes. */
import { absoluteUrl } from './site-origin'

export type FeedScope = { kind: 'all' } | { kind: 'sections' | 'regions'; slug: string }

const FORMATS = [
  { file: 'rss.xml', type: 'application/rss+xml', label: 'RSS' },
  { file: 'atom.xml', type: 'application/atom+xml', label: 'Atom' },
  { file: 'feed.json', type: 'application/feed+json', label: 'JSON Feed' },
] as const

export interface FeedLink {
  href: string
  type: string
  title: string
}

export function feedLinks(scope: FeedScope, name = ''): FeedLink[] {
  const base = scope.kind === 'all' ? '/feeds' : `/feeds/${scope.kind}/${encodeURIComponent(scope.slug)}`
  return FORMATS.map((format) => ({
    href: absoluteUrl(`${base}/${format.file}`),
    type: format.type,
    title: `${name ? `${name} · ` : ''}${format.label}`,
  }))
}

/** Next's metadata form: `alternates.types` maps a MIME type to its links. */
export function feedAlternates(scope: FeedScope, name = ''): Record<string, { url: string; title: string }[]> {
  const types: Record<string, { url: string; title: string }[]> = {}
  for (const link of feedLinks(scope, name)) (types[link.type] ??= []).push({ url: link.href, title: link.title })
  return types
}
