/**
 * A query (`where`, `sort`, `page`, `limit`, `depth`) checked against the collection's fields before it becomes
 * SQL. Payload checks that a path exists and may be read; it does not check the values, and the SQL adapters
 * fail on what they cannot bind: `where[title][equals][$ne]=x` (an object), `where[createdAt][like][0]=0` (a
 * list), `where[createdAt][greater_than]=not-a-date` (500 on SQLite, silently 200 on PostgreSQL),
 * `where[section][equals]=abc`, `like: null` over GraphQL, `page=99999999999999999999` or `page=-1`. Paths that
 * do not resolve are left to Payload, which refuses them itself (400, "cannot be queried"), so no field's
 * existence or access is revealed here that Payload would not reveal.
 */
import { getLocalizedPaths, type FlattenedField, type Payload } from 'payload'
import { validOperators, validOperatorSet } from 'payload/shared'

import { idIsNumber, isValidId } from './ids'
import { MAX_DEPTH, MAX_LIMIT, MAX_PAGE } from './limits'
import { isPlainObject, problem, zhName, type Problem } from './problems'

// Payload's own list of where operators (what its query builder accepts).
const OPERATORS: ReadonlySet<string> = validOperatorSet
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const TEXT_OPERATORS = new Set(['like', 'not_like'])
const GEO_OPERATORS = new Set(['within', 'intersects', 'near'])
const TEXT_TYPES = new Set(['text', 'textarea', 'email', 'code'])
/** Fields whose stored value is a document (JSON): only `exists` means something on every database. */
const DOCUMENT_TYPES = new Set(['richText', 'json', 'group', 'array', 'blocks', 'tab'])

type Target = { kind: 'id'; collection: string } | { kind: 'field'; field: FlattenedField }

/** The field a where/sort path ends at, or null when Payload will refuse the path itself. */
function resolvePath(payload: Payload, collection: string, incoming: string): Target | null {
  const path = incoming.replace(/__/g, '.')
  if (path === 'id' || path === '_id') return { kind: 'id', collection }
  const config = payload.collections[collection]?.config
  if (!config) return null
  let resolved
  try {
    resolved = getLocalizedPaths({
      collectionSlug: collection,
      fields: config.flattenedFields,
      incomingPath: path,
      payload,
      overrideAccess: true,
    })
  } catch {
    return null
  }
  const last = resolved.at(-1)
  if (!last || resolved.some((p) => p.invalid)) return null
  // `section.id` is the relation itself.
  if (last.path === 'id' && resolved.length > 1) {
    const previous = resolved.at(-2)?.field
    if (previous && (previous.type === 'relationship' || previous.type === 'upload') && typeof previous.relationTo === 'string') {
      return { kind: 'field', field: previous }
    }
    return last.collectionSlug ? { kind: 'id', collection: last.collectionSlug } : null
  }
  return last.field ? { kind: 'field', field: last.field } : null
}

export function whereProblems(payload: Payload, collection: string, where: unknown, at = 'where'): Problem[] {
  if (where === undefined || where === null) return []
  if (!isPlainObject(where)) return [problem(at, 'must be an object of field conditions', `${at} 应为按字段写的条件对象`)]
  const problems: Problem[] = []
  for (const [key, value] of Object.entries(where)) {
    // GraphQL spells them AND / OR; Payload reads either case.
    if (key.toLowerCase() === 'and' || key.toLowerCase() === 'or') {
      if (!Array.isArray(value)) problems.push(problem(`${at}.${key}`, 'must be a list of conditions', `${at}.${key} 应为条件列表`))
      else value.forEach((inner, i) => problems.push(...whereProblems(payload, collection, inner, `${at}.${key}.${i}`)))
      continue
    }
    problems.push(...constraintProblems(payload, collection, key, value, at))
  }
  return problems
}

/** `{ equals: x, like: y }` for one path; a nested object whose keys are not operators continues the path. */
function constraintProblems(payload: Payload, collection: string, path: string, constraint: unknown, at: string): Problem[] {
  const where = `${at}.${path}`
  if (!isPlainObject(constraint)) {
    return [problem(where, 'must be an object of operators (equals, in, like, …)', `${where} 应为运算符对象（equals、in、like 等）`)]
  }
  const problems: Problem[] = []
  for (const [operator, value] of Object.entries(constraint)) {
    if (!OPERATORS.has(operator)) {
      // `where[section][name][equals]=x` is the path section.name, as Payload reads it.
      if (isPlainObject(value) && !Object.keys(value).some((k) => /^(and|or)$/i.test(k))) {
        problems.push(...constraintProblems(payload, collection, `${path}.${operator}`, value, at))
      } else {
        problems.push(
          problem(
            `${where}.${operator}`,
            `unknown operator "${operator}" (use ${validOperators.slice(0, 12).join(', ')})`,
            `${where} 的运算符“${operator}”无效`,
          ),
        )
      }
      continue
    }
    const target = resolvePath(payload, collection, path)
    if (!target) continue
    const bad = operatorProblem(payload, target, operator, value)
    if (bad) {
      const name = target.kind === 'field' ? zhName(target.field, path) : path
      problems.push(problem(`${where}.${operator}`, bad.en, `${name} 的 ${operator} 条件${bad.zh}`))
    }
  }
  return problems
}

const isScalar = (v: unknown) => v === null || v instanceof Date || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'

function operatorProblem(payload: Payload, target: Target, operator: string, value: unknown): { en: string; zh: string } | null {
  const type = target.kind === 'id' ? 'id' : target.field.type
  if (operator === 'exists') {
    return value === true || value === false || value === 'true' || value === 'false'
      ? null
      : { en: 'takes true or false', zh: '只能是 true 或 false' }
  }
  if (GEO_OPERATORS.has(operator))
    return type === 'point' ? null : { en: `works only on point fields, not ${type}`, zh: '只适用于坐标字段' }
  if (type === 'point') return null
  if (DOCUMENT_TYPES.has(type))
    return { en: `cannot be used on a ${type} field (only exists can)`, zh: '不能用于此类字段（只能用 exists）' }
  if (TEXT_OPERATORS.has(operator)) {
    if (!TEXT_TYPES.has(type)) return { en: `works only on text fields, not ${type}`, zh: '只适用于文本字段' }
    return typeof value === 'string' || typeof value === 'number' ? null : { en: 'needs a piece of text', zh: '需要一段文本' }
  }
  if (LIST_OPERATORS.has(operator)) {
    const items = typeof value === 'string' ? value.split(',') : typeof value === 'number' ? [value] : value
    if (!Array.isArray(items) || !items.every(isScalar))
      return { en: 'needs a list of values (or a comma-separated string)', zh: '需要一组值（或以逗号分隔的字符串）' }
    for (const item of items) {
      const bad = valueProblem(payload, target, item)
      if (bad) return { en: `has an item that ${bad.en}`, zh: `中有一项${bad.zh}` }
    }
    return null
  }
  if (!isScalar(value))
    return {
      en: 'needs a single value (text, a number, true/false or null), not an object or a list',
      zh: '只能是单个值（文本、数字、true/false 或 null），不能是对象或列表',
    }
  if (value === null || value === 'null') return null
  if (operator === 'contains' && !TEXT_TYPES.has(type) && !(target.kind === 'field' && 'hasMany' in target.field && target.field.hasMany)) {
    return { en: `works only on text or multi-value fields, not ${type}`, zh: '只适用于文本或多值字段' }
  }
  return valueProblem(payload, target, value)
}

/** Whether one compared value fits the field it is compared with. */
function valueProblem(payload: Payload, target: Target, value: unknown): { en: string; zh: string } | null {
  if (value === null || value === 'null') return null
  if (target.kind === 'id') {
    return isValidId(payload, target.collection, value)
      ? null
      : { en: `is not a valid id (${idIsNumber(payload, target.collection) ? 'a whole number' : 'text'})`, zh: '不是有效的 id' }
  }
  const field = target.field
  switch (field.type) {
    case 'date':
      return (typeof value === 'string' || typeof value === 'number' || value instanceof Date) &&
        value !== '' &&
        !Number.isNaN(new Date(value).getTime())
        ? null
        : {
            en: `is not a date: ${JSON.stringify(value)} (use ISO 8601, e.g. 2026-12-05)`,
            zh: '不是有效日期（请用 ISO 8601 格式，如 2026-12-05）',
          }
    case 'number':
      return value !== '' && typeof value !== 'boolean' && Number.isFinite(Number(value))
        ? null
        : { en: `is not a number: ${JSON.stringify(value)}`, zh: '不是数字' }
    case 'checkbox':
      return value === true || value === false || value === 'true' || value === 'false'
        ? null
        : { en: 'is not true or false', zh: '不是 true 或 false' }
    case 'select':
    case 'radio': {
      const options = field.options.map((o) => (typeof o === 'string' ? o : o.value))
      return typeof value === 'string' && options.includes(value)
        ? null
        : { en: `is not one of ${options.join(', ')}`, zh: `不是以下之一：${options.join('、')}` }
    }
    case 'relationship':
    case 'upload':
      if (typeof field.relationTo !== 'string') return null
      return isValidId(payload, field.relationTo, value)
        ? null
        : { en: `is not a valid ${field.relationTo} id`, zh: `不是有效的 ${field.relationTo} id` }
    default:
      return typeof value === 'string' || typeof value === 'number' ? null : { en: 'is not text', zh: '不是文本' }
  }
}

/** `sort`: field paths (a leading `-` for descending), as a comma-separated string or a list. */
export function sortProblems(payload: Payload, collection: string, sort: unknown): Problem[] {
  if (sort === undefined) return []
  const items = typeof sort === 'string' ? sort.split(',') : sort
  if (!Array.isArray(items) || !items.every((s) => typeof s === 'string')) {
    return [problem('sort', 'must be field names, e.g. -publishedAt,title', 'sort 应为字段名，如 -publishedAt,title')]
  }
  const problems: Problem[] = []
  for (const raw of items) {
    const path = raw.trim().replace(/^-/, '')
    if (!path) continue
    if (!/^[\w.]+$/.test(path) || !resolvePath(payload, collection, path)) {
      problems.push(problem('sort', `cannot sort by "${path}": no such field`, `不能按“${path}”排序：没有这个字段`))
    }
  }
  return problems
}

/** `page`, `limit` and `depth`: whole numbers in range (Payload drops what is not a number, SQL fails on the rest). */
export function paginationProblems(params: { page?: unknown; limit?: unknown; depth?: unknown }): Problem[] {
  const problems: Problem[] = []
  const check = (name: 'page' | 'limit' | 'depth', min: number, max: number) => {
    const value = params[name]
    if (value === undefined || value === null || value === '') return
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : NaN
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(
        problem(
          name,
          `must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)?.slice(0, 40)}`,
          `${name} 应为 ${min} 到 ${max} 之间的整数`,
        ),
      )
    }
  }
  check('page', 1, MAX_PAGE)
  check('limit', 0, MAX_LIMIT)
  check('depth', 0, MAX_DEPTH)
  return problems
}
