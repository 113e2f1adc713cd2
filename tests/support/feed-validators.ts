/**
 * Feed checks by software nobody here wrote: Debian's python3-feedparser (Universal Feed Parser) for RSS and
 * Atom, SchemaStore's JSON Feed schema with ajv (draft-04), and xmllint with the sitemap 0.9 and Google News
 * XSDs (tests/fixtures/schemas, see the READMEs there).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { DomUtils, parseDocument } from 'htmlparser2'
import path from 'node:path'
import AjvDraft04 from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import type { ValidateFunction } from 'ajv'

const schemas = path.resolve(__dirname, '../fixtures/schemas')

export interface ParsedText {
  value: string
  type: string
  language: string | null
}

export interface FeedparserResult {
  bozo: boolean
  bozo_exception: string | null
  version: string
  feed: {
    title: ParsedText | null
    subtitle: ParsedText | null
    language: string | null
    link: string | null
    links: string[]
    id: string | null
  }
  entries: {
    id: string | null
    link: string | null
    links: string[]
    title: ParsedText | null
    summary: ParsedText | null
    content: { value: string; type: string }[]
    author: string | null
    tags: string[]
    published: string | null
    updated: string | null
    enclosures: string[]
  }[]
}

/** The feed as Universal Feed Parser reads it (Debian's python3-feedparser under /usr/bin/python3). */
export function feedparser(xml: string): FeedparserResult {
  const out = execFileSync('/usr/bin/python3', [path.join(__dirname, 'feed-check.py')], {
    input: xml,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  return JSON.parse(out) as FeedparserResult
}

/** The text a reader shows for a parsed text construct: HTML-typed values are decoded once, plain ones as is. */
export function shownText(text: ParsedText | null | undefined): string | undefined {
  if (!text) return undefined
  if (text.type !== 'text/html' && text.type !== 'application/xhtml+xml') return text.value
  return DomUtils.textContent(parseDocument(text.value, { decodeEntities: true }))
}

let jsonFeed: ValidateFunction | null = null

/** Schema errors of a JSON Feed document against SchemaStore's feed.json (+ feed-1.json); [] when valid. */
export function jsonFeedErrors(doc: unknown): string[] {
  if (!jsonFeed) {
    const ajv = new AjvDraft04({ allErrors: true, strict: false })
    addFormats(ajv)
    ajv.addSchema(JSON.parse(readFileSync(path.join(schemas, 'jsonfeed/feed-1.json'), 'utf8')))
    jsonFeed = ajv.compile(JSON.parse(readFileSync(path.join(schemas, 'jsonfeed/feed.json'), 'utf8')))
  }
  if (jsonFeed(doc)) return []
  return (jsonFeed.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`)
}

/** xmllint --schema with the sitemap 0.9 + Google News XSDs: '' when valid, else xmllint's complaint. */
export function newsSitemapErrors(xml: string): string {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', path.join(schemas, 'sitemap/news-sitemap.xsd'), '-'], {
    input: xml,
    encoding: 'utf8',
  })
  if (run.error) throw run.error
  return run.status === 0 ? '' : `${run.stderr}`.trim() || `xmllint exited ${run.status}`
}
