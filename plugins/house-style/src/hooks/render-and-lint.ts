/**
 * On every save of a story: render it once (datelineText, bylineText, html, plainText) and lint it, storing
 * the findings on the document. A draft always saves; going public with style errors is refused.
 */
import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import { findingPlace } from '../admin/panel-text'
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
 * Findings as field errors: the API and the admin show them against the field they concern. Each carries its
 * `ruleId` and `location`; the message reads `[rule-id] 中文 / English` (the host answers a
 * request that states its language in that language alone), and the label is the place in words (正文第2段), so the summary a person reads —
 * "以下字段是无效的：正文第1段、标题" — names each place once, in the request's language.
 * Answered with 422 like the workflow's refusal of the same condition; 400 stays for malformed input.
 */
export function styleErrorsAsValidation(findings: Finding[], collection: string, req?: PayloadRequest) {
  const errors = findings
    .filter((f) => f.severity === 'error')
    .map((f) => ({
      // A caption or alt text belongs to a picture in the body.
      path: f.location.field === 'caption' || f.location.field === 'alt' ? 'body' : f.location.field,
      label: { zh: findingPlace(f, 'zh'), en: findingPlace(f, 'en') },
      message: `[${f.ruleId}] ${f.message.zh} / ${f.message.en}`,
      ruleId: f.ruleId,
      location: f.location,
    }))
  const error = new ValidationError({ collection, errors, req }, req?.t)
  error.status = STYLE_REFUSED_STATUS
  if (req?.t) {
    const lang = req.i18n?.language === 'en' ? 'en' : 'zh'
    const places = [...new Set(errors.map((e) => e.label[lang]))]
    const summary = req.t('error:followingFieldsInvalid', { count: places.length })
    error.message = lang === 'zh' ? `${summary}${places.join('、')}` : `${summary} ${places.join(', ')}`
  }
  return error
}

function missingRelations(missing: MissingRelation[], collection: string, req: PayloadRequest) {
  return new ValidationError(
    {
      collection,
      req,
      errors: missing.map(({ path, id }) =>
        path === 'dateline.place'
          ? { path, label: { zh: '电头地点', en: 'Dateline place' }, message: `没有编号为 ${id} 的地区 / No region with id ${id}` }
          : { path, label: { zh: '署名作者', en: 'Credited author' }, message: `没有编号为 ${id} 的作者 / No author with id ${id}` },
      ),
    },
    req.t,
  )
}

export const renderAndLint =
  (options: ResolvedHouseStyleOptions): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req, collection }) => {
    const fields = { ...(originalDoc ?? {}), ...data } as StoryFields & { _status?: string }
    const { rendered, view } = await renderStoryFields(fields, options, req)
    // The plugin's relations are checked here, from the names it reads anyway, instead of by one query per
    // field in Payload's validation (fields.ts): an unknown id is refused naming the field, nothing saved.
    if (view.missing.length) throw missingRelations(view.missing, collection.slug, req)
    const findings = lintStory(view.draft, ruleContextFor(options))
    Object.assign(data, rendered, { styleFindings: findings, styleErrorCount: findings.filter((f) => f.severity === 'error').length })
    // Publishing is where style becomes binding: refuse, listing every error, on REST, GraphQL and Local API alike.
    if (data._status === 'published' && hasErrors(findings)) throw styleErrorsAsValidation(findings, collection.slug, req)
    return data
  }
