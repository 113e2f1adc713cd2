/** The findings panel's words, in the admin's two languages. Rule ids and field paths are never shown. */
import type { Finding, Severity } from '../types'

export type Lang = 'zh' | 'en'
type Localized = Record<Lang, string>

export const panelText = {
  title: { zh: '体例检查', en: 'House style' },
  clean: { zh: '符合本报体例', en: 'In house style' },
  checking: { zh: '检查中…', en: 'Checking…' },
  checkFailed: { zh: '体例检查暂时无法完成，稍后会自动重试。', en: 'The house-style check could not run; it retries as you type.' },
  fixAll: { zh: '一键修正', en: 'Fix all' },
  fixing: { zh: '修正中…', en: 'Fixing…' },
  fixHint: { zh: '直接改在稿件上，可撤销（Ctrl+Z）', en: 'Changes the story on screen; Ctrl+Z undoes it' },
  fixFailed: { zh: '一键修正未能完成，请稍后再试。', en: 'Fix all did not complete; try again.' },
  fixed: {
    zh: (n: number, what: string) => `已修正 ${n} 处：${what}`,
    en: (n: number, what: string) => `Fixed ${n}: ${what}`,
  },
  noFix: { zh: '无自动修正，需手动修改', en: 'No automatic fix: edit by hand' },
  jumpHint: { zh: '点击定位到原文', en: 'Click to go to the words' },
  notFound: { zh: '在编辑器中找不到这段文字，可能已经改过。', en: 'These words are no longer in the editor; they may have changed.' },
  more: { zh: (n: number) => `还有 ${n} 条，展开全部`, en: (n: number) => `Show ${n} more` },
  severity: { error: { zh: '错误', en: 'Error' }, warning: { zh: '提醒', en: 'Warning' }, info: { zh: '建议', en: 'Note' } } as Record<
    Severity,
    Localized
  >,
  counts: {
    zh: (e: number, w: number) => [e && `${e} 个错误`, w && `${w} 个提醒`].filter(Boolean).join('，'),
    en: (e: number, w: number) => [e && `${e} error${e > 1 ? 's' : ''}`, w && `${w} warning${w > 1 ? 's' : ''}`].filter(Boolean).join(', '),
  },
}

const fieldNames: Record<string, Localized> = {
  title: { zh: '标题', en: 'Headline' },
  dek: { zh: '导语', en: 'Dek' },
  body: { zh: '正文', en: 'Body' },
  dateline: { zh: '电头', en: 'Dateline' },
  credits: { zh: '署名', en: 'Credits' },
  caption: { zh: '图片说明', en: 'Caption' },
  alt: { zh: '图片替代文字', en: 'Alt text' },
}

/** Where a finding is, in words: 标题, 正文第2段, 电头. */
export function findingPlace(finding: Finding, lang: Lang): string {
  const { block } = finding.location
  const field: string = finding.location.field
  const name = fieldNames[field]?.[lang] ?? ''
  if (block == null) return name
  return lang === 'zh' ? `${name}第${block + 1}段` : `${name} ¶${block + 1}`
}
