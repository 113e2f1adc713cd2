'use client'
/**
 * Client half of editable-follows-rights.ts: Lexical's `editable` follows the field's read-only state, and the
 * user's right to save the story now. A reporter's submit takes that right away in place (the admin refreshes the
 * permissions, not the fields: re-rendering every field on the server cost the action most of its time).
 */
import { useLexicalComposerContext } from '@payloadcms/richtext-lexical/lexical/react/LexicalComposerContext'
import type { PluginComponent } from '@payloadcms/richtext-lexical'
import { createClientFeature, useEditorConfigContext } from '@payloadcms/richtext-lexical/client'
import { useDocumentInfo } from '@payloadcms/ui'
import { useEffect } from 'react'

const FollowRights: PluginComponent = () => {
  const [editor] = useLexicalComposerContext()
  const { fieldProps } = useEditorConfigContext()
  const { hasSavePermission } = useDocumentInfo()
  const readOnly = Boolean(fieldProps.readOnly || fieldProps.field?.admin?.readOnly || hasSavePermission === false)
  useEffect(() => {
    if (editor.isEditable() === readOnly) editor.setEditable(!readOnly)
  }, [editor, readOnly])
  return null
}

export const EditableFollowsRightsClient = createClientFeature({ plugins: [{ Component: FollowRights, position: 'normal' }] })
