/**
 * IPTC's own NINJS JSON Schemas (vendored in tests/fixtures/schemas/ninjs, see its README) compiled with ajv,
 * the validator a receiver would use: draft 2020-12 for 2.x, draft-07 for 1.x, formats checked.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import Ajv2020 from 'ajv/dist/2020.js'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import type { ValidateFunction } from 'ajv'

const dir = path.resolve(__dirname, '../fixtures/schemas/ninjs')
const load = (file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>

let compiled: Record<string, ValidateFunction> | null = null

export function ninjsValidators(): Record<string, ValidateFunction> {
  if (compiled) return compiled
  const ajv2 = new Ajv2020({ allErrors: true, strict: false })
  addFormats(ajv2)
  ajv2.addSchema(load('GeoJSON-schema.json'))
  const ajv1 = new Ajv({ allErrors: true, strict: false })
  addFormats(ajv1)
  compiled = {
    '2.1': ajv2.compile(load('ninjs-schema_2.1.json')),
    '2.2': ajv2.compile(load('ninjs-schema_2.2.json')),
    '1.6': ajv1.compile(load('ninjs-schema_1.6.json')),
  }
  return compiled
}

/** The version a document declares (`standard` in 2.x, `$standard` in 1.x), or undefined. */
export function declaredNinjsVersion(doc: unknown): string | undefined {
  const d = doc as { standard?: { version?: string }; $standard?: { version?: string } } | null
  return d?.standard?.version ?? d?.$standard?.version
}

/**
 * Schema errors of `doc` against the official schema of the version it declares ([] when valid). A document
 * that declares no version, or one we have no schema for, is an error in itself.
 */
export function ninjsErrors(doc: unknown, version = declaredNinjsVersion(doc)): string[] {
  if (!version) return ['the document declares no ninjs version (standard.version / $standard.version)']
  const validate = ninjsValidators()[version]
  if (!validate) return [`no vendored schema for ninjs ${version}`]
  if (validate(doc)) return []
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`)
}
