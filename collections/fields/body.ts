/**
 * The story body: a Lexical rich-text field. Malformed JSON (not a Lexical document) is refused with an error
 * that names the field, before Lexical's own node validation runs.
 */
import type { Field, RichTextField } from 'payload'

import { getEnabledNodes, type LexicalRichTextAdapter } from '@payloadcms/richtext-lexical'
import { ValidationError } from 'payload'

import { label } from '../labels'

/** Largest body we accept, in bytes of JSON: a long investigation is ~200 KB; 2 MB leaves ample headroom. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024

/** The node types this field's editor knows (paragraph, heading, list, upload, …), read once from its config. */
const knownTypesByEditor = new WeakMap<object, Set<string>>()
function knownNodeTypes(field: unknown): Set<string> | undefined {
  const editor = (field as { editor?: LexicalRichTextAdapter } | undefined)?.editor
  if (!editor?.editorConfig) return undefined
  let types = knownTypesByEditor.get(editor)
  if (!types) {
    // Lexical's own nodes, which no feature registers; then every node the enabled features bring.
    types = new Set(['root', 'paragraph', 'text', 'linebreak', 'tab'])
    for (const node of getEnabledNodes({ editorConfig: editor.editorConfig })) {
      const klass = 'replace' in node ? node.replace : node
      types.add(klass.getType())
    }
    knownTypesByEditor.set(editor, types)
  }
  return types
}

export function lexicalShapeProblem(value: unknown, knownTypes?: Set<string>): string | null {
  if (value == null) return null
  if (typeof value !== 'object' || Array.isArray(value)) return 'must be a Lexical document object with a "root" node'
  const root = (value as { root?: unknown }).root
  if (!root || typeof root !== 'object') return 'is missing its "root" node'
  const { type, children } = root as { type?: unknown; children?: unknown }
  if (type !== 'root') return 'has a root node whose type is not "root"'
  if (!Array.isArray(children)) return 'has a root node without a "children" array'
  const stack: unknown[] = [...children]
  while (stack.length) {
    const node = stack.pop()
    if (!node || typeof node !== 'object' || typeof (node as { type?: unknown }).type !== 'string') {
      return 'contains a node without a "type"'
    }
    // A node the editor cannot load would save, then break the admin and the renderer.
    if (knownTypes && !knownTypes.has((node as { type: string }).type))
      return `contains an unknown node type "${(node as { type: string }).type.slice(0, 40)}"`
    const nested = (node as { children?: unknown }).children
    if (nested !== undefined) {
      if (!Array.isArray(nested)) return `contains a "${(node as { type: string }).type}" node whose "children" is not an array`
      stack.push(...nested)
    }
    const text = (node as { text?: unknown }).text
    if ((node as { type: string }).type === 'text' && typeof text !== 'string') return 'contains a text node without text'
  }
  if (JSON.stringify(value).length > MAX_BODY_BYTES) return `is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`
  return null
}

export const bodyField: Field = {
  name: 'body',
  type: 'richText',
  label: label('正文', 'Body'),
  hooks: {
    // Runs before Lexical's own validation, which assumes a well-formed document.
    beforeValidate: [
      ({ value, collection, field, req }) => {
        const problem = lexicalShapeProblem(value, knownNodeTypes(field))
        if (problem) {
          throw new ValidationError(
            {
              collection: collection?.slug,
              errors: [
                { path: 'body', label: { zh: '正文', en: 'Body' }, message: `body ${problem} / 正文不是有效的富文本文档：${problem}` },
              ],
              req,
            },
            req.t,
          )
        }
        return value
      },
    ],
  },
} satisfies RichTextField
