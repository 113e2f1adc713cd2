'use client'
/**
 * Under the dateline fields: the house pattern, then the dateline as it will print with what is chosen now
 * (亮点黔西南兴义讯 once 兴义 is picked), and why a date that was filled in does not appear (讯-style
 * datelines carry no date; it is kept with the story).
 */
import { useFormFields, useTranslation } from '@payloadcms/ui'
import React from 'react'

import { useLiveCheck } from './live-check'

type Props = { pattern?: string; example?: string }

export const DatelineHint: React.FC<Props> = ({ pattern, example }) => {
  const { rendered } = useLiveCheck()
  const date = useFormFields(([fields]) => fields['dateline.date']?.value) as string | null | undefined
  const { i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'zh'
  const printed = rendered?.datelineText ?? ''
  // The house pattern has no date (讯): say so rather than let a filled-in date seem lost.
  const dateLeftOut = Boolean(date) && Boolean(printed) && !/\d/.test(printed)
  return (
    <div
      className="field-description nr-dateline-hint"
      data-testid="dateline-hint"
      style={{ display: 'grid', fontSize: 13, lineHeight: 1.6, color: 'var(--theme-elevation-600)', marginBottom: 8 }}
    >
      <div>
        {lang === 'zh' ? '本报格式：' : 'House format: '}
        {pattern}
        {example ? (lang === 'zh' ? `（例：${example}）` : ` (e.g. ${example})`) : ''}
      </div>
      <div>
        {lang === 'zh' ? '成稿电头：' : 'Prints as: '}
        <strong data-testid="dateline-hint-printed">{printed || '—'}</strong>
      </div>
      {dateLeftOut && (
        <div data-testid="dateline-hint-date">
          {lang === 'zh'
            ? '“讯”式电头不写日期；发稿日期随稿件保存，供检索和“电”式电头使用。'
            : 'A 讯 dateline carries no date; the date is kept with the story (search, wire datelines).'}
        </div>
      )}
    </div>
  )
}
