/** Cache tags of the reader site's data: one per story slug, one for every list (front, section, region, author). */
export const STORY_LISTS_TAG = 'site:lists'
export const storyTag = (slug: string): string => `site:story:${slug}`.slice(0, 256)
