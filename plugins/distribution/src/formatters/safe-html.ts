/**
 * The last sanitising pass before story HTML leaves the building (feeds, NINJS).
 *
 * The renderer already sanitised it at publish time; this pass exists because outputs are read by software
 * we do not control and stored HTML can outlive the code that produced it: no script, no event handlers,
 * no javascript: URLs, nothing XML forbids — whatever the input. It applies house-style's allowlist, the one
 * the renderer uses, so what a story may contain is defined once.
 */
import { escapeHtml, sanitizeStoryHtml } from '../../../house-style'

export { escapeHtml }

/** Characters XML 1.0 forbids (C0 controls except tab/LF/CR, U+FFFE/U+FFFF, lone surrogates). */
const XML_INVALID =
  // eslint-disable-next-line no-control-regex -- these control characters are exactly what XML forbids
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, '')
}

export function safeStoryHtml(html: string): string {
  return xmlSafe(sanitizeStoryHtml(html))
}

/** JSON that is also safe inside HTML and <script>: `<`, `>`, `&`, U+2028/9 as \u escapes (same value). */
export function safeJsonStringify(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
