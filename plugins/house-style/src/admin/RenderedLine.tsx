'use client'
/**
 * The rendered dateline or byline in the sidebar (datelineText / bylineText), as it will print: the live
 * check's rendering of what is on screen as soon as it has one, before any save; the stored rendering until
 * then. Read-only: it is made from the dateline and credits fields.
 */
import { FieldLabel, useField, useTranslation } from '@payloadcms/ui'
import type { StaticLabel } from 'payload'
import React from 'react'

import { useLiveCheck, type Rendered } from './live-check'

type Props = { path?: string; field?: { name?: string; label?: StaticLabel } }

const hints: Record<keyof Rendered, Record<'zh' | 'en', string>> = {
  datelineText: { zh: '由“电头”各栏生成', en: 'Made from the dateline fields' },
  bylineText: { zh: '由“署名”生成', en: 'Made from the credits' },
}

export const RenderedLine: React.FC<Props> = ({ path, field }) => {
  const name = (field?.name ?? path ?? 'datelineText') as keyof Rendered
  const { value } = useField<string>({ path: path ?? name })
  const { rendered } = useLiveCheck()
  const { i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'zh'
  const text = rendered ? rendered[name] : value
  return (
    <div className="field-type nr-rendered-line" data-testid={`rendered-${name}`} style={{ marginBottom: 24 }}>
      <FieldLabel label={field?.label} path={path} />
      <div
        data-testid={`rendered-${name}-value`}
        style={{
          minHeight: 40,
          padding: '8px 15px',
          fontSize: 15,
          borderRadius: 'var(--style-radius-s)',
          border: '1px solid var(--theme-elevation-150)',
          background: 'var(--theme-elevation-50)',
        }}
      >
        {text || <span style={{ opacity: 0.5 }}>—</span>}
      </div>
      <div className="field-description" style={{ fontSize: 12, marginTop: 4, color: 'var(--theme-elevation-500)' }}>
        {hints[name]?.[lang]}
      </div>
    </div>
  )
}
