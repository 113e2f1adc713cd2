/**
 * On every save of a story: render it once (datelineText, bylineText, html, plainText) and lint it, storing
 * the findings on the document. A draft always saves; going public with style errors is refused.
 */
import type { CollectionBeforeChangeHook } from 'payload'

import { ValidationError } from 'payload'

import { hasErrors, lintStory } from '../lint'
import type { ResolvedHouseStyleOptions } from '../options'
import { renderStoryFields } from '../render/render-fields'
import type { Finding, RuleContext } from '../types'
import type { MissingRelation, StoryFields } from './story-view'

export const ruleContextFor = (options: ResolvedHouseStyleOptions): Partial<RuleContext> => ({
  houseScript: options.houseScript,
  datelinePreset: options.datelinePreset,
  enabledOptIn: options.enableRules,
  headlineMaxLength: options.headlineMaxLength,
})

/** The one status for "house style refuses this story" (a publish here, submit/approve/publish in the workflow). */
export const STYLE_REFUSED_STATUS = 422

/**
 * Findings as field errors: the API and the admin show them against the field they concern, each message
 * led by its rule id, and the error's summary names each one (`body ¶2 (pinyin-artifact), credits (…)`).
 * Answered with 422 like the workflow's refusal of the same condition; 400 stays for malformed input.
 */
export function styleErrorsAsValidation(findings: Finding[], collection: string) {
  const errors = findings
    .filter((f) => f.severity === 'error')
    .map((f) => ({
      // A caption or alt text belongs to a picture in the body.
      path: f.location.field === 'caption' || f.location.field === 'alt' ? 'body' : f.location.field,
      label: `${f.location.field}${f.location.block != null ? ` ¶${f.location.block + 1}` : ''} (${f.ruleId})`,
      message: `[${f.ruleId}] ${f.message.zh} / ${f.message.en}`,
    }))
  const error = new ValidationError({ collection, errors })
  error.status = STYLE_REFUSED_STATUS
  return error
}

function missingRelations(missing: MissingRelation[], collection: string) {
  return new ValidationError({
    collection,
    errors: missing.map(({ path, id }) => ({
      path,
      message:
        path === 'dateline.place'
          ? `没有编号为 ${id} 的地区 / No region with id ${id}`
          : `没有编号为 ${id} 的作者 / No author with id ${id}`,
    })),
  })
}

export const renderAndLint =
  (options: ResolvedHouseStyleOptions): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req, collection }) => {
    const fields = { ...(originalDoc ?? {}), ...data } as StoryFields & { _status?: string }
    const { rendered, view } = await renderStoryFields(fields, options, req)
    // The plugin's relations are checked here, from the names it reads anyway, instead of by one query per
    // field in Payload's validation (fields.ts): an unknown id is refused naming the field, nothing saved.
    if (view.missing.length) throw missingRelations(view.missing, collection.slug)
    const findings = lintStory(view.draft, ruleContextFor(options))
    Object.assign(data, rendered, { styleFindings: findings, styleErrorCount: findings.filter((f) => f.severity === 'error').length })
    // Publishing is where style becomes binding: refuse, listing every error, on REST, GraphQL and Local API alike.
    if (data._status === 'published' && hasErrors(findings)) throw styleErrorsAsValidation(findings, collection.slug)
    return data
  }
