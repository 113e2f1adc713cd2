/**
 * Reads a story as the workflow sees it: the stage and sequence from its latest version (drafts included: that
 * is where the newest state lives), and whether the public sees it from the main document (a draft saved over
 * a published story leaves the published one public).
 */
import type { CollectionSlug, PayloadRequest } from 'payload'

import { NO_STYLE_ERRORS, styleVerdictOf, type StyleVerdict } from '../../house-style'
import type { ResolvedWorkflowOptions } from './options'
import { idOf, type Id } from './desk-roles'
import { isStage, type Stage } from './stages'

export interface Correction {
  note: string
  date: string
}

/** What the workflow itself writes on a story row: the public status, and a correction note with a correct. */
export interface StoryPatch {
  _status: 'draft' | 'published'
  corrections?: Correction[]
}

export interface StoryState {
  id: Id
  stage: Stage
  /** How many history entries the story has; the next one is number sequence + 1. */
  sequence: number
  isPublic: boolean
  /** House-style's check as last saved (its contract: styleVerdictOf). */
  style: StyleVerdict
  createdBy: Id | null
  creditedAuthors: Id[]
  corrections: Correction[]
  retractionReason: string | null
  latest: Record<string, unknown>
}

export async function readStoryState(
  req: PayloadRequest,
  options: ResolvedWorkflowOptions,
  collection: CollectionSlug,
  id: Id,
  /** The latest version when the caller already has it (a beforeChange hook's originalDoc): saves a full read. */
  preloaded?: Record<string, unknown> | null,
): Promise<StoryState | null> {
  const latest =
    preloaded ??
    ((await req.payload.findByID({
      collection,
      id,
      draft: true,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })) as Record<string, unknown> | null)
  if (!latest) return null
  // Only whether it is public: a narrow read skips the wide columns, the arrays and the join subqueries.
  const main = (await req.payload.db.findOne({
    collection,
    where: { id: { equals: id } },
    select: { _status: true },
    joins: false,
    req,
  })) as Record<string, unknown> | null
  const credits = Array.isArray(latest[options.creditsField]) ? (latest[options.creditsField] as { author?: unknown }[]) : []
  return {
    id: (latest.id as Id) ?? id,
    stage: isStage(latest.stage) ? latest.stage : 'draft',
    sequence: typeof latest.workflowSequence === 'number' ? latest.workflowSequence : 0,
    isPublic: main?._status === 'published',
    style: styleVerdictOf(latest) ?? NO_STYLE_ERRORS,
    createdBy: idOf(latest.createdBy) ?? null,
    creditedAuthors: credits.map((credit) => idOf(credit?.author)).filter((author): author is Id => author !== undefined),
    corrections: Array.isArray(latest.corrections)
      ? (latest.corrections as { note?: unknown; date?: unknown }[]).flatMap((c) =>
          typeof c?.note === 'string' && c.date ? [{ note: c.note, date: String(c.date) }] : [],
        )
      : [],
    retractionReason: typeof latest.retractionReason === 'string' ? latest.retractionReason : null,
    latest,
  }
}
