/**
 * The real-copy corpus (tests/fixtures/real-copy): published articles with hand-checked datelines and
 * credited names, and the scoring shared by `npm run accuracy` and the CI test that holds the targets.
 *
 * Scoring: the dateline matches when the parsed dateline text equals the expected one (whitespace
 * ignored; null when the story has none); the credits match when the set of credited names (everyone
 * but editors) equals the expected set. Editors credited and false pinyin-artifact findings are counted apart.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { findPinyinArtifacts, parseStory, type ParsedStory } from '../../plugins/house-style'

export const CORPUS_DIR = path.resolve(import.meta.dirname, '../fixtures/real-copy')

export interface CorpusEntry {
  file: string
  outlet: string
  /** Where the text was copied from (a URL, or a public repository file). */
  source: string
  category: string
  /** The file has no title line (the excerpt starts in the body). */
  bodyOnly?: boolean
  /** The text really carries `字(pīnyīn)` artifacts. */
  pinyin?: boolean
  dateline: string | null
  credits: string[]
}

export interface ArticleResult {
  entry: CorpusEntry
  parsed: ParsedStory
  datelineOk: boolean
  creditsOk: boolean
  gotDateline: string | null
  gotCredits: string[]
  /** Names credited in a non-editor role that the text gives as an editor (责任编辑：X, 审核：X…). */
  editorsCredited: string[]
  falsePinyin: boolean
  parseMs: number
}

export function loadCorpus(): { entry: CorpusEntry; text: string }[] {
  const lines = readFileSync(path.join(CORPUS_DIR, 'index.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
  return lines.map((line) => {
    const entry = JSON.parse(line) as CorpusEntry
    return { entry, text: readFileSync(path.join(CORPUS_DIR, 'articles', entry.file), 'utf8') }
  })
}

const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '')

/** Role words that make a name an editor's, as they appear before the name on sign-off lines. */
const EDITOR_BEFORE =
  /(?:责任编辑|責任編輯|责编|責編|编辑|編輯|编\s辑|編\s輯|审核|審核|校对|校對|[一二三初复復终終]\s?[审審]|监制|監製|主编|主編)\s*[:：/／]?\s*$/

function editorNames(text: string, names: string[]): string[] {
  return names.filter((name) => {
    const compact = squeeze(name)
    let at = text.indexOf(name)
    let asEditor = false
    while (at >= 0) {
      const before = text.slice(Math.max(0, at - 8), at)
      if (!EDITOR_BEFORE.test(before)) return false
      asEditor = true
      at = text.indexOf(name, at + name.length)
    }
    return asEditor && compact.length > 0
  })
}

export function scoreArticle(entry: CorpusEntry, text: string, repeat = 1): ArticleResult {
  const started = performance.now()
  let parsed = parseStory(text, { bodyOnly: entry.bodyOnly })
  for (let i = 1; i < repeat; i++) parsed = parseStory(text, { bodyOnly: entry.bodyOnly })
  const parseMs = (performance.now() - started) / repeat
  const gotDateline = parsed.dateline ? parsed.dateline.text : null
  const gotCredits = [...new Set(parsed.credits.filter((c) => c.role !== 'editor').map((c) => squeeze(c.name)))]
  const expected = new Set(entry.credits.map(squeeze))
  const creditsOk = gotCredits.length === expected.size && gotCredits.every((n) => expected.has(n))
  const datelineOk = (gotDateline === null ? null : squeeze(gotDateline)) === (entry.dateline === null ? null : squeeze(entry.dateline))
  return {
    entry,
    parsed,
    datelineOk,
    creditsOk,
    gotDateline,
    gotCredits,
    editorsCredited: editorNames(text, gotCredits),
    falsePinyin: !entry.pinyin && findPinyinArtifacts(text).length > 0,
    parseMs,
  }
}

export interface CategoryScore {
  category: string
  articles: number
  datelines: number
  credits: number
}

export interface CorpusScore {
  results: ArticleResult[]
  categories: CategoryScore[]
  total: CategoryScore
  outlets: number
  editorsCredited: number
  falsePinyin: number
  meanParseMs: number
  maxParseMs: number
}

export function scoreCorpus(repeat = 1): CorpusScore {
  const results = loadCorpus().map(({ entry, text }) => scoreArticle(entry, text, repeat))
  const byCategory = new Map<string, CategoryScore>()
  const total: CategoryScore = { category: 'all', articles: 0, datelines: 0, credits: 0 }
  for (const r of results) {
    const c = byCategory.get(r.entry.category) ?? { category: r.entry.category, articles: 0, datelines: 0, credits: 0 }
    for (const s of [c, total]) {
      s.articles++
      if (r.datelineOk) s.datelines++
      if (r.creditsOk) s.credits++
    }
    byCategory.set(c.category, c)
  }
  const ms = results.map((r) => r.parseMs)
  return {
    results,
    categories: [...byCategory.values()].sort((a, b) => a.category.localeCompare(b.category)),
    total,
    outlets: new Set(results.map((r) => r.entry.outlet)).size,
    editorsCredited: results.filter((r) => r.editorsCredited.length).length,
    falsePinyin: results.filter((r) => r.falsePinyin).length,
    meanParseMs: ms.reduce((a, b) => a + b, 0) / Math.max(1, ms.length),
    maxParseMs: Math.max(0, ...ms),
  }
}
