/**
 * A document's data checked against its collection's fields before Payload's own hooks run: each field gets a
 * value of its kind (text, a number, a date, one of the options, an existing-looking id, an object for a group,
 * a list of objects for an array). Payload's hooks and the SQL adapters assume these shapes: `"dateline": null`
 * or `"tags": [{}]` reached them as a TypeError or a SQL error (500), `"_status": "junk"` as a PostgreSQL enum
 * error, `"tags": 5` was silently dropped. Unknown keys are left to Payload (it ignores them).
 */
import type { FlattenedField, Payload } from 'payload'

import { isValidId } from './ids'
import { isPlainObject, problem, zhName, type Problem } from './problems'

const TEXT_TYPES = new Set(['text', 'textarea', 'email', 'code'])

/** A short rendering of a refused value for the message. */
const shown = (value: unknown) => (typeof value === 'object' && value !== null ? kindOf(value) : JSON.stringify(value).slice(0, 40))

const kindOf = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value

export function dataProblems(payload: Payload, fields: FlattenedField[], data: Record<string, unknown>, prefix = ''): Problem[] {
  const problems: Problem[] = []
  for (const field of fields) {
    if (!('name' in field) || !(field.name in data)) continue
    const value = data[field.name]
    if (value === undefined) continue
    const path = `${prefix}${field.name}`
    const name = zhName(field, path)
    const refuse = (en: string, zh: string) => problems.push(problem(path, `${en}, not ${kindOf(value)}`, `${name}${zh}`))
    switch (field.type) {
      case 'group':
      case 'tab':
        if (!isPlainObject(value)) refuse('must be an object of its fields', '应为包含各子字段的对象')
        else problems.push(...dataProblems(payload, field.flattenedFields, value, `${path}.`))
        break
      case 'array':
        if (value === null) break
        if (!Array.isArray(value) || !value.every(isPlainObject)) refuse('must be a list of rows (objects)', '应为由对象组成的列表')
        else value.forEach((row, i) => problems.push(...dataProblems(payload, field.flattenedFields, row, `${path}.${i}.`)))
        break
      case 'blocks':
        if (value === null) break
        if (!Array.isArray(value) || !value.every((b) => isPlainObject(b) && typeof b.blockType === 'string'))
          refuse('must be a list of blocks with a blockType', '应为带 blockType 的区块列表')
        break
      default: {
        const one = (v: unknown) => singleValueProblem(payload, field, v)
        if ('hasMany' in field && field.hasMany) {
          if (value === null) break
          if (!Array.isArray(value)) refuse('must be a list', '应为列表')
          else {
            const bad = value.map(one).find(Boolean)
            if (bad) problems.push(problem(path, `every item ${bad.en}`, `${name}的每一项都${bad.zh}`))
          }
        } else {
          const bad = one(value)
          if (bad) problems.push(problem(path, `${bad.en}, not ${shown(value)}`, `${name}${bad.zh}`))
        }
      }
    }
  }
  return problems
}

/** What is wrong with one value of a field that holds a single value (or one item of a hasMany field). */
function singleValueProblem(payload: Payload, field: FlattenedField, value: unknown): { en: string; zh: string } | null {
  if (value === null) return null
  if (TEXT_TYPES.has(field.type)) return typeof value === 'string' ? null : { en: 'must be text', zh: '应为文本' }
  switch (field.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : { en: 'must be a number', zh: '应为数字' }
    case 'checkbox':
      return typeof value === 'boolean' ? null : { en: 'must be true or false', zh: '应为 true 或 false' }
    case 'date':
      return (typeof value === 'string' || typeof value === 'number' || value instanceof Date) && !Number.isNaN(new Date(value).getTime())
        ? null
        : { en: 'must be a date (ISO 8601, e.g. 2026-12-05T08:00:00Z)', zh: '应为日期（ISO 8601 格式，如 2026-12-05T08:00:00Z）' }
    case 'select':
    case 'radio': {
      const options = field.options.map((o) => (typeof o === 'string' ? o : o.value))
      return typeof value === 'string' && options.includes(value)
        ? null
        : { en: `must be one of ${options.join(', ')}`, zh: `应为以下之一：${options.join('、')}` }
    }
    case 'relationship':
    case 'upload': {
      if (typeof field.relationTo !== 'string') {
        // Polymorphic: { relationTo, value }.
        const ok =
          isPlainObject(value) &&
          typeof value.relationTo === 'string' &&
          (field.relationTo as string[]).includes(value.relationTo) &&
          isValidId(payload, value.relationTo, value.value)
        return ok
          ? null
          : {
              en: `must be { relationTo, value } naming one of ${field.relationTo.join(', ')}`,
              zh: '应为 { relationTo, value } 形式的关联',
            }
      }
      // An id, or a populated document carrying its id (what a read returned, sent back).
      const id = isPlainObject(value) ? value.id : value
      return isValidId(payload, field.relationTo, id)
        ? null
        : { en: `must be the id of a ${field.relationTo} document`, zh: `应为 ${field.relationTo} 文档的 id` }
    }
    case 'richText':
      return isPlainObject(value)
        ? null
        : { en: 'must be a rich-text document (an object with a "root" node)', zh: '应为富文本文档（含 root 节点的对象）' }
    case 'point':
      return Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n))
        ? null
        : { en: 'must be [longitude, latitude]', zh: '应为 [经度, 纬度]' }
    default:
      return null
  }
}
