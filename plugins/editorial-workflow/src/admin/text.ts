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

export const editorSays: Record<Lang, string> = { zh: '编辑意见：', en: 'Editor’s note: ' }

export const confirmText: Record<string, Record<Lang, string>> = {
  submit: { zh: '提交给编辑审核？提交后记者不能再修改，除非编辑退回。', en: 'Send to the editors? You cannot edit it again unless it is sent back.' },
  requestChanges: { zh: '退回记者修改。请写明需要修改的地方。', en: 'Send back to the reporter. Say what needs to change.' },
  approve: { zh: '审核通过这篇稿件？', en: 'Approve this story?' },
  publish: { zh: '立即发布这篇稿件？', en: 'Publish this story now?' },
  schedule: { zh: '选择发布时间，到时自动发布。', en: 'Pick when it goes live; it is published automatically.' },
  unpublish: { zh: '撤下后公众将看不到这篇稿件。', en: 'The public will no longer see this story.' },
  retract: { zh: '撤稿不可恢复发布，须写明原因。', en: 'A retracted story cannot be published again. Give the reason.' },
  correct: { zh: '发布更正：更正说明将刊于文末，稿件的修改同时发布。', en: 'Publish a correction: the note is printed at the end of the story, with your edits.' },
}
