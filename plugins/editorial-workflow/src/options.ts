/**
 * The editorial-workflow plugin's options. Defaults are applied once, in resolveOptions(); the rest of the
 * plugin reads only the resolved shape.
 */
import type { CollectionSlug } from 'payload'

export interface EditorialWorkflowPluginConfig {
  /** Collections whose documents are stories governed by the workflow (drafts must be enabled). @default ['articles'] */
  collections?: CollectionSlug[]
  /** Slug of the append-only history collection the plugin adds. @default 'workflow-events' */
  eventsCollection?: CollectionSlug
  /** The auth collection desk staff log in with. @default 'users' */
  usersCollection?: CollectionSlug
  /** The field on users that holds their role names (a select with hasMany). @default 'roles' */
  rolesField?: string
  /** Roles that may edit any story and take every editor action (request changes, approve, publish, …). @default ['editor', 'admin'] */
  editorRoles?: string[]
  /** Roles that write stories and submit their own. @default ['reporter'] */
  reporterRoles?: string[]
  /** Collection credited people come from; a credited author whose user field is the caller makes the story theirs. @default 'authors' */
  authorsCollection?: CollectionSlug
  /** The relationship on authors that links to a user. @default 'user' */
  authorUserField?: string
  /** The array of credits on a story; each row has an `author` relationship. @default 'credits' */
  creditsField?: string
  /**
   * The date field on stories that says when a story first went public. The workflow owns it: it is set when the
   * story is first published and kept through corrections, unpublishing and re-publishing; a user's save can
   * neither set nor change it (403 naming the field). `false`: stories have no such field. @default 'publishedAt'
   */
  publishedAtField?: string | false
  /**
   * How many of the newest history entries and stories the start-up repair looks at. A crash interrupts only
   * the saves in flight at that moment, and nothing is written after them. @default 200
   */
  repairWindow?: number
  /** A history claim older than this whose save never landed belongs to a dead writer: the next action repairs it. @default 15000 */
  staleClaimMs?: number
  /** Add "my stories" and "review queue" links to the admin navigation and dashboard. @default true */
  navLinks?: boolean
  /** Keep the fields and the history collection (stable schema) but enforce, record and serve nothing. @default false */
  disabled?: boolean
}

export type ResolvedWorkflowOptions = Required<EditorialWorkflowPluginConfig>

export const resolveOptions = (options: EditorialWorkflowPluginConfig = {}): ResolvedWorkflowOptions => ({
  collections: options.collections ?? ['articles'],
  eventsCollection: options.eventsCollection ?? 'workflow-events',
  usersCollection: options.usersCollection ?? 'users',
  rolesField: options.rolesField ?? 'roles',
  editorRoles: options.editorRoles ?? ['editor', 'admin'],
  reporterRoles: options.reporterRoles ?? ['reporter'],
  authorsCollection: options.authorsCollection ?? 'authors',
  authorUserField: options.authorUserField ?? 'user',
  creditsField: options.creditsField ?? 'credits',
  publishedAtField: options.publishedAtField ?? 'publishedAt',
  repairWindow: options.repairWindow ?? 200,
  staleClaimMs: options.staleClaimMs ?? 15_000,
  navLinks: options.navLinks ?? true,
  disabled: options.disabled ?? false,
})
