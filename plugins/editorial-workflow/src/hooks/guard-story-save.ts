/**
 * beforeChange on stories — the one place every save passes, whatever the API: REST, GraphQL, Local API, the
 * admin, the scheduled-publish job. It
 *   • applies a transition the plugin's own action code asked for (re-checking the stage: a concurrent
 *     transition may have won), recording it before the save so the unique history key settles races;
 *   • refuses writes that would go around the workflow: setting `stage`, adding corrections, reporters editing
 *     stories that are not theirs or not theirs to edit any more, reporters publishing;
 *   • turns a publish or unpublish written directly (the admin's Publish/Unpublish buttons, `_status` over the
 *     API, the schedulePublish job) into the same recorded transition, with the same rules;
 *   • keeps the workflow's own fields (stage, sequence, createdBy, retraction reason, first-published date) as
 *     the workflow set them.
 * Runs after house-style's hook, so the save's style check (`styleVerdictOf(data)`) is the fresh lint of what is being saved.
 */
import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { styleVerdictOf } from '../../../house-style'
import { TRANSITIONS } from '../actions'
import { actorOf, sameId, type Actor, type Id } from '../desk-roles'
import { WorkflowError, conflict, forbidden, styleBlocked } from '../errors'
import { actionEntries, creationEntries } from '../history-entries'
import type { ResolvedWorkflowOptions } from '../options'
import { isOwnStory, withDeskOwners } from '../ownership'
import { recordHistory, type HistoryEntry } from '../record-events'
import { storyKey, workflowState, type RequestedTransition } from '../request-state'
import { REPORTER_EDITABLE_STAGES, stageLabels, type Stage } from '../stages'
import { readStoryState, type Correction, type StoryState } from '../story-state'

type Data = Record<string, unknown>

const normaliseCorrections = (value: unknown): string =>
  JSON.stringify(
    (Array.isArray(value) ? value : []).map((c: { note?: unknown; date?: unknown }) => [
      String(c?.note ?? '').trim(),
      c?.date ? new Date(String(c.date)).toISOString() : '',
    ]),
  )

export const guardStorySave =
  (options: ResolvedWorkflowOptions): CollectionBeforeChangeHook =>
  async (args) => {
    const data = (await guard(options, args)) as Data
    // Whose story it is, from what this save writes (ownership.ts): after the guard has settled createdBy.
    return withDeskOwners(options, data, args.originalDoc as Data | undefined)
  }

async function guard(
  options: ResolvedWorkflowOptions,
  { data, originalDoc, operation, req, collection }: Parameters<CollectionBeforeChangeHook>[0],
) {
  const actor = actorOf(req.user, options)
  const state = workflowState(req)
  if (operation === 'create') {
    return guardCreate(options, data, actor, Boolean(state.operations[storyKey(collection.slug, 'create')]?.duplicating))
  }
  const id = (originalDoc as { id?: Id } | undefined)?.id
  if (id === undefined) return data
  const key = storyKey(collection.slug, id)
  delete state.applied[key]
  // Payload hands update hooks the latest version (draft included) as originalDoc: no need to read it again.
  const story = await readStoryState(req, options, collection.slug, id, originalDoc as Record<string, unknown>)
  if (!story) return data
  if (actor) keepPublishedAt(options, data, story.latest[options.publishedAtField || ''])
  const requested = state.requested[key]
  if (requested) return applyRequested(req, options, collection.slug, story, data, actor, requested)
  const op =
    state.operations[key] ??
    state.operations[storyKey(collection.slug, 'update')] ??
    state.operations[storyKey(collection.slug, 'restoreVersion')]
  return guardDirectWrite(req, options, collection.slug, story, data, originalDoc as Data, actor, {
    draft: op?.draft ?? false,
    restoring: op?.operation === 'restoreVersion',
  })
}

const sameInstant = (a: unknown, b: unknown) => {
  const left = a ? Date.parse(String(a)) : NaN
  const right = b ? Date.parse(String(b)) : NaN
  return left === right || (Number.isNaN(left) && Number.isNaN(right))
}

/**
 * A user's save keeps the story's first-published date as the workflow set it (the field's own hook sets it at
 * the first publish). Sending the stored value back (the admin form does) or nothing is fine; another value is
 * refused rather than silently dropped, so an API client learns why its date did not stick.
 */
function keepPublishedAt(options: ResolvedWorkflowOptions, data: Data, stored: unknown) {
  const field = options.publishedAtField
  if (!field) return
  const sent = data[field]
  if (sent != null && sent !== '' && !sameInstant(sent, stored)) {
    throw new WorkflowError(
      `${field}: set by the workflow when the story is first published; it cannot be written. / 首发时间由发布操作记录，不能手动设置。`,
      403,
      { reason: 'forbidden', field },
    )
  }
  data[field] = stored ?? null
}

function guardCreate(options: ResolvedWorkflowOptions, data: Data, actor: Actor | null, duplicating: boolean): Data {
  // Payload has already turned a draft save into `_status: 'draft'`; only a real publish says 'published'.
  const published = data._status === 'published'
  if (actor) {
    // A copy of a story starts its own life; anything else naming a stage is going around the workflow.
    if (!duplicating && data.stage != null && data.stage !== 'draft') {
      throw forbidden('A new story starts as a draft; its stage changes only through workflow actions. / 新稿件只能从草稿开始。')
    }
    if (!actor.isEditor && !actor.isReporter) throw forbidden('Only desk staff may write stories. / 仅编辑部成员可写稿。')
    if (published && !actor.isEditor) throw forbidden('Only editors may publish. / 仅编辑可发布稿件。', 'publish')
    data.createdBy = actor.id
    // A duplicate starts its own life: no corrections, no retraction, never published.
    data.corrections = []
    data.retractionReason = null
    if (duplicating && options.publishedAtField) data[options.publishedAtField] = null
    keepPublishedAt(options, data, null)
  }
  data.stage = published ? 'published' : 'draft'
  data.workflowSequence = creationEntries(actor, published).length
  return data
}

async function applyRequested(
  req: PayloadRequest,
  options: ResolvedWorkflowOptions,
  collection: string,
  story: StoryState,
  data: Data,
  actor: Actor | null,
  requested: RequestedTransition,
): Promise<Data> {
  const rule = TRANSITIONS[requested.action]
  // Checked again here, inside the save: another transition may have landed since the action read the story.
  if (!rule.from.includes(story.stage)) {
    throw conflict(
      `The story is now ${stageLabels[story.stage].en.toLowerCase()}. / 稿件已变为“${stageLabels[story.stage].zh}”。`,
      story.stage,
      requested.action,
    )
  }
  // House-style's hook ran first: its check of what is being saved, else the story's as stored.
  const style = styleVerdictOf(data) ?? story.style
  if (rule.styleBlocked && style.errorCount > 0) throw styleBlocked(requested.action, style.errors)

  const entries = actionEntries(requested.action, story.stage, requested.note, requested.publishAt)
  await recordHistory(req, options, collection, story.id, story.sequence + 1, entries, actor, requested.at)
  Object.assign(data, {
    stage: rule.to,
    _status: rule.status,
    workflowSequence: story.sequence + entries.length,
    createdBy: story.createdBy,
    corrections:
      requested.action === 'correct'
        ? [...story.corrections, { note: requested.note ?? '', date: requested.at } satisfies Correction]
        : story.corrections,
    retractionReason: requested.action === 'retract' ? requested.note : story.retractionReason,
  })
  workflowState(req).applied[storyKey(collection, story.id)] = {
    actions: entries.map((e) => e.action),
    from: story.stage,
    to: rule.to,
    note: requested.note,
    publishAt: requested.publishAt,
    actorId: actor?.id ?? null,
  }
  return data
}

async function guardDirectWrite(
  req: PayloadRequest,
  options: ResolvedWorkflowOptions,
  collection: string,
  story: StoryState,
  data: Data,
  originalDoc: Data,
  actor: Actor | null,
  { draft, restoring }: { draft: boolean; restoring: boolean },
): Promise<Data> {
  // Restoring an old version brings back its text, not its place in the workflow.
  if (!restoring) {
    if (data.stage != null && data.stage !== story.stage) {
      throw forbidden('The stage changes only through workflow actions (POST …/workflow). / 稿件状态只能通过流程操作变更。')
    }
    if (data.corrections !== undefined && normaliseCorrections(data.corrections) !== normaliseCorrections(story.corrections)) {
      throw forbidden('Corrections are added with the "correct" action. / 更正须通过“更正”操作添加。', 'correct')
    }
    if (actor && data.createdBy != null && !sameId(data.createdBy, story.createdBy)) {
      throw forbidden('createdBy records who wrote the story and cannot be changed. / 创建人不可更改。')
    }
  }
  if (restoring && normaliseCorrections(data.corrections) !== normaliseCorrections(story.corrections)) data.corrections = story.corrections

  const savingDraft = draft && data._status !== 'published'
  const willBePublic = savingDraft ? story.isPublic : (data._status ?? originalDoc._status) === 'published'

  if (actor && !actor.isEditor) {
    if (!actor.isReporter) throw forbidden('Only desk staff may edit stories. / 仅编辑部成员可修改稿件。')
    if (!(await isOwnStory(req, options, actor, story)))
      throw forbidden('Reporters may edit only their own stories. / 记者只能修改自己的稿件。')
    if (story.isPublic || !REPORTER_EDITABLE_STAGES.includes(story.stage)) {
      const stage = stageLabels[story.stage]
      throw forbidden(`The story is ${stage.en.toLowerCase()}: only editors may change it now. / 稿件已“${stage.zh}”，记者不能再修改。`)
    }
    if (willBePublic) throw forbidden('Only editors may publish. / 仅编辑可发布稿件。', 'publish')
  }

  let entries: HistoryEntry[] = []
  let to: Stage = story.stage
  if (!story.isPublic && willBePublic) {
    // The admin's Publish button, `_status: 'published'` over the API, or the scheduled-publish job.
    if (story.stage === 'retracted') {
      throw conflict('A retracted story cannot be published again. / 已撤稿的稿件不能再发布。', story.stage, 'publish')
    }
    const style = styleVerdictOf(data) ?? story.style
    if (style.errorCount > 0) throw styleBlocked('publish', style.errors)
    entries = TRANSITIONS.publish.from.includes(story.stage)
      ? actionEntries('publish', story.stage, null, null)
      : [{ action: 'publish', from: story.stage, to: 'published' }]
    to = 'published'
  } else if (story.isPublic && !willBePublic) {
    entries = [{ action: 'unpublish', from: story.stage, to: 'unpublished' }]
    to = 'unpublished'
  } else if (story.isPublic && willBePublic && !savingDraft) {
    // Edits to a live story published without a correction note: recorded, the stage stays.
    entries = [{ action: 'update', from: story.stage, to: story.stage }]
  }

  Object.assign(data, {
    stage: to,
    workflowSequence: story.sequence + entries.length,
    createdBy: story.createdBy,
    retractionReason: story.retractionReason,
  })
  if (entries.length) {
    const at = new Date().toISOString()
    await recordHistory(req, options, collection, story.id, story.sequence + 1, entries, actor, at)
    workflowState(req).applied[storyKey(collection, story.id)] = {
      actions: entries.map((e) => e.action),
      from: story.stage,
      to,
      note: null,
      publishAt: null,
      actorId: actor?.id ?? null,
    }
  }
  return data
}
