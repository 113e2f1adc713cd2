/**
 * English credit lines: `By Jane Doe`, `By JANE DOE and JOHN ROE`, `By Jane Doe, John Roe and Ann Poe`,
 * and Reuters' closing `(Reporting by Jane Doe in London; Editing by John Roe)`.
 * Names are returned as written.
 */
import type { Credit, CreditRole } from '../types'

const BY_LINE = /^By\s+(.{2,160})$/i
const LIST_SPLIT = /\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/i
/** A personal name: 1–5 capitalised words, initials, particles (de, van, al-), hyphens, apostrophes. */
const PERSON = /^(?:(?:[A-Z][A-Za-z'’.-]*|de|da|van|von|der|den|al|el|bin|ibn|le|la|du|di)\s+){0,4}[A-Z][A-Za-z'’.-]*$/
/** Affiliations written after the names: `By Jane Doe, Associated Press`, `| Reuters`. */
const AFFILIATION =
  /^(?:the\s+)?(?:associated press|ap|reuters|afp|bloomberg|xinhua|staff(?: writer| reporter)?|.*\b(?:press|news|times|post|journal|correspondents?|writers?|reporters?)\b.*)$/i

function names(list: string): string[] | null {
  const parts = list
    .replace(/\s*[|–—]\s*.*$/, '')
    .split(LIST_SPLIT)
    .map((p) => p.trim())
    .filter((p) => p && !AFFILIATION.test(p))
  if (!parts.length || !parts.every((p) => PERSON.test(p))) return null
  return parts
}

/** `By Jane Doe and John Roe` → reporter credits; null when the line is not a byline. */
export function parseEnglishByline(line: string): Credit[] | null {
  const m = BY_LINE.exec(line.trim())
  const list = m && names(m[1])
  return list ? list.map((name) => ({ name, role: 'reporter' as const })) : null
}

/** A line that only names the agency under a byline (`Associated Press`, `Reuters`). */
export function isAffiliationLine(line: string): boolean {
  return line.length <= 40 && AFFILIATION.test(line.trim())
}

const REUTERS_PART = /^(?:additional\s+)?(reporting|writing|editing|compiled|photos?|graphics)\s+by\s+(.+)$/i
const PART_ROLES: Record<string, CreditRole> = {
  reporting: 'reporter',
  writing: 'reporter',
  compiled: 'contributor',
  editing: 'editor',
  photo: 'photographer',
  photos: 'photographer',
  graphics: 'contributor',
}

/** `(Reporting by Jane Doe in London; Editing by John Roe)` → credits; null when it is not one. */
export function parseReutersCredits(text: string): Credit[] | null {
  const m = /^[(（](.+)[)）]$/.exec(text.trim())
  if (!m) return null
  const credits: Credit[] = []
  for (const part of m[1].split(/\s*;\s*/)) {
    const pm = REUTERS_PART.exec(part)
    if (!pm) return null
    // `Jane Doe in London and John Roe in Paris`: drop the places.
    const list = names(pm[2].replace(/\s+in\s+[A-Z][A-Za-z.'’ -]*?(?=,|\s+and\s+|$)/g, ''))
    if (!list) return null
    for (const name of list) credits.push({ name, role: PART_ROLES[pm[1].toLowerCase()] })
  }
  return credits.length ? credits : null
}
