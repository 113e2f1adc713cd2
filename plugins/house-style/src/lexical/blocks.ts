/**
 * Lexical ⇄ house-style blocks. Rules read plain blocks (heading / paragraph / image); fixes come back as
 * text edits on block offsets, which are mapped onto the Lexical text nodes they touch, keeping formatting.
 */
import type { Block, TextEdit } from '../types'

export interface LexicalNode {
  type: string
  text?: string
  children?: LexicalNode[]
  [key: string]: unknown
}

export interface LexicalDocument {
  root: LexicalNode & { children: LexicalNode[] }
}

/** A fresh Lexical node id (Web Crypto: this module also runs in the admin, to quote findings). */
const nodeId = () => Array.from(globalThis.crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('')

/** A text node inside one block, with where its text sits in the block's text. */
interface TextSpan {
  node: LexicalNode
  start: number
  end: number
}

interface BlockView {
  block: Block
  spans: TextSpan[]
  /** The Lexical node the block was read from (paragraph, heading, quote, list item or upload). */
  node: LexicalNode
}

const TEXT_CONTAINERS = new Set(['paragraph', 'heading', 'quote', 'listitem'])

function collectSpans(node: LexicalNode, spans: TextSpan[], offset: { value: number }): void {
  if (node.type === 'text' && typeof node.text === 'string') {
    spans.push({ node, start: offset.value, end: offset.value + node.text.length })
    offset.value += node.text.length
    return
  }
  if (node.type === 'linebreak') {
    offset.value += 1 // stands as '\n' in the block text, never edited
    return
  }
  for (const child of node.children ?? []) collectSpans(child, spans, offset)
}

/** The block's text, with line breaks as '\n' so offsets line up with collectSpans. */
function textOf(node: LexicalNode): string {
  let text = ''
  const walk = (n: LexicalNode) => {
    if (n.type === 'text' && typeof n.text === 'string') text += n.text
    else if (n.type === 'linebreak') text += '\n'
    else for (const c of n.children ?? []) walk(c)
  }
  walk(node)
  return text
}

/** Flatten a document into blocks, keeping the text-node spans for mapping edits back. */
export function viewBlocks(doc: LexicalDocument | null | undefined): BlockView[] {
  const views: BlockView[] = []
  const visit = (node: LexicalNode) => {
    if (node.type === 'upload') {
      const value = node.value as { id?: unknown; url?: string; alt?: string } | string | number | undefined
      const src = typeof value === 'object' && value ? String(value.url ?? value.id ?? '') : String(value ?? '')
      const media = typeof value === 'object' && value ? value.id : value
      const block: Block = { type: 'image', src, alt: typeof value === 'object' && value ? value.alt : undefined }
      if (media !== undefined && media !== null && media !== '') block.media = String(media)
      views.push({ block, spans: [], node })
      return
    }
    if (node.type === 'list') {
      for (const item of node.children ?? []) visit(item)
      return
    }
    if (TEXT_CONTAINERS.has(node.type)) {
      const spans: TextSpan[] = []
      collectSpans(node, spans, { value: 0 })
      const text = textOf(node)
      views.push({ block: { type: node.type === 'heading' ? 'heading' : 'paragraph', text }, spans, node })
      return
    }
    for (const child of node.children ?? []) visit(child)
  }
  for (const child of doc?.root?.children ?? []) visit(child)
  return views
}

export const lexicalToBlocks = (doc: LexicalDocument | null | undefined): Block[] => viewBlocks(doc).map((v) => v.block)

/**
 * Apply body edits to a copy of the document. An edit inside one text node changes just that node; an edit
 * that spans nodes puts the replacement in the first and trims the others, so no text is lost or doubled.
 * A block the edits leave blank (a credit line on a paragraph of its own) is removed, as applyFixes removes
 * it from the plain blocks, so block indexes keep meaning the same thing on both sides.
 */
export function applyBodyEdits(doc: LexicalDocument, edits: TextEdit[]): LexicalDocument {
  const copy = structuredClone(doc)
  const views = viewBlocks(copy)
  const byBlock = new Map<number, TextEdit[]>()
  for (const edit of edits) {
    if (edit.field !== 'body' || edit.block == null) continue
    byBlock.set(edit.block, [...(byBlock.get(edit.block) ?? []), edit])
  }
  const emptied = new Set<LexicalNode>()
  for (const [index, blockEdits] of byBlock) {
    const view = views[index]
    if (!view || view.block.type === 'image') continue
    // Right to left, so earlier offsets stay valid.
    for (const edit of [...blockEdits].sort((a, b) => b.start - a.start)) {
      const touched = view.spans.filter(
        (s) => (s.end > edit.start && s.start < edit.end) || (edit.start === edit.end && s.start <= edit.start && s.end >= edit.start),
      )
      if (!touched.length) continue
      touched.forEach((span, i) => {
        const text = span.node.text ?? ''
        const from = Math.max(0, edit.start - span.start)
        const to = Math.min(text.length, edit.end - span.start)
        span.node.text = text.slice(0, from) + (i === 0 ? edit.text : '') + text.slice(to)
      })
    }
    if (!textOf(view.node).trim()) emptied.add(view.node)
  }
  if (emptied.size) prune(copy.root, emptied)
  return copy
}

/** Remove the emptied blocks, and a list left with no items. */
function prune(node: LexicalNode, emptied: Set<LexicalNode>): void {
  if (!node.children) return
  node.children = node.children.filter((child) => {
    if (emptied.has(child)) return false
    prune(child, emptied)
    return !(child.type === 'list' && !child.children?.length)
  })
}

const textNode = (text: string): LexicalNode => ({ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 })

const element = (type: string, children: LexicalNode[], extra: Record<string, unknown> = {}): LexicalNode => ({
  type,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra,
})

/** Build a Lexical document from blocks (imports and the seed). Images need a media id to become uploads. */
export function blocksToLexical(
  blocks: Block[],
  mediaIdFor: (src: string) => string | number | undefined = () => undefined,
): LexicalDocument {
  const children: LexicalNode[] = []
  for (const block of blocks) {
    if (block.type === 'image') {
      const id = mediaIdFor(block.src)
      // Upload nodes carry an id of their own (Lexical needs one per node with sub-fields) besides the media id.
      if (id !== undefined)
        children.push({ type: 'upload', id: nodeId(), relationTo: 'media', value: id, fields: {}, format: '', version: 3 })
      continue
    }
    const inline = block.text ? [textNode(block.text)] : []
    children.push(
      block.type === 'heading' ? element('heading', inline, { tag: 'h2' }) : element('paragraph', inline, { textFormat: 0, textStyle: '' }),
    )
  }
  return { root: element('root', children) as LexicalDocument['root'] }
}
