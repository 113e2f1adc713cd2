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
import { scanCredits, type CreditScan, type CreditSpan } from './credits'
import { parseChineseDate } from './dates'
import { leadingPlaceLength } from './gazetteer'
import { looksLikeName } from './names'
import { isOutlet } from './outlets'
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

/** A credit read from a whole line, and the dateline it may carry (`記者王小明／台北報導`). */
interface LineCredit {
  credits: Credit[]
  filed: ParsedDateline | null
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
/** A portal's field label a byline was scraped into: `原标题:□本报见习记者 吴明娟`. */
const FIELD_LABEL = /^原标题[:：][\s\u3000]*/
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
const META_LINE =
  /^(?:(?:来源|稿源|发布时间|发布日期|时间|日期|浏览次数|点击数?|字号)[:：]|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$)/
/** Wire features restate their title after the dateline: `新华社北京10月17日电 题：…`. */
const TITLE_MARKER = /^[题題]\s*[:：]/
/** How far down the head is searched for the dateline and opening bylines (captions, subtitles may come first). */
const HEAD_LINES = 8
/** What follows a reporter named inside a sentence: 报道说, 称, 指出. */
const REPORTED_SPEECH = /^(?:说|称|指出|表示|认为|透露|介绍|援引|援|写道)/
/** A line this short may stand above the dateline (subtitle, caption, timestamp); a longer one is the lede. */
const SHORT_LINE = 100
/** Photo captions, which may be longer: they end in a photo credit or name the picture. */
const CAPTION = /(?:摄|供图|截图|资料照|资料图|图片|[图圖][/／].{0,12})\s*[)）]?$|^(?:图为|图：|图:|资料图)/
/** Lines at the foot of a page that are not the story: disclaimers, contact lines, share and report prompts. */
const BOILERPLATE =
  /^(?:免责声明|声明[:：]|本网站(?:所刊载|刊载)|联系电话|联系我们|版权|本公众号|本文(?:为|系)|扫码|扫一扫|点击|举报|Copyright|©|转载|更多|推荐阅读|延伸阅读|相关(?:新闻|阅读|报道)|关键词|文章关键词|自由电子报关心您|安心专线|生命线|张老师专线|请继续往下阅读|(?:原标题|来源|稿源|图片来源|本文来源|文章来源|信息来源)[:：])/i
/** A sign-off line of editors (责任编辑：, 总监制:骆世明, 编 辑:苏 伟): never credits, and the tail goes on above it. */
const SIGN_OFF = /^[（(【[]?\s*\S{0,4}?(?:责任编辑|责编|编辑|审核|审校|校对|[一二三初复终]\s?审|监制|主编|编审|统筹|策划|签发|美编)/
/** The credit closing a story's last sentence: `…当成了垃圾场。图片中心记者孙盼盼摄影报道`, `…治理一下。 本报记者 李银刚 整理`. */
const INLINE_TAIL = /[。！？!?”」』…][\s\u3000]*([^。！？!?，,、；;“”「」]{2,26})$/
/** A credit bracket left open at the end of the last paragraph. */
const UNCLOSED_TAIL = /[（(]([^（()）]{2,60})$/
/** A line of one to four bare names (常征; 张三 李四): a byline without role words. */
const BARE_NAMES = /^[\u4e00-\u9fff·]{2,8}(?:[\s\u3000]+[\u4e00-\u9fff·]{2,8}){0,3}$/
/** Single characters written apart (编 辑:苏 伟, 本报记者 李 四, 大 西 北 網 訊): one word, one name. */
const SPACED_SINGLES =
  /(?<![\u3400-\u9fff])[\u3400-\u9fff](?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\))?(?:[ \u3000][\u3400-\u9fff](?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\))?)+(?![\u3400-\u9fff])/g
/** Portals' tag line at the foot of a story: `[相关:记者] [来源:成都日报] [作者:徐璨] [编辑:成都热线 ]`. */
const TAG_FIELDS = /^(?:[[【][^\]】]{1,30}[\]】][\s\u3000]*){2,}$/
/** Where the material came from, at the foot: `素材来源 江苏13个设区市党报…`, `信息来源： 内蒙古日报`. */
const SOURCE_LINE = /^(?:素材|信息|资料|稿件|内容)来源[\s\u3000:：|｜]/
/** 人民日报 archive pages put the page, column and the title again before the story: `第1版(要闻)专栏:  长虹巨龙起京城 本报记者…`. */
const PAGE_FURNITURE = /^第[\d一二三四五六七八九十]{1,3}版[(（][^)）]{0,12}[)）]\s*专栏[:：]\s*/
/** A portal's metadata line naming the writer: `2019-09-26 12:11来源：证券时报网作者：李在山`. */
const META_AUTHOR =
  /(?:^|[\s\u3000]|来源[:：]\S*?)作者[:：][\s\u3000]*([\u4e00-\u9fff·]{2,4}(?:[\s\u3000、][\u4e00-\u9fff·]{2,4}){0,3})[\s\u3000]*$/
/** A name with its outlet and role in brackets: `王击凡(南都记者)`, `张三（本报记者）`. */
const NAME_THEN_ROLE = /^([\u4e00-\u9fff·]{2,4})[\s\u3000]*[（(]([^（()）]{2,16})[）)]$/
/** A caption is short; a photo credit at its end (`…实习。(陆俊蓉/摄)`, `会见现场。中新社记者 蒋启明摄`) credits a photographer. */
const CAPTION_LINE = 80
/** A credit that ends as a photo credit does: `…摄`, `…摄影`, `…供图`. */
const PHOTO_END = /(?:摄|摄影|供图)[\s\u3000]*$/
/** A page-break marker some CMSs leave glued to the end of a paragraph. */
const PAGE_BREAK = /pagebreak$/i
/** Briefs, each an item with its own credit: `☆南岩小学开展消防演练。(通讯员 俞锋)`. */
const LIST_ITEM = /^[☆★●○◆◇■□▲△◎※▶►]/
/** A credit bracket whose opening was lost: `…多赢局面。刘永欢、蒋鹏)`. */
const MISSING_OPEN = /[。！？!?”」』…][\s\u3000]*([^。！？!?（()）[\]【】“”]{2,40})[）)]\s*$/
const TRAILING_LINES = 12
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
  private wholeLineCredit(index: number): LineCredit | null {
    if (this.lines[index].text.length > 160) return null
    const view = this.view(index)
    const english = parseEnglishByline(view.clean) ?? parseReutersCredits(view.clean)
    if (english) return { credits: english, filed: null }
    const slash = OUTLET_SLASH.exec(view.match)?.[0].length ?? 0
    // `原标题:□本报见习记者 吴明娟`: a portal's field label left in front of the byline.
    const label = FIELD_LABEL.exec(view.match)?.[0].length ?? 0
    const decoration = label + (DECORATION.exec(view.match.slice(label))?.[0].length ?? 0) || slash
    const code = EDITOR_CODE.exec(view.match)?.index ?? view.match.length
    const bracketed = BRACKETED_LINE.exec(view.match.slice(decoration))
    const [from, to] = bracketed ? [decoration + 1, decoration + 1 + bracketed[1].length] : [decoration, code]
    // No default role: every name needs a role word, so headings such as 抓班子 强组织 are not credits.
    const scan = scanCredits(view.match, from, to, { mode: 'bounded', defaultRole: null })
    if (!scan) return this.nameThenRole(view)
    const outlet = slash ? view.clean.slice(0, slash).replace(/[\s／/]+$/, '') : null
    return { credits: this.fromSpans(view, scan.credits), filed: this.filedDateline(view, scan, outlet) }
  }

  /** `王击凡(南都记者)`: a name, then its outlet and role in brackets. */
  private nameThenRole(view: LineView): LineCredit | null {
    const m = NAME_THEN_ROLE.exec(view.match)
    if (!m || !looksLikeName(m[1])) return null
    // Read the bracket as a credit line with the name after it: 南都记者 王击凡.
    const probe = `${m[2]} ${m[1]}`
    const scan = scanCredits(probe, 0, probe.length, { mode: 'bounded', defaultRole: null })
    const role = scan?.credits.length === 1 && scan.roleWords ? scan.credits[0].role : null
    return role ? { credits: [{ name: view.clean.slice(0, m[1].length), role }], filed: null } : null
  }

  /** The dateline a credit carries (`記者王小明／台北報導` → 台北報導): its parts in order, credits left out. */
  private filedDateline(view: LineView, scan: CreditScan, outlet: string | null): ParsedDateline | null {
    if (!scan.filed) return null
    const parts = scan.filed.map((p) => ({ clean: view.clean.slice(p.start, p.end), match: view.match.slice(p.start, p.end) }))
    let place: string | null = null
    let date: string | null = null
    let found = outlet
    for (const part of parts) {
      const placeLength = leadingPlaceLength(part.match)
      if (!place && placeLength) {
        place = part.clean.slice(0, placeLength)
        const rest = part.match.slice(placeLength).replace(/^(?:综合)?报[道导]/, '')
        if (rest && isOutlet(rest)) found ??= part.clean.slice(part.clean.length - rest.length)
      } else if (/日$/.test(part.match)) date = parseChineseDate(part.match)
      else if (isOutlet(part.match)) found ??= part.clean
    }
    if (!place) return null
    return { text: parts.map((p) => p.clean).join(''), outlet: found, place, date, kind: '讯' }
  }

  /** A whole-line credit, reading single characters written apart as words (编 辑:苏 伟) when that helps. */
  private lineCredit(index: number): LineCredit | null {
    return this.withCompacted(index, () => this.wholeLineCredit(index))
  }

  /** The dateline at the start of the line, reading spaced-out characters (大 西 北 網 訊) when that helps. */
  private lineDateline(index: number): DatelineMatch | null {
    return this.withCompacted(index, () => findDateline(this.view(index)))
  }

  /** Tries `read` on the line, then on the line with spaced single characters joined; keeps what worked. */
  private withCompacted<T>(index: number, read: () => T | null): T | null {
    const found = read()
    if (found) return found
    const line = this.lines[index]
    const original = line.text
    SPACED_SINGLES.lastIndex = 0
    if (!SPACED_SINGLES.test(original)) return null
    const compacted = original.replace(SPACED_SINGLES, (run) => run.replace(/[ \u3000]/g, ''))
    this.setText(index, compacted)
    const again = read()
    if (!again) this.setText(index, original)
    return again
  }

  /** A line of bare names, each one a plausible personal name: `常征`, `张三 李四`. */
  private bareNames(index: number): Credit[] | null {
    const view = this.view(index)
    if (!BARE_NAMES.test(view.clean)) return null
    const names = view.match.split(/[\s\u3000]+/)
    if (!names.every((n) => looksLikeName(n))) return null
    return view.clean.split(/[\s\u3000]+/).map((name) => ({ name, role: 'reporter' as const }))
  }

  /** Lines that may stand above the dateline: headings, subtitles, captions, timestamps, editors' notes. */
  private mayPrecedeDateline(index: number): boolean {
    const view = this.view(index)
    const { clean } = view
    if (this.underImage(index) && clean.length <= 80) return true
    if (clean.length <= SHORT_LINE || (clean.length <= 200 && CAPTION.test(clean))) return true
    // ● 智能电视机虽然…: the points of a summary above the byline.
    if (clean.length <= 300 && DECORATION.test(view.match)) return true
    return looksLikeHeading(clean) || EDITORS_NOTE.test(view.match) || META_LINE.test(view.match)
  }

  private next(index: number): number {
    while (index < this.lines.length && (this.lines[index].removed || this.lines[index].image)) index++
    return index
  }

  /**
   * Byline lines above the first paragraph, then the dateline and the credit that follows it. Up to
   * HEAD_LINES short lines may come first (a subtitle, a photo caption with its credit, a timestamp, an
   * editor's note); bylines among them are taken, the rest stays in the body. The search ends at the
   * first line that reads as the lede.
   */
  parseHead(): number {
    let index = this.next(0)
    let bodySeen = false
    for (let n = 0; n < HEAD_LINES && index < this.lines.length; n++) {
      // Once the story has begun, a credit on the last line closes it: the tail reads that.
      const closing = bodySeen && this.next(index + 1) >= this.lines.length
      const credit = closing ? null : this.lineCredit(index)
      // A photo credit under a lead image is a caption, not the story's byline (parseCaptions takes it).
      if (credit && !(this.underImage(index) && credit.credits.every((c) => c.role === 'photographer'))) {
        this.add(credit.credits, 'start')
        if (credit.filed && !this.dateline) this.dateline = credit.filed
        this.setText(index, '')
        index = this.next(index)
        // `By JANE DOE` is often followed by a line naming the agency.
        if (index < this.lines.length && isAffiliationLine(this.lines[index].text)) {
          this.setText(index, '')
          index = this.next(index)
        }
        continue
      }
      const found = this.lineDateline(index)
      if (found) return this.takeDateline(index, found)
      if (closing) break
      if (this.creditOpeningParagraph(index)) return index
      const names = bodySeen ? null : this.bareNames(index)
      if (names) {
        this.add(names, 'start')
        this.setText(index, '')
        index = this.next(index)
        continue
      }
      if (!this.mayPrecedeDateline(index)) break
      this.metaAuthor(index)
      bodySeen ||= !looksLikeHeading(this.view(index).clean)
      index = this.next(index + 1)
    }
    return -1
  }

  /** The writer named in a portal's metadata line above the story (`来源：证券时报网作者：李在山`). */
  private metaAuthor(index: number): void {
    const view = this.view(index)
    if (!META_LINE.test(view.match) && !/^\d{4}[-/.年]/.test(view.match)) return
    const m = META_AUTHOR.exec(view.match)
    if (!m) return
    const names = m[1].split(/[\s\u3000、]+/)
    if (!names.every((n) => looksLikeName(n))) return
    const at = m.index + m[0].length - m[1].length - (m[0].length - m[0].trimEnd().length)
    let offset = view.clean.indexOf(m[1], at - m[1].length)
    if (offset < 0) offset = at
    this.add(
      view.clean
        .slice(offset, offset + m[1].length)
        .split(/[\s\u3000、]+/)
        .map((name) => ({ name, role: 'contributor' as const })),
      'start',
    )
  }

  /** Cuts the dateline (and the credit that follows it) from the line. */
  private takeDateline(index: number, found: DatelineMatch): number {
    const view = this.view(index)
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
      const next = nextIndex < this.lines.length ? this.lineCredit(nextIndex) : null
      if (next) {
        this.add(next.credits, 'start')
        this.setText(nextIndex, '')
      }
    }
    return index
  }

  private underImage(index: number): boolean {
    return index > 0 && this.lines[index - 1].image !== null
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
      // 〔記者黃良傑／高雄報導〕, （腾讯体育 张三 2月8日东莞报道）: the bracket is the dateline too.
      const filed = scan && this.filedDateline(view, scan, null)
      if (filed && !this.dateline) this.dateline = filed
    } else {
      const scan = scanCredits(match, 0, match.length, { mode: 'lead', defaultRole: null })
      const clear =
        scan && (OPENING_BYLINE.test(match) || /^\s*[：:]/.test(match.slice(scan.end)) || /报[道导]$/.test(match.slice(0, scan.end)))
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
    // `美联社记者约翰·史密斯报道说，…`: a sentence about a reporter, not the story's credit.
    if (scan && REPORTED_SPEECH.test(match.slice(scan.end))) return null
    return scan && { credits: scan.credits, end: scan.end }
  }

  /**
   * Credit lines and a closing credit at the end of the story, above any trailing images. Page furniture
   * (disclaimers, contact lines, 原标题/来源) and editors' sign-offs are stepped over; the search ends at the
   * last real paragraph, whose closing bracket (`（记者 张三）`) or closing credit (`…。本报记者 李银刚 整理`) is taken.
   */
  parseTail(headIndex: number): void {
    let budget = TRAILING_LINES
    let lastLine = true
    for (let index = this.lines.length - 1; index >= 0 && budget > 0; index--) {
      const line = this.lines[index]
      if (line.removed || line.image) continue
      budget--
      const view = this.view(index)
      if (TRAILER.test(view.match) || BOILERPLATE.test(view.match) || TAG_FIELDS.test(view.match) || SOURCE_LINE.test(view.match)) continue
      const whole = index > headIndex ? this.lineCredit(index) : null
      if (whole) {
        this.add(whole.credits, 'end')
        this.setText(index, '')
        lastLine = false
        continue
      }
      if (index > headIndex && view.match.length <= 40 && SIGN_OFF.test(view.match)) continue
      const names = lastLine && index > headIndex ? this.bareNames(index) : null
      if (names) {
        this.add(names, 'end')
        this.setText(index, '')
        lastLine = false
        continue
      }
      // Briefs: each item closes with its own credit, so the items above are read too.
      if (this.closingCredit(index) && LIST_ITEM.test(view.match)) {
        lastLine = false
        continue
      }
      return
    }
  }

  /** The credit closing the last paragraph: a bracket (`…支部。(丁憲民 報道)`) or a credit after the last sentence. */
  private closingCredit(index: number): boolean {
    const view = this.view(index)
    const tail = TRAILING_BRACKET.exec(view.match)
    if (tail) {
      const from = tail.index + 1
      // A closing bracket of bare names, `（李光华 黄智芳 王梦思）`, credits its reporters, as a role word would.
      const bare = scanCredits(view.match, from, from + tail[1].length, { mode: 'bounded', defaultRole: 'reporter' })
      const scan =
        scanCredits(view.match, from, from + tail[1].length, { mode: 'bounded', defaultRole: null }) ??
        (bare && namesStandApart(view.match, bare.credits) ? bare : null)
      const credits = scan
        ? this.fromSpans(view, scan.credits)
        : (parseReutersCredits(view.clean.slice(tail.index).trim()) ?? spacedNames(view.clean.slice(from, from + tail[1].length)))
      if (credits) {
        this.add(credits, 'end')
        this.setText(index, view.original.slice(0, view.toOriginal(tail.index)).trimEnd())
      }
      return credits !== null
    }
    const missing = MISSING_OPEN.exec(view.match)
    if (missing) {
      // `…多赢局面。刘永欢、蒋鹏)`: bare names before a closing bracket whose opening was lost.
      const from = view.match.length - missing[0].length + missing[0].indexOf(missing[1])
      const scan = scanCredits(view.match, from, from + missing[1].length, { mode: 'bounded', defaultRole: 'reporter' })
      // Without its opening bracket the credit must still read as one: a role word, or names written apart.
      if (scan && (scan.roleWords || (scan.credits.length > 1 && namesStandApart(view.match, scan.credits)))) {
        this.add(this.fromSpans(view, scan.credits), 'end')
        this.setText(index, view.original.slice(0, view.toOriginal(from)).trimEnd())
        return true
      }
    }
    const unclosed = UNCLOSED_TAIL.exec(view.match)
    if (unclosed) {
      // `…介绍给世界。(/文:县新闻中心 唐福升`: a closing credit whose bracket was never closed.
      const from = unclosed.index + 1
      const scan = scanCredits(view.match, from, view.match.length, { mode: 'bounded', defaultRole: null })
      if (scan?.roleWords) {
        this.add(this.fromSpans(view, scan.credits), 'end')
        this.setText(index, view.original.slice(0, view.toOriginal(unclosed.index)).trimEnd())
        return true
      }
    }
    const inline = INLINE_TAIL.exec(view.match)
    if (!inline) return false
    const from = view.match.length - inline[1].length
    const scan = scanCredits(view.match, from, view.match.length, { mode: 'bounded', defaultRole: null })
    if (!scan?.roleWords) return false
    this.add(this.fromSpans(view, scan.credits), 'end')
    this.setText(index, view.original.slice(0, view.toOriginal(from)).trimEnd())
    return true
  }

  /**
   * Photo credits in captions: alone on the line under an image (`记者 张三 摄`), a line of nothing but a
   * photo credit (`▲广州日报全媒体图片记者黎旭阳、李妍摄`), or closing a short caption (`会见现场。中新社记者 蒋启明摄`,
   * `…在《新闻晨报》实习。(陆俊蓉/摄)`). Only photographers are taken this way.
   */
  parseCaptions(): void {
    const photographers = (credits: Credit[] | null | undefined) =>
      Boolean(credits?.length) && credits!.every((c) => c.role === 'photographer')
    for (let index = 0; index < this.lines.length; index++) {
      const line = this.lines[index]
      if (line.removed || line.image || line.text.length > CAPTION_LINE) continue
      const original = line.text
      if (PAGE_BREAK.test(original)) this.setText(index, original.replace(PAGE_BREAK, '').trimEnd())
      const whole = line.text.length <= 40 ? this.wholeLineCredit(index)?.credits : null
      if (photographers(whole)) {
        this.add(whole!, 'caption')
        this.setText(index, '')
        continue
      }
      if (line.text !== original) this.setText(index, original)
      const view = this.view(index)
      // A CMS page-break marker left glued to the caption (`新华社发(苏阳摄)pagebreak`) is not part of it.
      const match = view.match.replace(PAGE_BREAK, '')
      const bracket = TRAILING_BRACKET.exec(match)
      const inline = bracket ? null : INLINE_TAIL.exec(match)
      const from = bracket ? bracket.index + 1 : inline ? match.length - inline[1].length : -1
      if (from < 0) continue
      const to = bracket ? from + bracket[1].length : match.length
      const scan = scanCredits(match, from, to, { mode: 'bounded', defaultRole: null })
      const credits = scan?.roleWords ? this.fromSpans(view, scan.credits) : null
      // The credit is a photo credit when it ends with one (`记者詹松 实习生杨邦杰 摄`): everyone in it is credited.
      const photo = credits?.length && PHOTO_END.test(match.slice(from, to))
      if (!photo && !photographers(credits)) continue
      this.add(credits!, 'caption')
      this.setText(index, view.original.slice(0, view.toOriginal(bracket ? bracket.index : from)).trimEnd())
    }
  }

  bylinePosition(): ParsedStory['bylinePosition'] {
    return this.startCredits ? 'start' : this.endCredits ? 'end' : 'none'
  }
}

/**
 * Bare names with no role word are trusted only when each is written apart (`（李光华 黄智芳）`, `刘永欢、蒋鹏)`):
 * a glued run (`（王府井店）`) cut into names is more often a word than two people.
 */
function namesStandApart(s: string, spans: CreditSpan[]): boolean {
  const edge = /[\s\u3000、，,；;（(）)【】[\]/／。！？!?”」』…]/
  return spans.every((c) => (c.start === 0 || edge.test(s[c.start - 1])) && (c.end >= s.length || edge.test(s[c.end])))
}

/** `周 健 刘星野 曹 莉` in a closing bracket: names with their characters spaced out, read as reporters. */
function spacedNames(inner: string): Credit[] | null {
  SPACED_SINGLES.lastIndex = 0
  if (!SPACED_SINGLES.test(inner)) return null
  const compact = inner.replace(SPACED_SINGLES, (run) => run.replace(/[ \u3000]/g, '')).trim()
  const view = viewLine(compact)
  const scan = scanCredits(view.match, 0, view.match.length, { mode: 'bounded', defaultRole: 'reporter' })
  return scan ? scan.credits.map((c) => ({ name: view.clean.slice(c.start, c.end), role: c.role })) : null
}

/** `第1版(要闻)专栏:  长虹巨龙起京城 本报记者…`: the page, the column and the restated title go; the story stays. */
function stripPageFurniture(line: string, title: string): string {
  const furniture = PAGE_FURNITURE.exec(line)
  if (!furniture) return line
  const rest = line.slice(furniture[0].length)
  const want = title.replace(/[\s\u3000]+/g, '')
  if (!want) return rest
  // Find the title written again (spacing may differ) near the start, and cut through it.
  let compact = ''
  const at: number[] = []
  for (let i = 0; i < rest.length && compact.length < want.length + 40; i++) {
    if (/[\s\u3000]/.test(rest[i])) continue
    compact += rest[i]
    at.push(i)
  }
  const found = compact.indexOf(want)
  if (found < 0) return rest
  return rest.slice(at[found + want.length - 1] + 1).trimStart()
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
  const raw = text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean)
  const title = options.bodyOnly || !raw.length ? '' : cleanTitle(raw[0])
  const lines: Line[] = raw
    .slice(options.bodyOnly ? 0 : 1)
    .map((l, i) => (i < HEAD_LINES ? stripPageFurniture(l, title) : l))
    .map((l) => ({ text: l, image: imageBlock(l), removed: !l }))
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
