/**
 * A problem with a request, named in the desk's two languages: what is wrong and where (a field path, a query
 * parameter). Every refusal of bad input is built from these, so every answer reads "English. / 中文。".
 */
import type { FlattenedField } from 'payload'

export interface Problem {
  /** The field path (`dateline.place`, `credits.0.author`) or query parameter (`where.createdAt`, `page`). */
  path: string
  en: string
  zh: string
}

export const problem = (path: string, en: string, zh: string): Problem => ({ path, en, zh })

/** "path: problem" in English, then the Chinese sentences (each names its field itself). */
export function describeProblems(problems: Problem[]): string {
  const en = problems.map((p) => `${p.path}: ${p.en}`).join('; ')
  const zh = problems.map((p) => p.zh).join('；')
  return `${en}. / ${zh}。`
}

/** How a Chinese sentence names the field: its Chinese label with the path, else the path. */
export function zhName(field: FlattenedField | undefined, path: string): string {
  const label = (field as { label?: unknown } | undefined)?.label
  if (label && typeof label === 'object' && typeof (label as { zh?: unknown }).zh === 'string')
    return `${(label as { zh: string }).zh}（${path}）`
  return path
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Deepest nesting of arrays and objects, counted without recursion (a 100,000-level body must not overflow). */
export function nestingDepth(value: unknown, stopAt: number): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length) {
    const [current, depth] = stack.pop()!
    if (typeof current !== 'object' || current === null) continue
    if (depth + 1 > deepest) deepest = depth + 1
    if (deepest > stopAt) return deepest
    for (const child of Object.values(current)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1])
  }
  return deepest
}
