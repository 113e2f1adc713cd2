/**
 * Adds KeepSaveErrors to every collection's edit view (see KeepSaveErrors.tsx for the Payload race it mends).
 * A config plugin of the host app, after the plugins that add collections.
 */
import type { Config } from 'payload'

const COMPONENT = '/src/admin/save-errors/KeepSaveErrors#KeepSaveErrors'

export const keepSaveErrors =
  () =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) => {
      const edit = collection.admin?.components?.edit ?? {}
      return {
        ...collection,
        admin: {
          ...collection.admin,
          components: {
            ...collection.admin?.components,
            edit: { ...edit, beforeDocumentControls: [...(edit.beforeDocumentControls ?? []), COMPONENT] },
          },
        },
      }
    }),
  })
