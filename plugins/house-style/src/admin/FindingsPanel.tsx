'use client'
/**
 * The findings panel beside the editor: lints the unsaved story as the reporter types (debounced), lists the
 * findings in the admin's language, and offers "fix all" for the safe fixes (saved as a draft, then reloaded).
 */
import { useAllFormFields, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { reduceFieldsToValues } from 'payload/shared'
import React, { useEffect, useRef, useState } from 'react'

type Finding = {
  ruleId: string
  severity: 'error' | 'warning' | 'info'
  message: { zh: string; en: string }
  location: { field: string; block?: number }
  fix?: { safe: boolean; description: { zh: string; en: string } }
}

const text = {
  title: { zh: '体例检查', en: 'House style' },
  clean: { zh: '符合本报体例', en: 'In house style' },
  checking: { zh: '检查中…', en: 'Checking…' },
  fixAll: { zh: '一键修正', en: 'Fix all' },
  fixing: { zh: '修正中…', en: 'Fixing…' },
  saveFirst: { zh: '保存稿件后可一键修正', en: 'Save the story to use Fix all' },
  block: { zh: '段', en: '¶' },
  field: { title: { zh: '标题', en: 'Headline' }, body: { zh: '正文', en: 'Body' }, dateline: { zh: '电头', en: 'Dateline' }, credits: { zh: '署名', en: 'Credits' } } as Record<string, { zh: string; en: string }>,
  severity: { error: { zh: '错误', en: 'Error' }, warning: { zh: '提醒', en: 'Warning' }, info: { zh: '建议', en: 'Note' } },
}

const colours = { error: '#b42318', warning: '#b54708', info: '#175cd3' }

export const FindingsPanel: React.FC = () => {
  const [fields] = useAllFormFields()
  const { id, collectionSlug } = useDocumentInfo()
  const { i18n } = useTranslation()
  const lang: 'zh' | 'en' = i18n.language === 'zh' ? 'zh' : 'en'
  const [findings, setFindings] = useState<Finding[] | null>(null)
  const [busy, setBusy] = useState<'lint' | 'fix' | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const values = reduceFieldsToValues(fields, true) as Record<string, unknown>
  const story = JSON.stringify({ title: values.title, body: values.body, dateline: values.dateline, credits: values.credits })
  const latest = useRef(story)
  latest.current = story

  useEffect(() => {
    const timer = setTimeout(async () => {
      setBusy('lint')
      try {
        const res = await fetch('/api/house-style/lint', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: story })
        const json = await res.json()
        if (!res.ok) throw new Error(json?.errors?.[0]?.message ?? res.statusText)
        if (latest.current === story) setFindings(json.findings)
        setProblem(null)
      } catch (error) {
        setProblem(error instanceof Error ? error.message : String(error))
      } finally {
        setBusy(null)
      }
    }, 600)
    return () => clearTimeout(timer)
  }, [story])

  const fixAll = async () => {
    setBusy('fix')
    try {
      const res = await fetch('/api/house-style/fix', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...JSON.parse(latest.current), id, collection: collectionSlug }),
      })
      const json = await res.json()
      if (!res.ok) throw new Error(json?.errors?.[0]?.message ?? res.statusText)
      window.location.reload()
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error))
      setBusy(null)
    }
  }

  const fixable = (findings ?? []).filter((f) => f.fix?.safe).length
  return (
    <div className="nr-findings" data-testid="house-style-panel" style={{ marginBottom: 24 }}>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: 8 }}>
        <strong>{text.title[lang]}</strong>
        {busy === 'lint' && <span style={{ fontSize: 12, opacity: 0.7 }}>{text.checking[lang]}</span>}
      </div>
      {problem && <p style={{ color: colours.error, fontSize: 13 }}>{problem}</p>}
      {findings && findings.length === 0 && <p data-testid="house-style-clean" style={{ color: '#067647', fontSize: 13 }}>✓ {text.clean[lang]}</p>}
      {findings && findings.length > 0 && (
        <>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {findings.map((f, i) => (
              <li key={i} data-testid="house-style-finding" data-rule={f.ruleId} style={{ borderLeft: `3px solid ${colours[f.severity]}`, padding: '4px 8px', marginBottom: 6, fontSize: 13 }}>
                <span style={{ color: colours[f.severity], fontWeight: 600 }}>{text.severity[f.severity][lang]}</span>{' '}
                <span style={{ opacity: 0.7 }}>
                  {text.field[f.location.field]?.[lang] ?? f.location.field}
                  {f.location.block != null ? ` ${f.location.block + 1}${text.block[lang]}` : ''}
                </span>
                <div>{f.message[lang]}</div>
                {f.fix?.safe && <div style={{ opacity: 0.7, fontSize: 12 }}>→ {f.fix.description[lang]}</div>}
              </li>
            ))}
          </ul>
          {fixable > 0 && (
            <button type="button" className="btn btn--style-secondary btn--size-small" disabled={!id || busy === 'fix'} onClick={fixAll} data-testid="house-style-fix-all" title={id ? undefined : text.saveFirst[lang]}>
              {busy === 'fix' ? text.fixing[lang] : `${text.fixAll[lang]} (${fixable})`}
            </button>
          )}
        </>
      )}
    </div>
  )
}
