/**
 * GraphQL reads of stories load only the fields the query asks for. Payload's GraphQL resolvers can pass a
 * `select` built from the query's selection set, but only when the client asks (`select: true`); without it a
 * list of headlines reads every column — the rendered html and text, the findings, the Lexical body — and every
 * array table of each story. This makes `select: true` the default for the named queries (a client may still
 * pass `select: false`); the schema is unchanged: same types, same arguments.
 *
 * The select also narrows the relations a query populates (the section, the photo, a credit's author): each is
 * read with only the fields asked of it. Two things in @payloadcms/graphql 3.90.2 stood in the way until
 * 2026-12-08, when every populated relation still read all its columns:
 * - Relationship resolvers find the select on the GraphQL context, where the collection's resolver leaves it.
 *   A query returned from `graphQL.queries` runs on a copy of the context (`wrapCustomResolver`), so the
 *   collection's own query is narrowed where it stands instead.
 * - A relation inside an array or group (`credits { author { name } }`) is traced back to the select through
 *   each field's `extensions.field`, which Payload sets only on fields it renames: the arrays and groups are
 *   given theirs here (payloadcms/payload#18141, fixed by the open #18142).
 * Payload keeps that select in one place per request and finds a relation's part of it by the names in the
 * response path, so it misreads a request with an alias below the query (`writer: author { name }`) or with
 * more than one query (`{ latest: Articles … one: Article … }`): there the query runs on a copy of the context,
 * as a custom query would, and its relations are read whole — slower, never wrong.
 */
import type {
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLResolveInfo,
  SelectionSetNode,
} from 'graphql'
import type { Config, FlattenedField } from 'payload'

type FieldConfig = {
  args?: Record<string, unknown>
  resolve?: (source: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown
}
type BuiltCollections = Record<string, { config: { flattenedFields: FlattenedField[] }; graphQL?: { type?: GraphQLObjectType } }>

const objectTypeOf = (type: GraphQLOutputType): GraphQLObjectType | undefined => {
  let t: unknown = type
  while (t && typeof t === 'object' && 'ofType' in t) t = (t as { ofType: unknown }).ofType
  return t && typeof t === 'object' && 'getFields' in t ? (t as GraphQLObjectType) : undefined
}

/** Whether any field below `set` (fragments followed) answers under another name. */
function hasAlias(set: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, seen = new Set<string>()): boolean {
  return (set?.selections ?? []).some((node) => {
    if (node.kind === 'Field') return Boolean(node.alias) || hasAlias(node.selectionSet, fragments, seen)
    if (node.kind === 'InlineFragment') return hasAlias(node.selectionSet, fragments, seen)
    if (seen.has(node.name.value)) return false
    seen.add(node.name.value)
    return hasAlias(fragments[node.name.value]?.selectionSet, fragments, seen)
  })
}

/** The request's select can narrow this query's relations: the only query in it, with no alias beneath. */
const selectReachesRelations = (info: GraphQLResolveInfo) =>
  info.operation.selectionSet.selections.length === 1 &&
  info.fieldNodes.length === 1 &&
  !hasAlias(info.fieldNodes[0]!.selectionSet, info.fragments)

/** Gives each array and group field of `type` (and those nested in them) the `extensions.field` select needs. */
function markContainers(type: GraphQLObjectType, fields: FlattenedField[], seen = new Set<GraphQLObjectType>()) {
  if (seen.has(type)) return
  seen.add(type)
  const built = type.getFields() as Record<string, GraphQLField<unknown, unknown>>
  for (const field of fields) {
    if (field.type !== 'array' && field.type !== 'group') continue
    const gql = built[field.name]
    if (!gql) continue
    if (!gql.extensions?.field) gql.extensions = { ...gql.extensions, field }
    const inner = objectTypeOf(gql.type)
    if (inner) markContainers(inner, field.flattenedFields, seen)
  }
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
            const own = custom[name]
            const field = own ?? built[name]
            if (!field?.resolve || !field.args || !('select' in field.args)) continue
            const resolve = field.resolve
            const withSelect: FieldConfig['resolve'] = (source, args, ctx, info) =>
              resolve(
                source,
                { select: true, ...args },
                selectReachesRelations(info as GraphQLResolveInfo) ? ctx : { ...(ctx as object) },
                info,
              )
            // Another plugin's query of that name is wrapped by Payload whatever we do; a built one is not.
            if (own) narrowed[name] = { ...own, resolve: withSelect }
            else field.resolve = withSelect
          }
          for (const collection of Object.values((context as unknown as { collections: BuiltCollections }).collections)) {
            const type = collection.graphQL?.type
            if (type) markContainers(type, collection.config.flattenedFields)
          }
          return { ...custom, ...narrowed }
        },
      },
    }
  }
