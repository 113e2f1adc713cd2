/** Lexical ⇄ blocks: what the rules read from a stored body, and fixes mapped back onto it. */
import { describe, expect, it } from 'vitest'

import { applyBodyEdits, blocksToLexical, lexicalToBlocks, type LexicalNode } from '../../../plugins/house-style/src/lexical/blocks'

const text = (value: string, format = 0): LexicalNode => ({
  type: 'text',
  text: value,
  format,
  style: '',
  mode: 'normal',
  detail: 0,
  version: 1,
})

describe('lexicalToBlocks', () => {
  it('reads headings, paragraphs, list items and pictures in order, line breaks as \\n', () => {
    const doc = blocksToLexical(
      [
        { type: 'heading', text: '抓班子 强组织' },
        { type: 'paragraph', text: '第一段' },
        { type: 'image', src: 'x' },
      ],
      () => 5,
    )
    doc.root.children.push({
      type: 'list',
      children: [{ type: 'listitem', children: [text('一、'), { type: 'linebreak' }, text('二、')] }],
    })
    expect(lexicalToBlocks(doc)).toEqual([
      { type: 'heading', text: '抓班子 强组织' },
      { type: 'paragraph', text: '第一段' },
      { type: 'image', src: '5', alt: undefined, media: '5' },
      { type: 'paragraph', text: '一、\n二、' },
    ])
  })
})

describe('applyBodyEdits', () => {
  it('edits inside one text node, across nodes (keeping the others’ formatting), and leaves the input untouched', () => {
    const doc = blocksToLexical([{ type: 'paragraph', text: '' }])
    doc.root.children[0].children = [text('兴仁县,'), text('加粗', 1), text('强(qiáng)措施')]
    const before = JSON.stringify(doc)
    const fixed = applyBodyEdits(doc, [
      { field: 'body', block: 0, start: 3, end: 4, text: '，' },
      { field: 'body', block: 0, start: 7, end: 14, text: '' },
    ])
    expect(fixed.root.children[0].children!.map((n) => [n.text, n.format])).toEqual([
      ['兴仁县，', 0],
      ['加粗', 1],
      ['强措施', 0],
    ])
    expect(JSON.stringify(doc)).toBe(before)
    // An edit spanning two nodes: the replacement goes in the first, the rest is trimmed.
    const spanning = applyBodyEdits(doc, [{ field: 'body', block: 0, start: 2, end: 5, text: 'X' }])
    expect(spanning.root.children[0].children!.map((n) => n.text)).toEqual(['兴仁X', '粗', '强(qiáng)措施'])
  })

  it('removes a block the edits leave blank, as applyFixes does, and a list left empty', () => {
    const doc = blocksToLexical([
      { type: 'paragraph', text: '正文。' },
      { type: 'paragraph', text: '（丁宪民 报道）' },
    ])
    doc.root.children.push({ type: 'list', children: [{ type: 'listitem', children: [text('本报记者 王五')] }] })
    const fixed = applyBodyEdits(doc, [
      { field: 'body', block: 1, start: 0, end: 8, text: '' },
      { field: 'body', block: 2, start: 0, end: 7, text: '' },
    ])
    expect(lexicalToBlocks(fixed)).toEqual([{ type: 'paragraph', text: '正文。' }])
    expect(fixed.root.children).toHaveLength(1)
  })

  it('ignores edits for the headline, for pictures and for blocks that do not exist', () => {
    const doc = blocksToLexical(
      [
        { type: 'paragraph', text: '正文' },
        { type: 'image', src: 'x' },
      ],
      () => 1,
    )
    const fixed = applyBodyEdits(doc, [
      { field: 'title', start: 0, end: 1, text: 'X' },
      { field: 'body', block: 1, start: 0, end: 0, text: 'X' },
      { field: 'body', block: 9, start: 0, end: 1, text: 'X' },
    ])
    expect(fixed).toEqual(doc)
  })
})
