'use client'
/**
 * The channels list when there are none yet: instead of Payload's generic "nothing found", what a channel is,
 * what happens to published stories meanwhile, and who can add one — this user (an admin: Payload's create
 * button stays right below) or, for an editor who may only look, the admins. Shown only on the unfiltered
 * list; a search that finds nothing keeps Payload's own message.
 */
import { useAuth, useListQuery, useTranslation } from '@payloadcms/ui'
import React from 'react'

type Lang = 'zh' | 'en'

const words = {
  title: { zh: '还没有分发渠道', en: 'No channels yet' },
  what: {
    zh: '分发渠道是稿件发布后自动送达的地方：Webhook（向合作方系统推送带签名的稿件）、微信公众号（发成图文消息），或只进订阅源。每个渠道可以按栏目和地区筛选稿件。',
    en: 'A channel is where a published story goes by itself: a webhook (a signed push to a partner system), a WeChat Official Account (sent as an article), or the feeds only. Each can be limited to some sections and regions.',
  },
  meanwhile: {
    zh: '没有渠道时，发布的稿件只出现在本站、RSS/Atom/JSON 订阅源和新闻站点地图中。',
    en: 'Until there is one, published stories appear on the site, in the RSS/Atom/JSON feeds and in the news sitemap only.',
  },
  youCan: { zh: '你是管理员，可以用下面的按钮添加第一个渠道。', en: 'You are an admin: add the first channel with the button below.' },
  askAdmin: {
    zh: '只有管理员可以添加或修改渠道；需要新渠道时请联系管理员。',
    en: 'Only admins can add or change channels; ask an admin when you need one.',
  },
} satisfies Record<string, Record<Lang, string>>

const allowed = (permission: unknown) =>
  permission === true ||
  (typeof permission === 'object' && permission !== null && (permission as { permission?: unknown }).permission === true)

export const ChannelsEmptyState: React.FC = () => {
  const { data, query, collectionSlug } = useListQuery()
  const { permissions } = useAuth()
  const { i18n } = useTranslation()
  const lang: Lang = i18n.language?.startsWith('en') ? 'en' : 'zh'
  const filtered = Boolean(query?.search) || Object.keys(query?.where ?? {}).length > 0
  if (!data || data.totalDocs > 0 || filtered) return null
  const canCreate = allowed(permissions?.collections?.[collectionSlug]?.create)
  return (
    <div data-testid="channels-empty" style={{ maxWidth: 720, margin: '8px 0 16px', lineHeight: 1.7 }}>
      {/* Payload's generic heading and text give way to this; its create button (admins only) stays. */}
      <style>{`.collection-list--${collectionSlug} .no-results > h3, .collection-list--${collectionSlug} .no-results > p { display: none; }`}</style>
      <h3 style={{ margin: '0 0 8px' }}>{words.title[lang]}</h3>
      <p style={{ margin: '0 0 8px' }}>{words.what[lang]}</p>
      <p style={{ margin: '0 0 8px' }}>{words.meanwhile[lang]}</p>
      <p data-testid="channels-empty-who" style={{ margin: 0, fontWeight: 600 }}>
        {canCreate ? words.youCan[lang] : words.askAdmin[lang]}
      </p>
    </div>
  )
}
