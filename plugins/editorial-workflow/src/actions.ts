/**
 * The workflow actions and the transition table: which stages each action applies to, where it leads, who may
 * press it, whether it needs a note, and whether house-style errors block it. Pure data, shared by the server
 * (which enforces it) and the admin (which only shows what the server says the user may press).
 */
import type { Stage } from './stages'

export const WORKFLOW_ACTIONS = ['submit', 'requestChanges', 'approve', 'publish', 'schedule', 'unpublish', 'retract', 'correct'] as const

export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number]

/** What a history entry can record: the actions, plus creation and a re-publish of a live story's edits. */
export type EventAction = WorkflowAction | 'create' | 'update'

export const EVENT_ACTIONS: readonly EventAction[] = ['create', ...WORKFLOW_ACTIONS, 'update']

export const isWorkflowAction = (value: unknown): value is WorkflowAction =>
  typeof value === 'string' && (WORKFLOW_ACTIONS as readonly string[]).includes(value)

export interface TransitionRule {
  from: readonly Stage[]
  to: Stage
  /** `author`: the story's own reporters and editors; `editor`: editors (and admins) only. */
  who: 'author' | 'editor'
  note: 'required' | 'optional'
  /** House-style errors block it (it submits, approves or makes the story public). */
  styleBlocked: boolean
  /** What `_status` becomes: only publishing actions make a story public. */
  status: 'published' | 'draft'
}

const BEFORE_PUBLICATION: readonly Stage[] = ['draft', 'submitted', 'changes_requested', 'approved', 'scheduled', 'unpublished']

export const TRANSITIONS: Record<WorkflowAction, TransitionRule> = {
  submit: { from: ['draft', 'changes_requested'], to: 'submitted', who: 'author', note: 'optional', styleBlocked: true, status: 'draft' },
  requestChanges: {
    from: ['submitted', 'approved', 'scheduled'],
    to: 'changes_requested',
    who: 'editor',
    note: 'required',
    styleBlocked: false,
    status: 'draft',
  },
  approve: { from: ['submitted'], to: 'approved', who: 'editor', note: 'optional', styleBlocked: true, status: 'draft' },
  publish: { from: BEFORE_PUBLICATION, to: 'published', who: 'editor', note: 'optional', styleBlocked: true, status: 'published' },
  schedule: { from: BEFORE_PUBLICATION, to: 'scheduled', who: 'editor', note: 'optional', styleBlocked: true, status: 'draft' },
  unpublish: { from: ['published', 'corrected'], to: 'unpublished', who: 'editor', note: 'optional', styleBlocked: false, status: 'draft' },
  retract: {
    from: ['published', 'corrected', 'unpublished'],
    to: 'retracted',
    who: 'editor',
    note: 'required',
    styleBlocked: false,
    status: 'draft',
  },
  correct: { from: ['published', 'corrected'], to: 'corrected', who: 'editor', note: 'required', styleBlocked: true, status: 'published' },
}

type Bilingual = { zh: string; en: string }

export const actionLabels: Record<EventAction, Bilingual> = {
  create: { zh: '创建', en: 'Created' },
  submit: { zh: '提交审核', en: 'Submit' },
  requestChanges: { zh: '退回修改', en: 'Request changes' },
  approve: { zh: '审核通过', en: 'Approve' },
  publish: { zh: '发布', en: 'Publish' },
  schedule: { zh: '定时发布', en: 'Schedule' },
  unpublish: { zh: '撤下', en: 'Unpublish' },
  retract: { zh: '撤稿', en: 'Retract' },
  correct: { zh: '更正', en: 'Correct' },
  update: { zh: '更新已发布稿件', en: 'Updated live story' },
}

/** What the note means for each action that takes one (shown as the input's label). */
export const noteLabels: Partial<Record<WorkflowAction, Bilingual>> = {
  submit: { zh: '给编辑的话（可选）', en: 'Note to the editor (optional)' },
  requestChanges: { zh: '需要修改的地方', en: 'What needs to change' },
  approve: { zh: '备注（可选）', en: 'Note (optional)' },
  publish: { zh: '备注（可选）', en: 'Note (optional)' },
  schedule: { zh: '备注（可选）', en: 'Note (optional)' },
  unpublish: { zh: '撤下原因（可选）', en: 'Why (optional)' },
  retract: { zh: '撤稿原因', en: 'Reason for retraction' },
  correct: { zh: '更正说明（将刊于文末）', en: 'Correction note (printed at the end of the story)' },
}
