/** Where a story's live preview lives on the reader site (served only to logged-in staff). */
export const storyPreviewPath = (id: number | string): string => `/preview/news/${encodeURIComponent(String(id))}`
