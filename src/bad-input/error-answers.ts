/**
 * Payload's own refusals of bad input, answered in both of the desk's languages and naming the field and the
 * problem: a validation error lists each field with what is wrong ("section: 该字段有以下无效的选择： 99999"
 * becomes "section: This field has the following invalid selections: 99999 / 栏目：…"), an unqueryable path
 * and a malformed JSON body say so. Only errors Payload raises for input (4xx) are touched; everything else,
 * a genuine fault included, keeps its status (500 stays 500).
 */
import type { AfterErrorHook } from 'payload'

import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'

/** Payload's Chinese validation sentences with their English, by the text before any {{placeholder}}. */
const SENTENCES: [string, string][] = (() => {
  const pairs: [string, string][] = []
  for (const group of ['validation', 'error'] as const) {
    const zhGroup = zh.translations[group] as Record<string, string>
    const enGroup = en.translations[group] as Record<string, string>
    for (const [key, text] of Object.entries(zhGroup)) {
      const zhPrefix = text.split('{{')[0]!.trim()
      if (zhPrefix.length >= 2 && enGroup[key]) pairs.push([zhPrefix, enGroup[key].split('{{')[0]!.trim()])
    }
  }
  return pairs.sort((a, b) => b[0].length - a[0].length)
})()

/** A message in both languages: ours already are ("en / zh"); Payload's Chinese sentences get their English. */
export function bilingual(message: string): { en: string; zh: string } {
  const split = message.indexOf(' / ')
  if (split > 0) return { en: message.slice(0, split), zh: message.slice(split + 3) }
  const match = SENTENCES.find(([zhText]) => message.startsWith(zhText))
  if (match) return { en: `${match[1]}${message.slice(match[0].length)}`, zh: message }
  const enMatch = SENTENCES.find(([, enText]) => message.startsWith(enText))
  if (enMatch) return { en: message, zh: `${enMatch[0]}${message.slice(enMatch[1].length)}` }
  return { en: message, zh: message }
}

interface FieldError {
  path?: string
  label?: unknown
  message?: string
}

const zhLabelOf = (e: FieldError) =>
  e.label && typeof e.label === 'object' && typeof (e.label as { zh?: unknown }).zh === 'string'
    ? (e.label as { zh: string }).zh
    : typeof e.label === 'string'
      ? e.label
      : e.path

/** "Invalid input — path: problem; … / 输入有误——标签：问题；…" from a ValidationError's field errors. */
export function describeFieldErrors(errors: FieldError[]): string {
  // Payload lists invalid selections as "a, b, ": the trailing comma goes.
  const parts = errors.map((e) => ({
    path: e.path ?? '?',
    label: zhLabelOf(e) ?? '?',
    ...bilingual((e.message ?? '').replace(/,\s*$/, '')),
  }))
  const enText = parts.map((p) => `${p.path}: ${p.en.replace(/[.。]\s*$/, '')}`).join('; ')
  const zhText = parts.map((p) => `${p.label}：${p.zh.replace(/[.。]\s*$/, '')}`).join('；')
  return `Invalid input — ${enText}. / 输入有误——${zhText}。`
}

/** Errors Payload raises while reading the request itself (a malformed `_payload`, `where` or `data` string). */
const readingTheRequest = (error: Error) => error instanceof SyntaxError && /addDataAndFileToRequest|parseParams/.test(error.stack ?? '')

/** Which query parameter Payload failed to read as JSON (parseParams reads only `where` and `data`). */
function unreadableParameter(req: { searchParams?: URLSearchParams } | undefined): string | null {
  for (const name of ['where', 'data']) {
    const value = req?.searchParams?.get(name)
    if (!value) continue
    try {
      JSON.parse(value)
    } catch {
      return name
    }
  }
  return null
}

export const clearErrorsForBadInput: AfterErrorHook = ({ error, graphqlResult, req, result }) => {
  if (graphqlResult) {
    // GraphQL: the same sentence for a validation error; the error's data (per field) stays as Payload gives it.
    const original = ((error as { originalError?: unknown }).originalError ?? error) as {
      status?: number
      name?: string
      data?: { errors?: FieldError[] }
    }
    if (original.status !== 400 || original.name === 'QueryError' || !Array.isArray(original.data?.errors) || !original.data.errors.length)
      return
    return { graphqlResult: { ...graphqlResult, message: describeFieldErrors(original.data.errors) } }
  }
  const status = (error as { status?: number }).status
  const data = (error as { data?: { errors?: FieldError[] } }).data
  if (readingTheRequest(error)) {
    const parameter = /parseParams/.test(error.stack ?? '') ? unreadableParameter(req) : null
    if (parameter)
      return { status: 400, response: { errors: [{ message: `${parameter}: not valid JSON. / ${parameter} 参数不是有效的 JSON。` }] } }
    return {
      status: 400,
      response: { errors: [{ message: `The request carries malformed JSON: ${error.message}. / 请求中的 JSON 格式有误。` }] },
    }
  }
  if (status !== 400 && status !== 404 && status !== 413 && status !== 415) return
  const first = result?.errors?.[0] as { message?: string; name?: string } | undefined
  if (!first) return
  if (status === 400 && Array.isArray(data?.errors) && data.errors.length && error.name !== 'QueryError') {
    return { response: { ...result, errors: [{ ...first, message: describeFieldErrors(data.errors) }] } }
  }
  if (first.message && !first.message.includes(' / ')) {
    const { en: enText, zh: zhText } = bilingual(first.message)
    if (enText !== zhText) return { response: { ...result, errors: [{ ...first, message: `${enText} / ${zhText}` }] } }
    if (/^The following paths? cannot be queried/.test(first.message)) {
      return {
        response: {
          ...result,
          errors: [{ ...first, message: `${first.message} / 不能按以下路径查询：${first.message.split(':').slice(1).join(':').trim()}` }],
        },
      }
    }
    if (first.message === 'Invalid JSON')
      return { response: { ...result, errors: [{ ...first, message: 'The request body is not valid JSON. / 请求体不是有效的 JSON。' }] } }
  }
  return
}
