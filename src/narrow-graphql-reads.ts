/**
 * GraphQL reads of stories load only the fields the query asks for. Payload's GraphQL resolvers can pass a
 * `select` built from the query's selection set, but only when the client asks (`select: true`); without it a
 * list of headlines reads every column — the rendered html and text, the findings, the Lexical body — and every
 * array table of each story. This makes `select: true` the default for the named queries (a client may still
 * pass `select: false`); the schema is unchanged: same types, same arguments.
 */
import type { Config } from 'payload'

type FieldConfig = {
  args?: Record<string, unknown>
  resolve?: (source: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown
}

export const narrowGraphQLReads =
  (queryNames: string[]) =>
  (config: Config): Config => {
    const previous = config.graphQL?.queries
    return {
      ...config,
      graphQL: {
        ...config.graphQL,
        queries: (GraphQL, context) => {
          const custom = (previous ? previous(GraphQL, context) : {}) as Record<string, FieldConfig>
          const built = (context as unknown as { Query: { fields: Record<string, FieldConfig> } }).Query.fields
          const narrowed: Record<string, FieldConfig> = {}
          for (const name of queryNames) {
            const field = custom[name] ?? built[name]
            if (!field?.resolve || !field.args || !('select' in field.args)) continue
            const resolve = field.resolve
            narrowed[name] = { ...field, resolve: (source, args, ctx, info) => resolve(source, { select: true, ...args }, ctx, info) }
          }
          return { ...custom, ...narrowed }
        },
      },
    }
  }
