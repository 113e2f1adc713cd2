/**
 * The story body follows the user's edit rights as they change on screen. Payload's rich-text field marks itself
 * read-only when the form does, but Lexical reads `editable` only when it mounts: after a reporter submits (the
 * story turns read-only in place, without a reload) the body still took typing that could never be saved.
 * The client half (EditableFollowsRights.tsx) keeps Lexical's `editable` in step with the field's read-only state.
 */
import { createServerFeature } from '@payloadcms/richtext-lexical'

export const EditableFollowsRightsFeature = createServerFeature({
  feature: { ClientFeature: '/src/admin/editor/EditableFollowsRights#EditableFollowsRightsClient' },
  key: 'editableFollowsRights',
})
