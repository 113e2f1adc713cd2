/** schema.org NewsArticle for a story page (what Google News and link previews read). */
import type { SiteStory } from './queries'
import { socialImage } from './images'
import { absoluteUrl } from './site-origin'

export function newsArticleJsonLd(story: SiteStory, publisherName: string): Record<string, unknown> {
  const url = absoluteUrl(`/news/${encodeURIComponent(story.slug)}`)
  const image = story.heroImage ? socialImage(story.heroImage).url : null
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.title,
    ...(story.dek ? { description: story.dek } : {}),
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    datePublished: story.publishedAt,
    dateModified: story.updatedAt,
    inLanguage: 'zh-Hans',
    ...(image ? { image: [absoluteUrl(image)] } : {}),
    ...(story.section ? { articleSection: story.section.name } : {}),
    ...(story.tags?.length ? { keywords: story.tags.join(',') } : {}),
    author: (story.credits ?? [])
      .filter((credit) => credit.role !== 'editor')
      .map((credit) => ({
        '@type': 'Person',
        name: credit.author.name,
        ...(credit.author.slug ? { url: absoluteUrl(`/authors/${encodeURIComponent(credit.author.slug)}`) } : {}),
      })),
    publisher: { '@type': 'Organization', name: publisherName, url: absoluteUrl('/') },
  }
}

/** JSON for a <script> element: `<` escaped so no value can close the element. */
export const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c')
