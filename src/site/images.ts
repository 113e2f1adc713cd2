/** A picture's renditions as `srcset` candidates, widest last, and the one to share on social cards. */
import type { SiteImage, SiteImageSize } from './queries'

const usable = (size: SiteImageSize | null | undefined): size is SiteImageSize & { url: string; width: number } =>
  Boolean(size?.url && size.width)

export function srcSet(image: SiteImage): string {
  const candidates = [image.sizes?.thumbnail, image.sizes?.card, image.sizes?.social, image]
    .filter(usable)
    .sort((a, b) => a.width - b.width)
  const seen = new Set<number>()
  return candidates
    .filter((candidate) => (seen.has(candidate.width) ? false : (seen.add(candidate.width), true)))
    .map((candidate) => `${candidate.url} ${candidate.width}w`)
    .join(', ')
}

/** The 1200×630 social rendition when there is one, else the original. */
export const socialImage = (image: SiteImage): SiteImageSize => (usable(image.sizes?.social) ? image.sizes!.social! : image)
