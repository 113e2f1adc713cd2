'use client'
/**
 * The house-style panel in the story's sidebar (the `styleFindings` field). It shows the findings stored with
 * the last save at once, then checks the unsaved story as the reporter types (debounced, stale answers
 * dropped) and shares the answer on the page (live-check.ts: the rendered dateline and byline, the workflow's
 * dialogs). Each finding says where it is, quotes the words around it, says what is wrong and what the fix
 * does; a click selects and highlights the words in the editor. "Fix all" applies the safe fixes to what is
 * on screen, saved or not — the editor's text changes in place (Ctrl+Z still works on the rest), the panel
 * says what changed, and autosave keeps a saved story's draft. On a phone a floating button opens the panel.
 */
import { Button, useAllFormFields, useForm, useTranslation } from '@payloadcms/ui'
import { reduceFieldsToValues } from 'payload/shared'
import React, { useEffect, useRef, useState } from 'react'

import { lexicalToBlocks, type LexicalDocument } from '../lexical/blocks'
import type { Finding, Severity } from '../types'
import { applyFixedFields, type FixedFields } from './apply-fixed-fields'
import { clearHighlight, HIGHLIGHT, jumpToFinding } from './jump-to-finding'
import { publishLiveCheck, resetLiveCheck } from './live-check'
import { findingPlace, panelText as text, type Lang } from './panel-text'
import { STYLE_FIELDS } from '../style-verdict'

/** Severity colours: strong for the marker and label, a light tint behind the item (readable in light and dark themes). */
const tone: Record<Severity, { strong: string; tint: string }> = {
  error: { strong: '#d92d20', tint: 'rgba(217, 45, 32, 0.08)' },
  warning: { strong: '#dc6803', tint: 'rgba(220, 104, 3, 0.08)' },
  info: { strong: '#1570ef', tint: 'rgba(21, 112, 239, 0.08)' },
}

const SHOWN = 25
/** A one-line message above the findings (a problem, or what 一键修正 changed). */
const notice = (color: string, background: string): React.CSSProperties => ({
  margin: '0 0 10px',
  padding: '8px 10px',
  borderRadius: 4,
  fontSize: 13,
  lineHeight: 1.5,
  color,
  background,
})
const DEBOUNCE_MS = 400
/** Characters quoted on each side of the words a finding is about. */
const CONTEXT = 10

const isFindingList = (value: unknown): value is Finding[] =>
  Array.isArray(value) &&
  value.every((f) => f && typeof f === 'object' && typeof (f as Finding).ruleId === 'string' && typeof (f as Finding).message === 'object')

type Quote = { before: string; hit: string; after: string }

/** The words a finding is about, with a little on each side, from the story on screen. */
function quoteOf(finding: Finding, values: Record<string, unknown>, blocks: ReturnType<typeof lexicalToBlocks>): Quote | null {
  const { block, start, end } = finding.location
  const field: string = finding.location.field
  let source: string | undefined
  if (field === 'body' && block != null) {
    const b = blocks[block]
    source = b && b.type !== 'image' ? b.text : undefined
  } else if (typeof values[field] === 'string') source = values[field] as string
  if (!source || start == null) return null
  const stop = Math.max(end ?? start, start)
  const before = source.slice(Math.max(0, start - CONTEXT), start)
  const after = source.slice(stop, stop + CONTEXT)
  return {
    before: (start > CONTEXT ? '…' : '') + before,
    hit: source.slice(start, stop),
    after: after + (stop + CONTEXT < source.length ? '…' : ''),
  }
}

/** "改为全角标点 ×3；删除多余空格" — what a fix-all run changed, from the safe fixes it had to apply. */
function changeSummary(fixed: Finding[], lang: Lang): string {
  const counts = new Map<string, number>()
  for (const f of fixed) {
    const what = f.fix?.description[lang] ?? ''
    counts.set(what, (counts.get(what) ?? 0) + 1)
  }
  return [...counts].map(([what, n]) => (n > 1 ? `${what} ×${n}` : what)).join(lang === 'zh' ? '；' : '; ')
}

const storyPayload = (values: Record<string, unknown>) =>
  JSON.stringify({
    title: values.title ?? '',
    ...(typeof values.dek === 'string' ? { dek: values.dek } : {}),
    body: values.body ?? null,
    dateline: values.dateline ?? null,
    // The form keeps an array field with no rows as its row count (0): send an empty list.
    credits: Array.isArray(values.credits) ? values.credits : [],
  })

export const FindingsPanel: React.FC<{ path?: string }> = ({ path }) => {
  const [fields] = useAllFormFields()
  const form = useForm()
  const { i18n } = useTranslation()
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh'
  const values = reduceFieldsToValues(fields, true) as Record<string, unknown>
  const stored = values[path ?? STYLE_FIELDS.findings]
  const [findings, setFindings] = useState<Finding[] | null>(() => (isFindingList(stored) ? stored : null))
  const [busy, setBusy] = useState<'lint' | 'fix' | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [changed, setChanged] = useState<string | null>(null)
  const [showAll, setShowAll] = useState(false)
  const [active, setActive] = useState<number | null>(null)
  const panel = useRef<HTMLElement>(null)

  const story = storyPayload(values)
  const latest = useRef(story)
  latest.current = story

  useEffect(() => {
    if (isFindingList(stored)) publishLiveCheck({ findings: stored })
    return () => {
      clearHighlight()
      resetLiveCheck()
    }
    // Once per story: later answers come from the live check.
  }, [])

  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      setBusy((b) => b ?? 'lint')
      try {
        const res = await fetch('/api/house-style/lint', {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json', 'Accept-Language': lang },
          body: story,
          signal: controller.signal,
        })
        const json = await res.json().catch(() => null)
        if (!res.ok) throw new Error(json?.errors?.[0]?.message ?? res.statusText)
        // Only the answer for what is on screen now.
        if (latest.current === story) {
          setFindings(json.findings)
          setProblem(null)
          publishLiveCheck({ findings: json.findings, rendered: json.rendered ?? null })
        }
      } catch (error) {
        if (!controller.signal.aborted) setProblem(text.checkFailed[lang])
      } finally {
        setBusy((b) => (b === 'lint' ? null : b))
      }
    }, DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [story, lang])

  // The workflow's dialogs ask for the findings ("fix these first"): show the panel and the first error.
  const list = findings ?? []
  const listRef = useRef(list)
  listRef.current = list
  useEffect(() => {
    const show = () => {
      panel.current?.scrollIntoView({ block: 'start' })
      const first = listRef.current.findIndex((f) => f.severity === 'error')
      if (first >= 0) setActive(first)
    }
    window.addEventListener('newsroom:show-findings', show)
    return () => window.removeEventListener('newsroom:show-findings', show)
  }, [])

  const fixAll = async () => {
    setBusy('fix')
    setProblem(null)
    setChanged(null)
    const before = list.filter((f) => f.fix?.safe)
    try {
      const res = await fetch('/api/house-style/fix', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': lang },
        // Without an id: the fixes come back as fields and are applied to the form here, saved or not.
        body: latest.current,
      })
      const json = (await res.json().catch(() => null)) as { fields?: FixedFields; applied?: number; findings?: Finding[] } | null
      if (!res.ok || !json?.fields) throw new Error(res.statusText)
      await applyFixedFields(form, JSON.parse(latest.current), json.fields)
      const after = json.findings ?? []
      setFindings(after)
      publishLiveCheck({ findings: after })
      const stillThere = new Set(after.map((f) => `${f.ruleId}:${f.fix?.description.zh ?? ''}`))
      const done = before.filter((f) => !stillThere.has(`${f.ruleId}:${f.fix?.description.zh ?? ''}`))
      setChanged(text.fixed[lang](json.applied ?? before.length, changeSummary(done.length ? done : before, lang)))
    } catch {
      setProblem(text.fixFailed[lang])
    } finally {
      setBusy(null)
    }
  }

  const errors = list.filter((f) => f.severity === 'error').length
  const warnings = list.length - errors
  const fixable = list.filter((f) => f.fix?.safe).length
  const shown = showAll ? list : list.slice(0, SHOWN)
  const blocks = lexicalToBlocks(values.body as LexicalDocument | null)

  const open = (i: number) => {
    setActive(i)
    if (!jumpToFinding(list[i]!)) setProblem(text.notFound[lang])
  }

  return (
    <>
      <style>{`
        ::highlight(${HIGHLIGHT}) { background-color: rgba(250, 204, 21, 0.6); color: inherit; }
        .nr-findings__jump { display: none; }
        @media (max-width: 430px) {
          .nr-findings__jump { display: inline-flex; position: fixed; right: 12px; bottom: 16px; z-index: 50; }
        }
      `}</style>
      <button
        type="button"
        className="nr-findings__jump"
        data-testid="house-style-jump"
        onClick={() => panel.current?.scrollIntoView({ block: 'start' })}
        style={{
          alignItems: 'center',
          gap: 6,
          padding: '10px 14px',
          borderRadius: 999,
          border: 0,
          font: 'inherit',
          fontSize: 14,
          fontWeight: 600,
          color: '#fff',
          background: errors ? tone.error.strong : warnings ? tone.warning.strong : '#079455',
          boxShadow: '0 4px 12px rgba(0,0,0,0.25)',
        }}
      >
        {text.title[lang]} {errors + warnings > 0 ? text.counts[lang](errors, warnings) : '✓'}
      </button>
      <section
        ref={panel}
        className="nr-findings"
        data-testid="house-style-panel"
        data-errors={errors}
        aria-label={text.title[lang]}
        style={{ marginBottom: 'calc(var(--base) * 1.5)', scrollMarginTop: 80 }}
      >
        <header style={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: 8, marginBottom: 10 }}>
          <h4 style={{ margin: 0, fontSize: 15, fontWeight: 600 }}>{text.title[lang]}</h4>
          <span data-testid="house-style-summary" aria-live="polite" style={{ fontSize: 12, color: 'var(--theme-elevation-600)' }}>
            {busy === 'lint' ? text.checking[lang] : list.length ? text.counts[lang](errors, warnings) : ''}
          </span>
        </header>

        {problem && (
          <p role="alert" style={notice(tone.error.strong, tone.error.tint)}>
            {problem}
          </p>
        )}

        {changed && (
          <p data-testid="house-style-fixed" role="status" style={notice('#067647', 'rgba(7, 148, 85, 0.08)')}>
            {changed}
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
                  disabled={busy === 'fix' || form.disabled}
                  onClick={() => void fixAll()}
                  id="house-style-fix-all"
                >
                  {busy === 'fix' ? text.fixing[lang] : `${text.fixAll[lang]}${lang === 'zh' ? `（${fixable}）` : ` (${fixable})`}`}
                </Button>
                <span style={{ fontSize: 12, color: 'var(--theme-elevation-600)' }}>{text.fixHint[lang]}</span>
              </div>
            )}
            <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 8 }}>
              {shown.map((f, i) => {
                const quote = quoteOf(f, values, blocks)
                return (
                  <li
                    key={`${f.ruleId}-${i}`}
                    data-testid="house-style-finding"
                    data-rule={f.ruleId}
                    data-severity={f.severity}
                    data-active={active === i || undefined}
                  >
                    <button
                      type="button"
                      onClick={() => open(i)}
                      title={text.jumpHint[lang]}
                      style={{
                        display: 'block',
                        width: '100%',
                        textAlign: 'left',
                        font: 'inherit',
                        color: 'inherit',
                        cursor: 'pointer',
                        border: 0,
                        borderLeft: `3px solid ${tone[f.severity].strong}`,
                        background: tone[f.severity].tint,
                        outline: active === i ? `2px solid ${tone[f.severity].strong}` : 'none',
                        borderRadius: '0 4px 4px 0',
                        padding: '8px 10px',
                      }}
                    >
                      <div style={{ display: 'flex', gap: 8, alignItems: 'baseline', fontSize: 12, marginBottom: 2 }}>
                        <span style={{ color: tone[f.severity].strong, fontWeight: 600 }}>{text.severity[f.severity][lang]}</span>
                        <span style={{ color: 'var(--theme-elevation-600)' }}>{findingPlace(f, lang)}</span>
                      </div>
                      {quote && (
                        <div
                          data-testid="house-style-quote"
                          style={{ fontSize: 13, lineHeight: 1.6, margin: '2px 0', wordBreak: 'break-word' }}
                        >
                          {quote.before}
                          <mark style={{ background: 'rgba(250, 204, 21, 0.6)', color: 'inherit', padding: '0 1px', borderRadius: 2 }}>
                            {quote.hit || '▯'}
                          </mark>
                          {quote.after}
                        </div>
                      )}
                      <div style={{ fontSize: 13, lineHeight: 1.55, wordBreak: 'break-word' }}>{f.message[lang]}</div>
                      <div style={{ fontSize: 12, lineHeight: 1.5, marginTop: 2, color: 'var(--theme-elevation-600)' }}>
                        {f.fix?.safe ? `→ ${f.fix.description[lang]}` : text.noFix[lang]}
                      </div>
                    </button>
                  </li>
                )
              })}
            </ul>
            {!showAll && list.length > SHOWN && (
              <button
                type="button"
                onClick={() => setShowAll(true)}
                style={{
                  marginTop: 8,
                  padding: 0,
                  border: 0,
                  background: 'none',
                  color: 'var(--theme-text)',
                  textDecoration: 'underline',
                  cursor: 'pointer',
                  fontSize: 12,
                }}
              >
                {text.more[lang](list.length - SHOWN)}
              </button>
            )}
          </>
        )}
      </section>
    </>
  )
}
