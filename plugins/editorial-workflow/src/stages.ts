/**
 * The editorial stages a story moves through, kept apart from Payload's `_status` (which only says whether the
 * public sees it). Pure data, shared by the server and the admin components.
 */
export const STAGES = [
  'draft',
  'submitted',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'corrected',
  'unpublished',
  'retracted',
] as const

export type Stage = (typeof STAGES)[number]

export const isStage = (value: unknown): value is Stage => typeof value === 'string' && (STAGES as readonly string[]).includes(value)

/** Stages in which the public sees the story. */
export const LIVE_STAGES: readonly Stage[] = ['published', 'corrected']

/** Stages a reporter may still edit their own story in. */
export const REPORTER_EDITABLE_STAGES: readonly Stage[] = ['draft', 'changes_requested']

/** Publishing from these stages records the editor's approval first (nobody approved the story yet). */
export const UNAPPROVED_STAGES: readonly Stage[] = ['draft', 'submitted', 'changes_requested']

type Bilingual = { zh: string; en: string }

export const stageLabels: Record<Stage, Bilingual> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审', en: 'Submitted' },
  changes_requested: { zh: '退回修改', en: 'Changes requested' },
  approved: { zh: '已审', en: 'Approved' },
  scheduled: { zh: '定时发布', en: 'Scheduled' },
  published: { zh: '已发布', en: 'Published' },
  corrected: { zh: '已更正', en: 'Corrected' },
  unpublished: { zh: '已撤下', en: 'Unpublished' },
  retracted: { zh: '已撤稿', en: 'Retracted' },
}

/** Pill colours per stage (text, background), readable on the admin's light and dark themes. */
export const stageColours: Record<Stage, { fg: string; bg: string }> = {
  draft: { fg: '#344054', bg: '#f2f4f7' },
  submitted: { fg: '#175cd3', bg: '#eff8ff' },
  changes_requested: { fg: '#b54708', bg: '#fffaeb' },
  approved: { fg: '#5925dc', bg: '#f4f3ff' },
  scheduled: { fg: '#026aa2', bg: '#f0f9ff' },
  published: { fg: '#067647', bg: '#ecfdf3' },
  corrected: { fg: '#067647', bg: '#ecfdf3' },
  unpublished: { fg: '#475467', bg: '#f2f4f7' },
  retracted: { fg: '#b42318', bg: '#fef3f2' },
}
