'use client'
/**
 * A click on a finding takes the reporter to the words: the headline or dek input gets them selected; in the
 * Lexical body the paragraph scrolls into view and the words are selected and highlighted (the CSS Custom
 * Highlight API, so Lexical's own DOM is never touched). Block indexes follow house-style's block order
 * (lexical/blocks.ts: paragraphs, headings, quotes, each list item, each image), which is the order of the
 * editor's top-level elements with lists opened into their items.
 */
import type { Finding } from '../types'

export const HIGHLIGHT = 'nr-finding'

type HighlightRegistry = { set(name: string, value: unknown): void; delete(name: string): void }
type HighlightCtor = new (...ranges: Range[]) => unknown

function highlight(range: Range) {
  const registry = (globalThis.CSS as unknown as { highlights?: HighlightRegistry })?.highlights
  const Highlight = (globalThis as unknown as { Highlight?: HighlightCtor }).Highlight
  if (registry && Highlight) registry.set(HIGHLIGHT, new Highlight(range))
}

export function clearHighlight() {
  ;(globalThis.CSS as unknown as { highlights?: HighlightRegistry })?.highlights?.delete(HIGHLIGHT)
}

/** The editor's blocks in house-style's order. */
function blockElements(root: HTMLElement): HTMLElement[] {
  const blocks: HTMLElement[] = []
  for (const child of Array.from(root.children) as HTMLElement[]) {
    if (child.tagName === 'UL' || child.tagName === 'OL')
      blocks.push(...(Array.from(child.querySelectorAll(':scope > li')) as HTMLElement[]))
    else blocks.push(child)
  }
  return blocks
}

/** A DOM range over [start, end) of a block's text, counting a <br> as one character (Lexical's line break). */
function rangeIn(block: HTMLElement, start: number, end: number): Range | null {
  const range = document.createRange()
  let offset = 0
  let started = false
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      if ((node as Element).tagName === 'BR') offset += 1
      continue
    }
    const length = node.textContent?.length ?? 0
    if (!started && start <= offset + length) {
      range.setStart(node, Math.max(0, start - offset))
      started = true
    }
    if (started && end <= offset + length) {
      range.setEnd(node, Math.max(0, end - offset))
      return range
    }
    offset += length
  }
  return started ? range : null
}

function selectInput(selector: string, finding: Finding): boolean {
  const input = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)
  if (!input) return false
  input.scrollIntoView({ block: 'center' })
  input.focus()
  const { start, end } = finding.location
  if (start != null && end != null) input.setSelectionRange(start, end)
  return true
}

/** Go to the finding's words; true when they were found on the page. */
export function jumpToFinding(finding: Finding): boolean {
  clearHighlight()
  const { block, start, end } = finding.location
  // A string: realcopy's rules add fields (the dek) over time.
  const field: string = finding.location.field
  if (field === 'title') return selectInput('input[name="title"]', finding)
  if (field === 'dek') return selectInput('textarea[name="dek"], #field-dek', finding)
  if (field !== 'body') {
    const target = document.querySelector<HTMLElement>(`#field-${field}, [id^="field-${field}"]`)
    target?.scrollIntoView({ block: 'center' })
    return Boolean(target)
  }
  const root = document.querySelector<HTMLElement>('.rich-text-lexical [data-lexical-editor="true"], [data-lexical-editor="true"]')
  const element = root && block != null ? blockElements(root)[block] : null
  if (!element) return false
  element.scrollIntoView({ block: 'center' })
  const range = start != null && end != null ? rangeIn(element, start, Math.max(end, start + 1)) : null
  if (range) {
    highlight(range)
    const selection = window.getSelection()
    selection?.removeAllRanges()
    selection?.addRange(range)
  }
  return true
}
