/**
 * The house-style vocabulary shared by the parser, the lint rules, the renderer and the plugin.
 * Everything here is plain data (no Payload, no Lexical) so that rules stay small, pure and testable.
 */

/** 讯 a local story, 电 a wire story filed from elsewhere, 专电 a special wire, 消息 a news item. */
export type DatelineKind = '讯' | '电' | '专电' | '消息'

/** The structured dateline an article stores. Rendering turns it into `亮点黔西南讯`, `新华社贵阳11月26日电`, … */
export interface Dateline {
  /** The issuing outlet or agency: 亮点黔西南, 本报, 新华社, AP, Reuters. */
  outlet?: string | null
  /** The place the story was filed from, in its dateline short form: 贵阳, 兴仁, WASHINGTON. */
  place?: string | null
  /** ISO date (YYYY-MM-DD or a full ISO timestamp) the story was filed. */
  date?: string | null
  kind?: DatelineKind | null
}

/** Roles a person can be credited with on a story (the role words 记者, 通讯员, 摄, 责任编辑, 实习生). */
export type CreditRole = 'reporter' | 'correspondent' | 'photographer' | 'editor' | 'contributor' | 'intern'

export interface Credit {
  name: string
  role: CreditRole
}

/** A body block as the parser and the rules see it. Lexical bodies are flattened to this for linting. */
export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  /** `media`: the id of the upload; `alt` and `caption` are the reader-facing texts of that picture. */
  | { type: 'image'; src: string; alt?: string; caption?: string; media?: string }

/** Where the credit line sits: right after the dateline (wire style) or at the end of the story. */
export type BylinePosition = 'start' | 'end' | 'none'

export type Script = 'simplified' | 'traditional'

/** The house script is the master; channels convert from it with OpenCC. */
export type HouseScript = 'zh-Hans' | 'zh-Hant-TW' | 'zh-Hant-HK'

/** The article as the lint rules see it. */
export interface StoryDraft {
  title: string
  /** The dek (导语/副题): shown under the headline, in feeds and in GraphQL. */
  dek?: string
  dateline?: Dateline | null
  credits: Credit[]
  body: Block[]
}

export type Severity = 'error' | 'warning' | 'info'

export interface LocalizedMessage {
  zh: string
  en: string
}

/** The texts a reader sees and a fix can edit: headline, dek, body blocks, and each picture's caption and alt text. */
export type TextFieldName = 'title' | 'dek' | 'body' | 'caption' | 'alt'

/**
 * Where a finding points. `block` indexes StoryDraft.body (for `caption` and `alt`, the picture's block);
 * start/end are UTF-16 offsets in that text.
 */
export interface FindingLocation {
  field: TextFieldName | 'dateline' | 'credits'
  block?: number
  start?: number
  end?: number
}

/** Replace text[start, end) of the headline, the dek, one body block, or a picture's caption or alt text. */
export interface TextEdit {
  field: TextFieldName
  block?: number
  start: number
  end: number
  text: string
}

/**
 * A fix is data, so it can travel over the API to the admin panel and be applied there or on the server.
 * `safe` fixes are applied by "fix all" and by `newsroom parse --fix`; unsafe ones need a person.
 */
export interface Fix {
  safe: boolean
  description: LocalizedMessage
  edits?: TextEdit[]
  /** Structured fields the fix sets (e.g. moving a dateline typed in the body into the dateline field). */
  set?: { dateline?: Dateline; credits?: Credit[] }
}

export interface Finding {
  ruleId: string
  severity: Severity
  message: LocalizedMessage
  location: FindingLocation
  fix?: Fix
}

/** What a rule gets besides the story: the outlet's configuration. */
export interface RuleContext {
  houseScript: HouseScript
  datelinePreset: DatelinePresetId
  /** Opt-in rules are listed here by id to be turned on. */
  enabledOptIn: string[]
  headlineMaxLength: number
}

export interface Rule {
  id: string
  severity: Severity
  /** Opt-in rules run only when listed in RuleContext.enabledOptIn. */
  optIn?: boolean
  meta: { description: LocalizedMessage }
  check(story: StoryDraft, context: RuleContext): Finding[]
}

export type DatelinePresetId = 'outlet-xun' | 'benbao' | 'wire' | 'xiaoxi' | 'ap' | 'reuters'
export type BylinePatternId = 'reported-by' | 'reporter-correspondent' | 'by-english'
