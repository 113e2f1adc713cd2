/**
 * Validation Payload leaves out by default, so bad input gets a clear error naming the field instead of a
 * database error: relations must point at documents that exist, and text must be text.
 */
import type { TextareaFieldValidation, TextFieldSingleValidation } from 'payload'

import { text, textarea } from 'payload/shared'

/**
 * Payload checks that related ids exist only for fields with `filterOptions`; a filter that allows everything
 * turns that check on (an unknown id is refused as an invalid selection, naming the field).
 */
export const mustExist = { filterOptions: () => true } as const

/** A text field refuses objects, arrays and numbers instead of storing "[object Object]" or failing later. */
const notText = (value: unknown): string | null =>
  value != null && typeof value !== 'string' ? `must be text, not ${Array.isArray(value) ? 'an array' : typeof value}` : null

export const textOnly: TextFieldSingleValidation = (value, options) => notText(value) ?? text(value, options)

/** The same for a textarea (the dek), then Payload's own textarea checks. */
export const textareaOnly: TextareaFieldValidation = (value, options) => notText(value) ?? textarea(value, options)
