/**
 * The bad-input guard inside Payload: before any other hook of any collection, a REST or GraphQL create or
 * update must carry a JSON object no deeper than MAX_NESTING whose fields have values of their kind, and a read,
 * count, bulk update or delete must carry a well-formed query. Refused with 400 naming each field and problem,
 * before anything is written. The Local API (our own code, seeds, imports) is trusted and not checked.
 * The Express host checks REST queries earlier (request-checks.ts); this also covers GraphQL and multipart
 * `_payload`, which only Payload parses.
 */
import type { CollectionBeforeOperationHook, Config, Plugin } from 'payload'

import { APIError, ValidationError } from 'payload'

import { dataProblems } from './data-shape'
import { MAX_NESTING } from './limits'
import { describeProblems, isPlainObject, nestingDepth, problem, type Problem } from './problems'
import { paginationProblems, sortProblems, whereProblems } from './query-shape'

/** A query Payload would turn into failing SQL: 400, Payload's error shape, each problem in `data.errors`. */
export class BadQuery extends APIError<{ errors: { path: string; message: string }[] }> {
  constructor(problems: Problem[]) {
    super(describeProblems(problems), 400, { errors: problems.map((p) => ({ path: p.path, message: `${p.en} / ${p.zh}` })) }, true)
    this.name = 'QueryError'
  }
}

const QUERY_OPERATIONS = new Set(['read', 'count', 'update', 'delete', 'readDistinct'])

function dataProblemsOf(
  req: Parameters<CollectionBeforeOperationHook>[0]['req'],
  collection: Parameters<CollectionBeforeOperationHook>[0]['collection'],
  data: unknown,
): Problem[] {
  if (!isPlainObject(data))
    return [
      problem(
        'data',
        `the document must be a JSON object, not ${data === null ? 'null' : Array.isArray(data) ? 'a list' : typeof data}`,
        '稿件数据应为 JSON 对象',
      ),
    ]
  if (nestingDepth(data, MAX_NESTING) > MAX_NESTING) {
    return [problem('data', `is nested more than ${MAX_NESTING} levels deep`, `数据嵌套超过 ${MAX_NESTING} 层`)]
  }
  return dataProblems(req.payload, collection.flattenedFields, data)
}

export const refuseBadInput: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (req.payloadAPI === 'local') return args
  if ((operation === 'create' || operation === 'update') && args.data !== undefined) {
    const problems = dataProblemsOf(req, collection, args.data)
    if (problems.length) {
      throw new ValidationError(
        { collection: collection.slug, errors: problems.map((p) => ({ path: p.path, message: `${p.en} / ${p.zh}` })), req },
        req.t,
      )
    }
  }
  if (QUERY_OPERATIONS.has(operation)) {
    const query = args as { where?: unknown; sort?: unknown; page?: unknown; limit?: unknown; depth?: unknown }
    const problems = [
      ...whereProblems(req.payload, collection.slug, query.where),
      ...(operation === 'read' ? sortProblems(req.payload, collection.slug, query.sort) : []),
      ...paginationProblems(query),
    ]
    if (problems.length) throw new BadQuery(problems)
  }
  return args
}

/** Every collection, those other plugins added included (so list this plugin after them). */
export const badInputGuard =
  (): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) => ({
      ...collection,
      // First, not appended: the other hooks assume well-formed input (Media's guard reads `data`).
      hooks: { ...collection.hooks, beforeOperation: [refuseBadInput, ...(collection.hooks?.beforeOperation ?? [])] },
    })),
  })
