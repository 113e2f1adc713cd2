'use client'
/**
 * Keeps the field errors of a refused save on screen until the reporter changes something.
 *
 * Payload's edit view sends the form's state to the server 250 ms after each change, without validation until
 * the first submit. When the reporter clicks save while such a request is still out, the save's 400 marks the
 * field (推送地址: 不支持“ftp”协议) and then the older request's answer lands and marks every field valid again:
 * the error under the field is gone a moment after it appeared, only the toast says what was wrong
 * (Payload 3.90.2, ui/forms/Form mergeServerFormState; reproduced in tests/e2e/save-errors-browser.test.ts).
 * While no value has changed since the refusal, the refusal still stands, so its errors are put back.
 */
import { useAllFormFields, useFormProcessing } from '@payloadcms/ui'
import { useEffect, useRef } from 'react'

type FieldStates = ReturnType<typeof useAllFormFields>[0]

interface Refusal {
  values: string
  errors: { path: string; errorMessage: string }[]
}

/** What the form holds, to tell whether anything changed since the refusal (files by name and size). */
function valuesOf(fields: FieldStates): string {
  return JSON.stringify(
    Object.entries(fields).map(([path, field]) => [path, field?.value]),
    (_key, value: unknown) => (typeof Blob !== 'undefined' && value instanceof Blob ? `file:${value.size}` : value),
  )
}

const errorsIn = (fields: FieldStates): Refusal['errors'] =>
  Object.entries(fields).flatMap(([path, field]) =>
    field?.valid === false && typeof field.errorMessage === 'string' ? [{ path, errorMessage: field.errorMessage }] : [],
  )

export function KeepSaveErrors() {
  const [fields, dispatchFields] = useAllFormFields()
  const processing = useFormProcessing()
  const saving = useRef(false)
  /** What the form held when the last save ended, until that save's field errors (if any) are on screen. */
  const ended = useRef<string | null>(null)
  const refusal = useRef<Refusal | null>(null)

  useEffect(() => {
    if (processing) {
      // A new save decides afresh.
      saving.current = true
      ended.current = null
      refusal.current = null
      return
    }
    if (!saving.current && ended.current === null && !refusal.current) return
    const values = valuesOf(fields)
    if (saving.current) {
      saving.current = false
      ended.current = values
    }
    if (ended.current !== null) {
      // The save's errors reach the fields a render after it ends, if they do: they are its refusal.
      const errors = errorsIn(fields)
      if (values !== ended.current) ended.current = null
      else if (errors.length) {
        refusal.current = { values, errors }
        ended.current = null
      }
      return
    }
    const held = refusal.current!
    if (values !== held.values) {
      // The reporter changed something: Payload's own checks take over.
      refusal.current = null
      return
    }
    for (const { path, errorMessage } of held.errors) {
      if (fields[path] && fields[path].valid !== false) dispatchFields({ type: 'UPDATE', path, valid: false, errorMessage })
    }
  }, [fields, processing, dispatchFields])

  return null
}
