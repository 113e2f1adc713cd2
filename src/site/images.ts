/** A picture's renditions as `srcset` candidates, narrowest first, and the one to share on social cards. */
import type { SiteImage } from './queries'

type Candidate = { url: string; width: number; height?: number | null }

export function srcSet(image: SiteImage): string {
  const candidates: Candidate[] = [image.thumbnail, image.card, image.social].filter((c) => c !== null)
  if (image.width) candidates.push({ url: image.url, width: image.width })
  const seen = new Set<number>()
  return candidates
    .sort((a, b) => a.width - b.width)
    .filter((candidate) => (seen.has(candidate.width) ? false : (seen.add(candidate.width), true)))
    .map((candidate) => `${candidate.url} ${candidate.width}w`)
    .join(', ')
}

/** The 1200×630 social rendition when there is one, else the original. */
export const socialImage = (image: SiteImage): { url: string; width?: number | null; height?: number | null } => image.social ?? image
