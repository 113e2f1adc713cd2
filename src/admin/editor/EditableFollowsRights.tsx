'use client'
/** Client half of editable-follows-rights.ts: Lexical's `editable` follows the field's read-only state. */
import { useLexicalComposerContext } from '@payloadcms/richtext-lexical/lexical/react/LexicalComposerContext'
import type { PluginComponent } from '@payloadcms/richtext-lexical'
import { createClientFeature, useEditorConfigContext } from '@payloadcms/richtext-lexical/client'
import { useEffect } from 'react'

const FollowRights: PluginComponent = () => {
  const [editor] = useLexicalComposerContext()
  const { fieldProps } = useEditorConfigContext()
  const readOnly = Boolean(fieldProps.readOnly || fieldProps.field?.admin?.readOnly)
  useEffect(() => {
    if (editor.isEditable() === readOnly) editor.setEditable(!readOnly)
  }, [editor, readOnly])
  return null
}

export const EditableFollowsRightsClient = createClientFeature({ plugins: [{ Component: FollowRights, position: 'normal' }] })
