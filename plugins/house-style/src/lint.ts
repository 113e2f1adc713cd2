/**
 * Linting a story against the house style and applying the fixes the rules propose.
 * Everything here is pure: stories in, findings or new stories out.
 */
import { allRules } from './rules/index'
import type { Credit, Dateline, Finding, Fix, Rule, RuleContext, StoryDraft, TextEdit } from './types'

export const defaultRuleContext: RuleContext = {
  houseScript: 'zh-Hans',
  datelinePreset: 'outlet-xun',
  enabledOptIn: [],
  headlineMaxLength: 30,
}

/** Findings read in story order: headline, dateline, credits, then the body block by block. */
const FIELD_ORDER: Record<Finding['location']['field'], number> = { title: 0, dek: 1, dateline: 2, credits: 3, body: 4, caption: 4, alt: 4 }

function storyOrder(a: Finding, b: Finding): number {
  const x = a.location
  const y = b.location
  return (
    FIELD_ORDER[x.field] - FIELD_ORDER[y.field] ||
    (x.block ?? -1) - (y.block ?? -1) ||
    // Within a picture's block: its caption, then its alt text.
    (x.field === 'alt' ? 1 : 0) - (y.field === 'alt' ? 1 : 0) ||
    (x.start ?? -1) - (y.start ?? -1) ||
    (x.end ?? -1) - (y.end ?? -1) ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  )
}

export function lintStory(story: StoryDraft, context: Partial<RuleContext> = {}, rules: readonly Rule[] = allRules): Finding[] {
  const ruleContext: RuleContext = { ...defaultRuleContext, ...context }
  const findings: Finding[] = []
  for (const rule of rules) {
    if (rule.optIn && !ruleContext.enabledOptIn.includes(rule.id)) continue
    for (const found of rule.check(story, ruleContext)) findings.push(found)
  }
  return findings.sort(storyOrder)
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((found) => found.severity === 'error')
}

export interface ApplyFixesOptions {
  /** Apply only fixes marked safe (the default); false also applies those that need a person's judgement. */
  safeOnly?: boolean
}

const editTarget = (edit: TextEdit) => (edit.block === undefined ? edit.field : `${edit.field}:${edit.block}`)

/** Two edits of the same text collide when their spans overlap, or when both insert at the same point. */
function collide(a: TextEdit, b: TextEdit): boolean {
  if (editTarget(a) !== editTarget(b)) return false
  if (a.start === a.end && b.start === b.end) return a.start === b.start
  return a.start < b.end && b.start < a.end
}

/**
 * Which fix goes first when fixes collide: moving typed text into a field (it carries the edit and the
 * value together), then the fix that rewrites more text (a credit line removed from the body beats the
 * bracket inside it), then the findings' order.
 */
function priority(fix: Fix): [number, number] {
  const span = (fix.edits ?? []).reduce((sum, edit) => sum + (edit.end - edit.start), 0)
  return [fix.edits?.length && fix.set ? 0 : 1, -span]
}

/**
 * Applies the fixes of `findings` to a copy of `story`. A fix applies whole or not at all: one whose edits
 * collide with a fix already taken, that sets a field another fix already set, or that points outside the
 * story is skipped (lint and apply again; fixStory does). `set` values replace the field. A paragraph or
 * heading that the edits leave empty (a credit line on its own) is removed.
 */
export function applyFixes(story: StoryDraft, findings: readonly Finding[], options: ApplyFixesOptions = {}): StoryDraft {
  return applyCounting(story, findings, options).story
}

/** The fixes applyFixes takes: their text edits, and the dateline and credits they set (undefined: unchanged). */
export interface ChosenFixes {
  edits: TextEdit[]
  dateline?: Dateline
  credits?: Credit[]
  /** How many fixes were taken. */
  applied: number
}

/**
 * Chooses which fixes of `findings` apply together, as applyFixes applies them: whole or not at all, skipping
 * one whose edits collide with a fix already taken, that sets a field another fix already set, or that points
 * outside the story. Shared with the plugin, which applies the same choice to the stored Lexical body.
 */
export function chooseFixes(story: StoryDraft, findings: readonly Finding[], { safeOnly = true }: ApplyFixesOptions = {}): ChosenFixes {
  const candidates = findings
    .map((found, order) => ({ fix: found.fix, order }))
    .filter((c): c is { fix: Fix; order: number } => !!c.fix && (c.fix.safe || !safeOnly))
    .map((c) => ({ ...c, rank: priority(c.fix) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.order - b.order)

  const textOf = (edit: TextEdit): string | undefined => {
    if (edit.field === 'title') return story.title
    if (edit.field === 'dek') return story.dek
    const block = edit.block === undefined ? undefined : story.body[edit.block]
    if (!block) return undefined
    if (block.type !== 'image') return edit.field === 'body' ? block.text : undefined
    return edit.field === 'caption' ? block.caption : edit.field === 'alt' ? block.alt : undefined
  }
  const valid = (edit: TextEdit) => {
    const text = textOf(edit)
    return text !== undefined && edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length
  }

  const chosen: ChosenFixes = { edits: [], applied: 0 }
  for (const { fix } of candidates) {
    const edits = fix.edits ?? []
    if (!edits.every(valid)) continue
    if (
      edits.some((edit, i) => chosen.edits.some((taken) => collide(edit, taken)) || edits.slice(0, i).some((other) => collide(edit, other)))
    )
      continue
    if ((fix.set?.dateline && chosen.dateline) || (fix.set?.credits && chosen.credits)) continue
    chosen.edits.push(...edits)
    if (fix.set?.dateline) chosen.dateline = { ...fix.set.dateline }
    if (fix.set?.credits) chosen.credits = fix.set.credits.map((credit) => ({ ...credit }))
    chosen.applied++
  }
  return chosen
}

function applyCounting(
  story: StoryDraft,
  findings: readonly Finding[],
  options: ApplyFixesOptions,
): { story: StoryDraft; applied: number } {
  const chosen = chooseFixes(story, findings, options)
  // Later spans first, so earlier offsets stay valid; at one offset the replacement goes before an insertion.
  const edits = [...chosen.edits].sort((a, b) => b.start - a.start || b.end - a.end)
  let title = story.title
  let dek = story.dek
  const body = story.body.map((block) => ({ ...block }))
  const emptied = new Set<number>()
  const splice = (text: string, edit: TextEdit) => text.slice(0, edit.start) + edit.text + text.slice(edit.end)
  for (const edit of edits) {
    if (edit.field === 'title') {
      title = splice(title, edit)
      continue
    }
    if (edit.field === 'dek') {
      dek = splice(dek ?? '', edit)
      continue
    }
    const block = body[edit.block!]
    if (block.type === 'image') {
      if (edit.field === 'caption') block.caption = splice(block.caption ?? '', edit)
      if (edit.field === 'alt') block.alt = splice(block.alt ?? '', edit)
      continue
    }
    block.text = block.text.slice(0, edit.start) + edit.text + block.text.slice(edit.end)
    if (!block.text.trim()) emptied.add(edit.block!)
  }

  const fixed: StoryDraft = {
    ...story,
    title,
    ...(dek !== undefined ? { dek } : {}),
    body: body.filter((block, index) => !emptied.has(index) || (block.type !== 'image' && block.text.trim())),
    credits: chosen.credits ?? story.credits.map((credit) => ({ ...credit })),
  }
  const dateline = chosen.dateline ?? story.dateline
  if (dateline !== undefined) fixed.dateline = dateline === null ? null : { ...dateline }
  return { story: fixed, applied: chosen.applied }
}

/** Fixes skipped for colliding get their turn on a later pass; a handful of passes settles any real story. */
export const MAX_FIX_PASSES = 5

/**
 * Lints and applies the safe fixes until nothing more changes (fixes skipped for colliding get their turn
 * on the next pass). Returns the fixed story and what is left for a person.
 */
export function fixStory(story: StoryDraft, context: Partial<RuleContext> = {}): { story: StoryDraft; findings: Finding[] } {
  let current = story
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const findings = lintStory(current, context)
    const { story: next, applied } = applyCounting(current, findings, { safeOnly: true })
    if (!applied) return { story: current, findings }
    current = next
  }
  return { story: current, findings: lintStory(current, context) }
}
