/**
 * parseStory: a legacy story (plain text or markdown, one paragraph per line) to a title, a dateline,
 * credits and body blocks, with the dateline and credit lines taken out of the body.
 *
 * Only the head (leading byline lines, the first paragraph) and the tail (the last paragraphs) are
 * examined closely: that is where datelines and credits live, and it keeps parsing long stories fast.
 */
import type { Block, Credit, DatelineKind, Script } from '../types'
import { stripPinyinArtifacts } from '../text/pinyin-artifact'
import { detectScript } from '../text/script'
import { imageBlock, looksLikeHeading, markdownHeading, mayBeHeading } from './blocks'
import { CLOSE_CLASS, INSIDE_CLASS, OPEN_CLASS, closingBracket } from './brackets'
import { scanCredits, type CreditSpan } from './credits'
import { findDateline, type DatelineMatch } from './dateline'
import { isAffiliationLine, parseEnglishByline, parseReutersCredits } from './english-credits'
import { viewLine, type LineView } from './line-view'

export interface ParsedDateline {
  /** As written in the source, pinyin artifacts removed, script unchanged, credits excluded. */
  text: string
  outlet: string | null
  place: string | null
  /** 'MM-DD' (month and day written), 'YYYY-MM-DD' (year written), or null (day only, or no date). */
  date: string | null
  kind: DatelineKind
}

export interface ParsedStory {
  title: string
  dateline: ParsedDateline | null
  credits: Credit[]
  bylinePosition: 'start' | 'end' | 'none'
  script: Script
  body: Block[]
}

export interface ParseOptions {
  /** The text has no title line: every line is body. */
  bodyOnly?: boolean
  /** Also remove pinyin artifacts from body text (by default the body keeps them for the lint rule to report and fix). */
  stripArtifacts?: boolean
}

interface Line {
  /** Current text; the dateline and credits are cut from it. */
  text: string
  image: Block | null
  removed: boolean
  view?: LineView
}

/** After a cut: spaces and the separators between a dateline or credit and the lede. */
const LEADING_SEPARATORS = /^[\s：:，,—–\-|｜]+/
/** Decorations some papers put before a byline: ■本报记者 张三. */
const DECORATION = /^[■□●○◆◇▲△★☆◎※▶►]+\s*/
/** Taiwanese papers name themselves before the byline: `联合报／ 记者雷光涵／即时报导`. */
const OUTLET_SLASH = /^[\u4e00-\u9fff]{1,8}(?:报|网|社|台|新闻)\s*[／/]\s*(?=\S*记者)/
/** Portals' editor codes after the name: `责任编辑：刘光博 SF183`. */
const EDITOR_CODE = /\s+[A-Z]{1,4}\d{2,6}$/
/** A whole line in brackets, possibly followed by CNA's filing code: `（編輯：林興盟）1121105`. */
const BRACKETED_LINE = new RegExp(`^${OPEN_CLASS}(${INSIDE_CLASS}+)${CLOSE_CLASS}\\s*(?:\\d{6,10})?$`)
/** The credit bracket closing the last paragraph: `…支部。(丁憲民 報道)`. */
const TRAILING_BRACKET = new RegExp(`${OPEN_CLASS}(${INSIDE_CLASS}{1,80})${CLOSE_CLASS}\\s*(?:\\d{6,10})?\\s*$`)
/** Lines that may follow the credits at the end without being credits: (完), 来源：… */
const TRAILER = /^(?:[（(【[]?(?:完|全文完|END)[）)】\]]?|(?:来源|稿源|原标题|本文来源|图片来源|图源|文章来源)[:：].*)$/i
/** Lines that may stand before the dateline paragraph: 【编者按】…, 核心提示：… */
const EDITORS_NOTE = /^[【[]?(?:编者按|编者的话|核心提示|导读|摘要|提要|阅读提示)/
/** A paragraph opening with an outlet's reporter: 本报记者, 新华社记者, 澎湃新闻记者. */
const OPENING_BYLINE = /^(?:本[报台网刊]|\S{1,8}?(?:报|网|社|台|新闻))(?:首席|特派|特约|实习|见习)?记者/
/** Page furniture scraped with the story: 来源：…, 发布时间：…, 2012-11-26 10:30. */
const META_LINE = /^(?:(?:来源|稿源|发布时间|发布日期|时间|日期|浏览次数|点击数?|字号)[:：]|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$)/
/** Wire features restate their title after the dateline: `新华社北京10月17日电 题：…`. */
const TITLE_MARKER = /^[题題]\s*[:：]/
const HEAD_LINES = 4
const TRAILING_LINES = 8
const SCRIPT_SAMPLE = 600

class StoryParser {
  readonly credits: Credit[] = []
  private startCredits = 0
  private endCredits = 0
  dateline: ParsedDateline | null = null

  constructor(readonly lines: Line[]) {}

  private view(index: number): LineView {
    const line = this.lines[index]
    return (line.view ??= viewLine(line.text))
  }

  private setText(index: number, text: string): void {
    const line = this.lines[index]
    line.text = text
    line.view = undefined
    if (!text) line.removed = true
  }

  private add(credits: Credit[], where: 'start' | 'end' | 'caption'): void {
    for (const credit of credits) {
      if (!credit.name || this.credits.some((c) => c.name === credit.name && c.role === credit.role)) continue
      this.credits.push(credit)
      if (where === 'start') this.startCredits++
      else if (where === 'end') this.endCredits++
    }
  }

  private fromSpans(view: LineView, spans: CreditSpan[]): Credit[] {
    return spans.map((s) => ({ name: view.clean.slice(s.start, s.end).trim(), role: s.role }))
  }

  /** The line is nothing but a credit: `本报记者 张三`, `（丁宪民 报道）`, `张三 摄`, `By Jane Doe`, `(Reporting by …)`. */
  private wholeLineCredit(index: number): Credit[] | null {
    if (this.lines[index].text.length > 160) return null
    const view = this.view(index)
    const english = parseEnglishByline(view.clean) ?? parseReutersCredits(view.clean)
    if (english) return english
    const decoration = (DECORATION.exec(view.match)?.[0].length ?? 0) || (OUTLET_SLASH.exec(view.match)?.[0].length ?? 0)
    const code = EDITOR_CODE.exec(view.match)?.index ?? view.match.length
    const bracketed = BRACKETED_LINE.exec(view.match.slice(decoration))
    const [from, to] = bracketed ? [decoration + 1, decoration + 1 + bracketed[1].length] : [decoration, code]
    // No default role: every name needs a role word, so headings such as 抓班子 强组织 are not credits.
    const scan = scanCredits(view.match, from, to, { mode: 'bounded', defaultRole: null })
    return scan && this.fromSpans(view, scan.credits)
  }

  private next(index: number): number {
    while (index < this.lines.length && (this.lines[index].removed || this.lines[index].image)) index++
    return index
  }

  /** Byline lines above the first paragraph, then the dateline and the credit that follows it. */
  parseHead(): number {
    let index = this.next(0)
    let found: DatelineMatch | null = null
    // Up to a few lines may stand before the dateline paragraph: byline lines (taken as credits),
    // a subtitle (——记…), a photo caption, an editor's note, a scraped 来源/发布时间 line (left in the body).
    for (let n = 0; n < HEAD_LINES && index < this.lines.length; n++) {
      const credits = this.wholeLineCredit(index)
      // A photo credit under a lead image is a caption, not the story's byline (parseCaptions takes it).
      if (credits && !(this.underImage(index) && credits.every((c) => c.role === 'photographer'))) {
        this.add(credits, 'start')
        this.setText(index, '')
        index = this.next(index)
        // `By JANE DOE` is often followed by a line naming the agency.
        if (index < this.lines.length && isAffiliationLine(this.lines[index].text)) {
          this.setText(index, '')
          index = this.next(index)
        }
        continue
      }
      found = findDateline(this.view(index))
      if (found || !this.mayPrecedeDateline(index)) break
      index = this.next(index + 1)
    }
    if (index >= this.lines.length) return -1
    const view = this.view(index)
    if (!found) return this.creditOpeningParagraph(index) ? index : -1
    const { credits, end, ...dateline } = found
    this.dateline = dateline
    this.add(this.fromSpans(view, credits), 'start')
    const after = this.creditAfterDateline(view, end)
    if (after) this.add(this.fromSpans(view, after.credits), 'start')
    const rest = view.original.slice(view.toOriginal(after ? after.end : end)).replace(LEADING_SEPARATORS, '')
    this.setText(index, rest)
    if (!rest || TITLE_MARKER.test(rest)) {
      // The dateline stood on its own line, or only a restated title (题：…) follows it: the credit may be the next line.
      const nextIndex = this.next(index + 1)
      const credits = nextIndex < this.lines.length ? this.wholeLineCredit(nextIndex) : null
      if (credits) {
        this.add(credits, 'start')
        this.setText(nextIndex, '')
      }
    }
    return index
  }

  private underImage(index: number): boolean {
    return index > 0 && this.lines[index - 1].image !== null
  }

  private mayPrecedeDateline(index: number): boolean {
    const view = this.view(index)
    const caption = this.underImage(index) && view.clean.length <= 80
    return caption || looksLikeHeading(view.clean) || EDITORS_NOTE.test(view.match) || META_LINE.test(view.match)
  }

  /**
   * No dateline, but the first paragraph opens with a credit: a bracket (`〔記者張三／台北報導〕今天…`),
   * or an unbracketed byline that is clearly one (`本报记者 张三 李四 近日…`, `记者 张三 报道：…`).
   */
  private creditOpeningParagraph(index: number): boolean {
    const view = this.view(index)
    const { match } = view
    const close = closingBracket(match, 0)
    let end = -1
    let spans: CreditSpan[] = []
    if (close >= 0) {
      const scan = scanCredits(match, 1, close, { mode: 'bounded', defaultRole: null })
      if (scan) [end, spans] = [close + 1, scan.credits]
    } else {
      const scan = scanCredits(match, 0, match.length, { mode: 'lead', defaultRole: null })
      const clear = scan && (OPENING_BYLINE.test(match) || /^\s*[：:]/.test(match.slice(scan.end)) || /报[道导]$/.test(match.slice(0, scan.end)))
      if (scan && clear) [end, spans] = [scan.end, scan.credits]
    }
    if (end < 0) return false
    this.add(this.fromSpans(view, spans), 'start')
    this.setText(index, view.original.slice(view.toOriginal(end)).replace(LEADING_SEPARATORS, ''))
    return true
  }

  /** `（记者 王丽 李平）` (a bare name in brackets is a reporter) or `记者 张三 李四 通讯员 王五` up to the lede. */
  private creditAfterDateline(view: LineView, from: number): { credits: CreditSpan[]; end: number } | null {
    const { match } = view
    let p = from
    while (p < match.length && /\s/.test(match[p])) p++
    const close = closingBracket(match, p)
    if (close >= 0) {
      const scan = scanCredits(match, p + 1, close, { mode: 'bounded', defaultRole: 'reporter' })
      return scan && { credits: scan.credits, end: close + 1 }
    }
    const scan = scanCredits(match, p, match.length, { mode: 'lead', defaultRole: null })
    return scan && { credits: scan.credits, end: scan.end }
  }

  /** Credit lines and a closing credit bracket at the end of the story, above any trailing images. */
  parseTail(headIndex: number): void {
    let budget = TRAILING_LINES
    for (let index = this.lines.length - 1; index >= 0 && budget > 0; index--) {
      const line = this.lines[index]
      if (line.removed || line.image) continue
      budget--
      const view = this.view(index)
      if (TRAILER.test(view.match)) continue
      const whole = index > headIndex ? this.wholeLineCredit(index) : null
      if (whole) {
        this.add(whole, 'end')
        this.setText(index, '')
        continue
      }
      const tail = TRAILING_BRACKET.exec(view.match)
      if (tail) {
        const from = tail.index + 1
        // A closing bracket of bare names, `（李光华 黄智芳 王梦思）`, credits its reporters, as a role word would.
        const scan = scanCredits(view.match, from, from + tail[1].length, { mode: 'bounded', defaultRole: null }) ??
          scanCredits(view.match, from, from + tail[1].length, { mode: 'bounded', defaultRole: 'reporter' })
        const credits = scan ? this.fromSpans(view, scan.credits) : parseReutersCredits(view.clean.slice(tail.index).trim())
        if (credits) {
          this.add(credits, 'end')
          this.setText(index, view.original.slice(0, view.toOriginal(tail.index)).trimEnd())
        }
      }
      return
    }
  }

  /** A photo credit alone on the line under an image (`记者 张三 摄`). */
  parseCaptions(): void {
    for (let index = 1; index < this.lines.length; index++) {
      const line = this.lines[index]
      if (line.removed || line.image || !this.underImage(index) || line.text.length > 40) continue
      const credits = this.wholeLineCredit(index)
      if (credits?.every((c) => c.role === 'photographer')) {
        this.add(credits, 'caption')
        this.setText(index, '')
      }
    }
  }

  bylinePosition(): ParsedStory['bylinePosition'] {
    return this.startCredits ? 'start' : this.endCredits ? 'end' : 'none'
  }
}

function toBlocks(lines: Line[], stripArtifacts: boolean): Block[] {
  const kept = lines.filter((l) => !l.removed && l.text)
  const lastText = kept.reduce((last, l, i) => (l.image ? last : i), -1)
  let paragraphs = 0
  return kept.map((line, i): Block => {
    if (line.image) return line.image
    const text = stripArtifacts ? stripPinyinArtifacts(line.text) : line.text
    const first = paragraphs++ === 0
    const heading = markdownHeading(text)
    if (heading !== null) return { type: 'heading', text: heading }
    // Sub-headings: short, unpunctuated, never the lede, always followed by text.
    const short = mayBeHeading(text) && looksLikeHeading(stripArtifacts ? text : stripPinyinArtifacts(text))
    if (short && !first && i < lastText) return { type: 'heading', text }
    return { type: 'paragraph', text }
  })
}

function cleanTitle(line: string): string {
  return stripPinyinArtifacts(line.replace(/^#+\s*/, '').replace(/\s+#+$/, '')).trim()
}

/** Script of the head and tail, where the story's own words are (not a quoted name in the middle). */
function scriptOf(title: string, lines: Line[]): Script {
  const head = lines.slice(0, 3).map((l) => l.text.slice(0, SCRIPT_SAMPLE))
  const tail = lines.slice(-3).map((l) => l.text.slice(-SCRIPT_SAMPLE))
  return detectScript([title, ...head, ...tail].join('\n'))
}

export function parseStory(text: string, options: ParseOptions = {}): ParsedStory {
  const raw = text.split(/\r\n|\r|\n/).map((l) => l.trim()).filter(Boolean)
  const title = options.bodyOnly || !raw.length ? '' : cleanTitle(raw[0])
  const lines: Line[] = raw.slice(options.bodyOnly ? 0 : 1).map((l) => ({ text: l, image: imageBlock(l), removed: false }))
  const script = scriptOf(title, lines)
  const parser = new StoryParser(lines)
  const headIndex = parser.parseHead()
  parser.parseTail(headIndex)
  parser.parseCaptions()
  return {
    title,
    dateline: parser.dateline,
    credits: parser.credits,
    bylinePosition: parser.bylinePosition(),
    script,
    body: toBlocks(lines, options.stripArtifacts ?? false),
  }
}


