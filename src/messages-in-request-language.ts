/**
 * Error answers in the language the request states (house-style's request-language): the admin, which always
 * states its language, reads Chinese in every toast and under every field — never an English half, a rule id
 * or a field path — while a program that states none keeps both languages. Payload's own messages are already
 * translated (req.t); its one untranslated answer, "Something went wrong.", is given in the request's language.
 * GraphQL answers are for programs and keep both.
 */
import type { AfterErrorHook } from 'payload'

import { inLanguage, statedLanguage } from '../plugins/house-style'

const SOMETHING_WENT_WRONG = 'Something went wrong.'

type Item = { message?: unknown; data?: { errors?: { message?: unknown }[] } & Record<string, unknown> } & Record<string, unknown>

export const messagesInRequestLanguage: AfterErrorHook = ({ req, result, graphqlResult }) => {
  if (graphqlResult || !result || !Array.isArray(result.errors)) return
  const lang = statedLanguage(req)
  if (!lang) return
  const say = (message: unknown) =>
    typeof message !== 'string' ? message : message === SOMETHING_WENT_WRONG ? req.t('error:unknown') : inLanguage(message, lang)
  const errors = (result.errors as Item[]).map((item) => ({
    ...item,
    message: say(item.message),
    ...(Array.isArray(item.data?.errors)
      ? { data: { ...item.data, errors: item.data.errors.map((e) => ({ ...e, message: say(e.message) })) } }
      : {}),
  }))
  return { response: { ...result, errors } as typeof result }
}
