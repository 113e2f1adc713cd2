/**
 * The workflow in GraphQL, next to Payload's own operations, for each story collection (Article → …):
 *   mutation transitionArticle(id: ID!, action: WorkflowAction!, note: String, publishAt: String): WorkflowTransition
 *   query    ArticleWorkflow(id: ID!): StoryWorkflow
 * Same code path as REST; refusals carry the HTTP status in `extensions.statusCode` and details in
 * `extensions.data` (reason, field, stage, findings). Existing custom queries/mutations are kept.
 */
import type * as GraphQLModule from 'graphql'
import type { Config, GraphQLExtension, PayloadRequest } from 'payload'

import { formatNames } from 'payload'

import { WORKFLOW_ACTIONS } from './actions'
import type { ResolvedWorkflowOptions } from './options'
import { performWorkflowAction } from './perform-action'
import { readWorkflow } from './read-workflow'
import { STAGES } from './stages'
import { storyIdFrom } from './story-id'

type GraphQL = typeof GraphQLModule

/** Queries and mutations are built in separate calls; the types they share must be the same objects. */
const typeCache = new WeakMap<object, ReturnType<typeof buildTypes>>()

function buildTypes(G: GraphQL) {
  const action = new G.GraphQLEnumType({
    name: 'WorkflowAction',
    values: Object.fromEntries(WORKFLOW_ACTIONS.map((a) => [a, { value: a }])),
  })
  const stage = new G.GraphQLEnumType({ name: 'WorkflowStage', values: Object.fromEntries(STAGES.map((s) => [s, { value: s }])) })
  const actor = new G.GraphQLObjectType({
    name: 'WorkflowActor',
    fields: { id: { type: new G.GraphQLNonNull(G.GraphQLID) }, name: { type: G.GraphQLString } },
  })
  const event = new G.GraphQLObjectType({
    name: 'WorkflowHistoryEntry',
    fields: {
      sequence: { type: new G.GraphQLNonNull(G.GraphQLInt) },
      action: { type: new G.GraphQLNonNull(G.GraphQLString) },
      from: { type: stage },
      to: { type: new G.GraphQLNonNull(stage) },
      actor: { type: actor },
      note: { type: G.GraphQLString },
      publishAt: { type: G.GraphQLString },
      at: { type: new G.GraphQLNonNull(G.GraphQLString) },
    },
  })
  const transition = new G.GraphQLObjectType({
    name: 'WorkflowTransition',
    fields: {
      id: { type: new G.GraphQLNonNull(G.GraphQLID) },
      action: { type: new G.GraphQLNonNull(action) },
      from: { type: new G.GraphQLNonNull(stage) },
      stage: { type: new G.GraphQLNonNull(stage) },
      public: { type: new G.GraphQLNonNull(G.GraphQLBoolean) },
      publishAt: { type: G.GraphQLString },
      sequence: { type: new G.GraphQLNonNull(G.GraphQLInt) },
    },
  })
  const workflow = new G.GraphQLObjectType({
    name: 'StoryWorkflow',
    fields: {
      id: { type: new G.GraphQLNonNull(G.GraphQLID) },
      stage: { type: new G.GraphQLNonNull(stage) },
      public: { type: new G.GraphQLNonNull(G.GraphQLBoolean) },
      scheduledFor: { type: G.GraphQLString },
      allowedActions: { type: new G.GraphQLNonNull(new G.GraphQLList(new G.GraphQLNonNull(action))) },
      styleErrorCount: { type: G.GraphQLInt },
      history: { type: new G.GraphQLNonNull(new G.GraphQLList(new G.GraphQLNonNull(event))) },
    },
  })
  return { action, transition, workflow }
}

const typesFor = (G: GraphQL) => {
  let types = typeCache.get(G)
  if (!types) typeCache.set(G, (types = buildTypes(G)))
  return types
}

type Context = { req: PayloadRequest }

export function workflowMutations(options: ResolvedWorkflowOptions): GraphQLExtension {
  return (G) => {
    const types = typesFor(G)
    return Object.fromEntries(
      options.collections.map((collection) => [
        `transition${formatNames(collection).singular}`,
        {
          type: types.transition,
          args: {
            id: { type: new G.GraphQLNonNull(G.GraphQLID) },
            action: { type: new G.GraphQLNonNull(types.action) },
            note: { type: G.GraphQLString },
            publishAt: { type: G.GraphQLString },
          },
          resolve: async (
            _: unknown,
            args: { id: string; action: string; note?: string | null; publishAt?: string | null },
            { req }: Context,
          ) =>
            performWorkflowAction(req, options, collection, storyIdFrom(req.payload, collection, args.id), {
              action: args.action,
              note: args.note,
              publishAt: args.publishAt,
            }),
        },
      ]),
    )
  }
}

export function workflowQueries(options: ResolvedWorkflowOptions): GraphQLExtension {
  return (G) => {
    const types = typesFor(G)
    return Object.fromEntries(
      options.collections.map((collection) => [
        `${formatNames(collection).singular}Workflow`,
        {
          type: types.workflow,
          args: { id: { type: new G.GraphQLNonNull(G.GraphQLID) } },
          resolve: async (_: unknown, args: { id: string }, { req }: Context) =>
            readWorkflow(req, options, collection, storyIdFrom(req.payload, collection, args.id)),
        },
      ]),
    )
  }
}

/** Adds ours to whatever queries and mutations the config already has. */
export function withWorkflowGraphQL(graphQL: Config['graphQL'], options: ResolvedWorkflowOptions): Config['graphQL'] {
  const mutations = workflowMutations(options)
  const queries = workflowQueries(options)
  const existingMutations = graphQL?.mutations
  const existingQueries = graphQL?.queries
  return {
    ...graphQL,
    mutations: (G, context) => ({ ...(existingMutations?.(G, context) ?? {}), ...mutations(G, context) }),
    queries: (G, context) => ({ ...(existingQueries?.(G, context) ?? {}), ...queries(G, context) }),
  }
}
