'use client'
/**
 * The house-style panel in the story's sidebar (the `styleFindings` field). It shows the findings stored with
 * the last save at once, then lints the unsaved story as the reporter types (debounced, stale answers
 * dropped), lists the findings in the admin's language — severity, where (headline, dateline, credits, body
 * paragraph), what is wrong, and what the fix does — and offers "Fix all" for the safe fixes: the server
 * applies them to the story with the unsaved edits and saves a draft; the page then reloads.
 */
import { Button, useAllFormFields, useDocumentInfo, useField, useTranslation } from '@payloadcms/ui'
import { reduceFieldsToValues } from 'payload/shared'
import React, { useEffect, useRef, useState } from 'react'

type Lang = 'zh' | 'en'
type Severity = 'error' | 'warning' | 'info'
type Localized = { zh: string; en: string }

type Finding = {
  ruleId: string
  severity: Severity
  message: Localized
  location: { field: string; block?: number }
  fix?: { safe: boolean; description: Localized }
}

const text = {
  title: { zh: '体例检查', en: 'House style' },
  clean: { zh: '符合本报体例', en: 'In house style' },
  checking: { zh: '检查中…', en: 'Checking…' },
  fixAll: { zh: '一键修正', en: 'Fix all' },
  fixing: { zh: '修正中…', en: 'Fixing…' },
  saveFirst: { zh: '稿件保存后可一键修正', en: 'Save the story to use Fix all' },
  fixHint: { zh: '修正后存为草稿', en: 'Saved as a draft' },
  noFix: { zh: '无自动修正，需手动修改', en: 'No automatic fix: edit by hand' },
  more: { zh: (n: number) => `还有 ${n} 条，展开全部`, en: (n: number) => `Show ${n} more` },
  failed: { zh: '体例检查失败：', en: 'House-style check failed: ' },
  field: {
    title: { zh: '标题', en: 'Headline' },
    body: { zh: '正文', en: 'Body' },
    dateline: { zh: '电头', en: 'Dateline' },
    credits: { zh: '署名', en: 'Credits' },
  } as Record<string, Localized>,
  paragraph: { zh: (n: number) => `第${n}段`, en: (n: number) => `¶${n}` },
  severity: { error: { zh: '错误', en: 'Error' }, warning: { zh: '提醒', en: 'Warning' }, info: { zh: '建议', en: 'Note' } } as Record<Severity, Localized>,
  counts: {
    zh: (e: number, w: number) => [e && `${e} 个错误`, w && `${w} 个提醒`].filter(Boolean).join('，'),
    en: (e: number, w: number) => [e && `${e} error${e > 1 ? 's' : ''}`, w && `${w} warning${w > 1 ? 's' : ''}`].filter(Boolean).join(', '),
  },
}

/** Severity colours: strong for the marker and label, a light tint behind the item (readable in light and dark themes). */
const tone: Record<Severity, { strong: string; tint: string }> = {
  error: { strong: '#d92d20', tint: 'rgba(217, 45, 32, 0.08)' },
  warning: { strong: '#dc6803', tint: 'rgba(220, 104, 3, 0.08)' },
  info: { strong: '#1570ef', tint: 'rgba(21, 112, 239, 0.08)' },
}

const SHOWN = 25
const DEBOUNCE_MS = 600

const where = (f: Finding, lang: Lang) => {
  const field = text.field[f.location.field]?.[lang] ?? f.location.field
  return f.location.block != null ? `${field}${lang === 'zh' ? '' : ' '}${text.paragraph[lang](f.location.block + 1)}` : field
}

const isFindingList = (value: unknown): value is Finding[] =>
  Array.isArray(value) && value.every((f) => f && typeof f === 'object' && typeof (f as Finding).ruleId === 'string' && typeof (f as Finding).message === 'object')

export const FindingsPanel: React.FC<{ path?: string }> = ({ path }) => {
  const [fields] = useAllFormFields()
  const { value: stored } = useField<unknown>({ path: path ?? 'styleFindings' })
  const { id, collectionSlug } = useDocumentInfo()
  const { i18n } = useTranslation()
  const lang: Lang = i18n.language === 'zh' ? 'zh' : 'en'
  const [findings, setFindings] = useState<Finding[] | null>(() => (isFindingList(stored) ? stored : null))
  const [busy, setBusy] = useState<'lint' | 'fix' | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [showAll, setShowAll] = useState(false)

  const values = reduceFieldsToValues(fields, true) as Record<string, unknown>
  // The form keeps an array field with no rows as its row count (0): send an empty list.
  const credits = Array.isArray(values.credits) ? values.credits : []
  const story = JSON.stringify({ title: values.title ?? '', body: values.body ?? null, dateline: values.dateline ?? null, credits })
  const latest = useRef(story)
  latest.current = story

  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      setBusy((b) => b ?? 'lint')
      try {
        const res = await fetch('/api/house-style/lint', {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: story,
          signal: controller.signal,
        })
        const json = await res.json().catch(() => null)
        if (!res.ok) throw new Error(json?.errors?.[0]?.message ?? res.statusText)
        // Only the answer for what is on screen now.
        if (latest.current === story) {
          setFindings(json.findings)
          setProblem(null)
        }
      } catch (error) {
        if (!controller.signal.aborted) setProblem(error instanceof Error ? error.message : String(error))
      } finally {
        setBusy((b) => (b === 'lint' ? null : b))
      }
    }, DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [story])

  const fixAll = async () => {
    setBusy('fix')
    setProblem(null)
    try {
      const res = await fetch('/api/house-style/fix', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...JSON.parse(latest.current), id, collection: collectionSlug }),
      })
      const json = await res.json().catch(() => null)
      if (!res.ok) throw new Error(json?.errors?.map((e: { message: string }) => e.message).join('；') ?? res.statusText)
      window.location.reload()
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error))
      setBusy(null)
    }
  }

  const list = findings ?? []
  const errors = list.filter((f) => f.severity === 'error').length
  const warnings = list.length - errors
  const fixable = list.filter((f) => f.fix?.safe).length
  const shown = showAll ? list : list.slice(0, SHOWN)

  return (
    <section className="nr-findings" data-testid="house-style-panel" aria-label={text.title[lang]} style={{ marginBottom: 'calc(var(--base) * 1.5)' }}>
      <header style={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: 8, marginBottom: 10 }}>
        <h4 style={{ margin: 0, fontSize: 15, fontWeight: 600 }}>{text.title[lang]}</h4>
        <span data-testid="house-style-summary" aria-live="polite" style={{ fontSize: 12, color: 'var(--theme-elevation-600)' }}>
          {busy === 'lint' ? text.checking[lang] : list.length ? text.counts[lang](errors, warnings) : ''}
        </span>
      </header>

      {problem && (
        <p role="alert" style={{ margin: '0 0 10px', padding: '8px 10px', borderRadius: 4, fontSize: 13, lineHeight: 1.5, color: tone.error.strong, background: tone.error.tint }}>
          {text.failed[lang]}
          {problem}
        </p>
      )}

      {findings && list.length === 0 && (
        <p data-testid="house-style-clean" style={{ margin: 0, fontSize: 13, color: '#079455' }}>
          ✓ {text.clean[lang]}
        </p>
      )}

      {list.length > 0 && (
        <>
          {fixable > 0 && (
            <div style={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 8, marginBottom: 10 }}>
              <Button
                buttonStyle="secondary"
                size="small"
                margin={false}
                disabled={!id || busy === 'fix'}
                onClick={fixAll}
                id="house-style-fix-all"
              >
                {busy === 'fix' ? text.fixing[lang] : lang === 'zh' ? `${text.fixAll.zh}（${fixable}）` : `${text.fixAll.en} (${fixable})`}
              </Button>
              <span style={{ fontSize: 12, color: 'var(--theme-elevation-600)' }}>{id ? text.fixHint[lang] : text.saveFirst[lang]}</span>
            </div>
          )}
          <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 8 }}>
            {shown.map((f, i) => (
              <li
                key={`${f.ruleId}-${i}`}
                data-testid="house-style-finding"
                data-rule={f.ruleId}
                data-severity={f.severity}
                title={f.ruleId}
                style={{ borderLeft: `3px solid ${tone[f.severity].strong}`, background: tone[f.severity].tint, borderRadius: '0 4px 4px 0', padding: '8px 10px' }}
              >
                <div style={{ display: 'flex', gap: 8, alignItems: 'baseline', fontSize: 12, marginBottom: 2 }}>
                  <span style={{ color: tone[f.severity].strong, fontWeight: 600 }}>{text.severity[f.severity][lang]}</span>
                  <span style={{ color: 'var(--theme-elevation-600)' }}>{where(f, lang)}</span>
                </div>
                <div style={{ fontSize: 13, lineHeight: 1.55, wordBreak: 'break-word' }}>{f.message[lang]}</div>
                <div style={{ fontSize: 12, lineHeight: 1.5, marginTop: 2, color: 'var(--theme-elevation-600)' }}>
                  {f.fix?.safe ? `→ ${f.fix.description[lang]}` : text.noFix[lang]}
                </div>
              </li>
            ))}
          </ul>
          {!showAll && list.length > SHOWN && (
            <button
              type="button"
              onClick={() => setShowAll(true)}
              style={{ marginTop: 8, padding: 0, border: 0, background: 'none', color: 'var(--theme-text)', textDecoration: 'underline', cursor: 'pointer', fontSize: 12 }}
            >
              {text.more[lang](list.length - SHOWN)}
            </button>
          )}
        </>
      )}
    </section>
  )
}
