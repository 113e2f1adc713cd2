/** The admin's words for the workflow, in 简体中文 and English (the admin's two languages). */
export type Lang = 'zh' | 'en'

export const langOf = (language: string | undefined): Lang => (language?.startsWith('en') ? 'en' : 'zh')

export const text = {
  stage: { zh: '流程', en: 'Stage' },
  stageField: { zh: '流程状态', en: 'Stage' },
  createdBy: { zh: '创建人', en: 'Created by' },
  history: { zh: '流程记录', en: 'Workflow history' },
  noHistory: { zh: '保存后开始记录', en: 'Recorded from the first save' },
  system: { zh: '系统', en: 'System' },
  scheduledFor: { zh: '定时发布于', en: 'Goes live at' },
  publishAt: { zh: '发布时间', en: 'Publish at' },
  confirm: { zh: '确定', en: 'Confirm' },
  cancel: { zh: '取消', en: 'Cancel' },
  working: { zh: '处理中…', en: 'Working…' },
  saving: { zh: '正在保存草稿…', en: 'Saving the draft…' },
  done: { zh: '已完成：', en: 'Done: ' },
  styleBlocked: { zh: '体例错误需先修正：', en: 'Fix the house-style errors first:' },
  publishNow: { zh: '发布', en: 'Publish' },
  publishChanges: { zh: '发布修改', en: 'Publish changes' },
  publishHint: {
    zh: '稿件将立即公开；未经审核的稿件将同时记录为审核通过。',
    en: 'The story goes public now; if nobody approved it yet, your approval is recorded too.',
  },
  myStories: { zh: '我的稿件', en: 'My stories' },
  myChanges: { zh: '待我修改', en: 'Sent back to me' },
  reviewQueue: { zh: '待审稿件', en: 'Review queue' },
  approvedQueue: { zh: '待发布', en: 'Approved, to publish' },
  scheduledQueue: { zh: '定时发布', en: 'Scheduled' },
  desk: { zh: '编辑流程', en: 'Newsroom' },
  loadFailed: { zh: '无法读取流程：', en: 'Could not load the workflow: ' },
  pendingEdits: { zh: '（有未发布的修改）', en: '(unpublished edits)' },
  showFindings: { zh: '查看体例检查，逐条定位修改', en: 'Open the house-style findings to fix them' },
  approveAndPublish: { zh: '审核并发布', en: 'Approve and publish' },
  saveFailed: { zh: '稿件未能保存，请检查标红的字段。', en: 'The story could not be saved: check the fields marked in red.' },
  conflict: { zh: '稿件刚被他人改动，请刷新后再试。', en: 'Someone else just changed this story: reload and try again.' },
  forbidden: { zh: '你现在不能对这篇稿件执行此操作。', en: 'You cannot do this to this story now.' },
  failed: { zh: '操作未完成：', en: 'Not done: ' },
  recipientsLoading: { zh: '正在查询分发渠道…', en: 'Looking up the channels…' },
  recipientsNone: { zh: '没有启用的推送渠道会收到这篇稿件。', en: 'No enabled push channel will receive it.' },
  recipientsFeeds: {
    zh: '稿件同时出现在本报 RSS/Atom/JSON 订阅源和新闻站点地图中。',
    en: 'It also appears in the RSS/Atom/JSON feeds and the news sitemap.',
  },
  recipientsTo: { zh: '将推送到：', en: 'It will be sent to: ' },
  updateTo: { zh: '修改将推送到：', en: 'The changes will be sent to: ' },
} satisfies Record<string, Record<Lang, string>>

/** A line beside the stage saying what happens next, for whoever has nothing to press. */
export const stageHints: Record<string, Record<Lang, string>> = {
  submitted: { zh: '已提交，等待编辑审核', en: 'Waiting for an editor' },
  approved: { zh: '已审核，等待发布', en: 'Approved, waiting to be published' },
  scheduled: { zh: '将定时发布', en: 'Scheduled to go live' },
  published: { zh: '已公开发布', en: 'Public' },
  corrected: { zh: '已发布更正', en: 'Public, with a correction' },
  unpublished: { zh: '已撤下，公众不可见', en: 'Taken down; the public cannot see it' },
  retracted: { zh: '已撤稿', en: 'Retracted' },
  changes_requested: { zh: '已退回记者修改', en: 'Sent back to the reporter' },
}

/** Publish dialogs: what happens. */
export const publishIntro = {
  publish: { zh: '稿件将立即公开发布。', en: 'The story goes public now.' },
  approveAndPublish: {
    zh: '这篇稿件尚未经审核。确认后将以你的名义记录“审核通过”，并立即公开发布。',
    en: 'Nobody has approved this story yet. Confirming records your approval and makes it public now.',
  },
  publishChanges: { zh: '你的修改将立即在已发布的稿件中生效。', en: 'Your edits go live on the published story now.' },
} satisfies Record<string, Record<Lang, string>>

/** Style errors found by the live check, before anything is sent. */
export const styleErrorsFirst = {
  zh: (n: number) => `体例检查发现 ${n} 个错误，需先修正：`,
  en: (n: number) => `The house-style check found ${n} error${n > 1 ? 's' : ''}; fix ${n > 1 ? 'them' : 'it'} first:`,
}

/**
 * Why this user cannot edit the story now, and who can change that: shown instead of silent read-only fields.
 * Keyed by stage; `editor` is what an editor reads, `author` what the reporter reads.
 */
export const readOnlyReasons: Partial<Record<string, { author: Record<Lang, string>; editor: Record<Lang, string> }>> = {
  submitted: {
    author: {
      zh: '稿件已提交审核，审核期间不能修改。需要修改时，请编辑退回。',
      en: 'Submitted: you cannot edit it while it is reviewed. Ask an editor to send it back.',
    },
    editor: { zh: '稿件待审。', en: 'Waiting for review.' },
  },
  approved: {
    author: {
      zh: '稿件已审核通过，等待发布；只有编辑可以修改或退回。',
      en: 'Approved and waiting to go out; only editors can edit it or send it back.',
    },
    editor: { zh: '稿件已审核。', en: 'Approved.' },
  },
  scheduled: {
    author: { zh: '稿件已定时发布；只有编辑可以修改或退回。', en: 'Scheduled; only editors can edit it or send it back.' },
    editor: { zh: '稿件已定时发布。', en: 'Scheduled.' },
  },
  published: {
    author: {
      zh: '稿件已发布，只有编辑可以修改（发布修改或更正）。如需改动请联系编辑。',
      en: 'Published: only editors can change it (publish changes or a correction). Ask an editor.',
    },
    editor: { zh: '稿件已发布。', en: 'Published.' },
  },
  corrected: {
    author: { zh: '稿件已发布并更正，只有编辑可以修改。', en: 'Published with a correction: only editors can change it.' },
    editor: { zh: '稿件已更正。', en: 'Corrected.' },
  },
  unpublished: {
    author: { zh: '稿件已撤下，只有编辑可以修改或重新发布。', en: 'Taken down: only editors can edit or republish it.' },
    editor: { zh: '稿件已撤下。', en: 'Taken down.' },
  },
  retracted: {
    author: { zh: '稿件已撤稿，任何人都不能再修改或发布。', en: 'Retracted: nobody can edit or publish it again.' },
    editor: { zh: '稿件已撤稿，任何人都不能再修改或发布。', en: 'Retracted: nobody can edit or publish it again.' },
  },
}

/** A finding from the server as people read it: the message in the admin's language, never a rule id. */
export function findingText(finding: { message?: { zh?: string; en?: string } | string } | undefined, lang: Lang): string {
  const message = finding?.message
  if (!message) return ''
  if (typeof message === 'object') return message[lang] ?? message.zh ?? message.en ?? ''
  // House-style's validation messages read "[rule-id] 中文 / English".
  const [zh, en] = message.replace(/^\[[\w-]+\]\s*/, '').split(' / ')
  return (lang === 'en' ? en : zh) ?? zh ?? ''
}

/** Where a finding is, in words: 标题, 正文第2段, 电头, 署名. */
export function findingPlace(finding: { location?: { field?: string; block?: number } } | undefined, lang: Lang): string {
  const field = finding?.location?.field
  const names: Record<string, Record<Lang, string>> = {
    title: { zh: '标题', en: 'Headline' },
    body: { zh: '正文', en: 'Body' },
    dateline: { zh: '电头', en: 'Dateline' },
    credits: { zh: '署名', en: 'Credits' },
    dek: { zh: '导语', en: 'Dek' },
  }
  if (!field) return ''
  const name = names[field]?.[lang] ?? ''
  const block = finding?.location?.block
  if (block == null) return name
  return lang === 'zh' ? `${name}第${block + 1}段` : `${name} ¶${block + 1}`
}

export const editorSays: Record<Lang, string> = { zh: '编辑意见：', en: 'Editor’s note: ' }

export const confirmText: Record<string, Record<Lang, string>> = {
  submit: {
    zh: '提交给编辑审核？提交后记者不能再修改，除非编辑退回。',
    en: 'Send to the editors? You cannot edit it again unless it is sent back.',
  },
  requestChanges: { zh: '退回记者修改。请写明需要修改的地方。', en: 'Send back to the reporter. Say what needs to change.' },
  approve: { zh: '审核通过这篇稿件？', en: 'Approve this story?' },
  publish: { zh: '立即发布这篇稿件？', en: 'Publish this story now?' },
  schedule: { zh: '选择发布时间，到时自动发布。', en: 'Pick when it goes live; it is published automatically.' },
  unpublish: { zh: '撤下后公众将看不到这篇稿件。', en: 'The public will no longer see this story.' },
  retract: { zh: '撤稿不可恢复发布，须写明原因。', en: 'A retracted story cannot be published again. Give the reason.' },
  correct: {
    zh: '发布更正：更正说明将刊于文末，稿件的修改同时发布。',
    en: 'Publish a correction: the note is printed at the end of the story, with your edits.',
  },
}
