'use client'
/**
 * Puts the fields "fix all" returned into the form on screen, saved story or not: text fields are set in
 * place; the body is set in the form and in the Lexical editor itself (its own undo history keeps working);
 * a fix that moved a dateline or credit line out of the body into data re-renders the form with that data.
 * The form is left modified, so autosave (or the reporter's save) keeps it.
 */
import type { useForm } from '@payloadcms/ui'

export type FixedFields = Record<string, unknown>

type Form = ReturnType<typeof useForm>
type LexicalEditorLike = { parseEditorState(json: unknown): unknown; setEditorState(state: unknown, options?: { tag?: string }): void }

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

function bodyEditor(): LexicalEditorLike | null {
  const root = document.querySelector('[data-lexical-editor="true"]') as (HTMLElement & { __lexicalEditor?: LexicalEditorLike }) | null
  return root?.__lexicalEditor ?? null
}

export async function applyFixedFields(form: Form, sent: FixedFields, fixed: FixedFields): Promise<void> {
  const changed = Object.keys(fixed).filter((key) => !same(sent[key], fixed[key]))
  if (!changed.length) return
  if (changed.includes('dateline') || changed.includes('credits')) {
    // Rows and relations: let Payload build the fields' state from the fixed data.
    await form.reset({ ...form.getData(), ...fixed })
    form.setModified(true)
    return
  }
  for (const key of changed) {
    form.dispatchFields({ type: 'UPDATE', path: key, value: fixed[key] })
    if (key === 'body') {
      const editor = bodyEditor()
      if (editor) editor.setEditorState(editor.parseEditorState(fixed.body), { tag: 'house-style-fix' })
    }
  }
  form.setModified(true)
}
