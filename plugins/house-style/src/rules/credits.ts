/** Credits as fixes set them: the story's credits plus new ones, each name and role once. */
import type { Credit } from '../types'

const key = (credit: Credit) => `${credit.role}\u0000${credit.name.trim()}`

export function mergeCredits(existing: readonly Credit[], added: readonly Credit[]): Credit[] {
  const merged = existing.map((credit) => ({ ...credit }))
  const seen = new Set(merged.map(key))
  for (const credit of added) {
    const name = credit.name.trim()
    if (!name || seen.has(key(credit))) continue
    seen.add(key(credit))
    merged.push({ ...credit, name })
  }
  return merged
}
