/**
 * Role words of Chinese credit lines, in simplified form (matching runs on simplifyChars output,
 * so 記者, 通訊員, 攝 and 報道 are covered too).
 *
 * `pre` words come before the names they apply to (记者 王丽), `post` words after (丁宪民 报道,
 * 张三 摄); `either` words can be both (摄影 张三 / 张三 摄影) and are resolved by position.
 * A post word either `fill`s names that have no role yet (报道: 记者 A 通讯员 B 报道 keeps both roles)
 * or `override`s the roles of its group (记者 张三 摄 is a photo credit).
 */
import type { CreditRole } from '../types'
import lexicon from './lexicon/roles.json'

export type RoleUse = 'pre' | 'post' | 'either'

export interface RoleWord {
  word: string
  role: CreditRole
  use: RoleUse
  /** What a post use does to the names before it. */
  post: 'fill' | 'override'
  /** May be glued to a name (记者张三, 张三报道). Single characters (文, 图, 摄) mostly may not. */
  glued: boolean
}

interface RoleGroup {
  role: CreditRole
  use: RoleUse
  post?: 'fill' | 'override'
  glued?: boolean
  words: string[]
}

/** Longest first, so 本报记者 wins over 记者 and 责任编辑 over 编辑. */
export const ROLE_WORDS: readonly RoleWord[] = (lexicon.groups as RoleGroup[])
  .flatMap((g) => g.words.map((word) => ({ word, role: g.role, use: g.use, post: g.post ?? 'fill', glued: g.glued ?? true })))
  .sort((a, b) => b.word.length - a.word.length)

/** Words that put names aside as organisations rather than people: 医技药剂党支部供稿, 受访者供图. */
export const ORGANISATION_POST = /^(?:供稿|供图)$/

const BY_WORD = new Map(ROLE_WORDS.map((w) => [w.word, w]))

export function roleWord(word: string): RoleWord | undefined {
  return BY_WORD.get(word)
}

/**
 * What may stand before 记者 in one role word: 本报记者, 本报驻京记者, 特派记者, 首席记者,
 * 实习记者, 全媒体记者 (an outlet name, 新华社记者, is accepted by the tokenizer too).
 */
export const REPORTER_PREFIX = /^(?:本[报台网刊站]|特派|特约|首席|实习|见习|驻站|融媒体?|全媒体|新媒体|本报特约|本报实习)*(?:驻.{1,6})?$/

/** What may stand before 编辑: 本期编辑, 本版编辑, 执行编辑. */
export const EDITOR_PREFIX = /^(?:本期|本版|本文|执行|值班|网络|新媒体|视频|图片|文字)$/

/** Two roles written as one with a slash: 文/图 张三, 张三/文. */
export const SLASH_ROLES = /^(?:文|图|摄|摄影|文字|图片)$/
