/**
 * The desk's own story lists at /admin/desk/<list> — 我的稿件, 待我修改, 待审稿件, 待发布, 定时发布 (see
 * workflow-links): the headline (opening the story), its stage, section and when it last changed, newest
 * first, in the admin's frame. A clean view: no filter builder with ids or e-mail addresses in it; an empty
 * list says what will appear there.
 */
import type { AdminViewServerProps } from 'payload'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import React from 'react'

import { StagePill } from './StagePill'
import { langOf, text } from './text'
import { workflowLinks } from './workflow-links'

const PAGE = 100

const emptyText: Record<string, { zh: string; en: string }> = {
  'my-stories': { zh: '你还没有稿件。点右上角“新建稿件”开始写。', en: 'No stories yet. Start one with “Create new”.' },
  'sent-back': {
    zh: '没有退回给你的稿件。编辑退回稿件时会出现在这里，附上修改意见。',
    en: 'Nothing sent back to you. Stories an editor returns appear here with the note.',
  },
  'review-queue': {
    zh: '没有待审稿件。记者提交审核后会出现在这里。',
    en: 'Nothing to review. Stories appear here when reporters submit them.',
  },
  approved: { zh: '没有待发布的稿件。', en: 'No approved stories waiting.' },
  scheduled: { zh: '没有定时发布的稿件。', en: 'Nothing scheduled.' },
}

const formatTime = (iso: unknown, lang: string) =>
  typeof iso === 'string'
    ? new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: 'Asia/Shanghai',
      }).format(new Date(iso))
    : ''

export const DeskListView = async (props: AdminViewServerProps) => {
  const { initPageResult, params, searchParams, i18n, payload } = props
  const { req, permissions, visibleEntities, locale } = initPageResult
  const lang = langOf(i18n.language)
  const segments = (params?.segments ?? []) as string[]
  const listId = segments[segments.length - 1]
  const links = await workflowLinks(payload, req.user, lang)
  const list = links.find((link) => link.id === listId)
  const collection = payload.config.custom?.editorialWorkflow?.collections?.[0] ?? 'articles'
  const stories = list
    ? await payload.find({
        collection,
        where: list.where,
        sort: '-updatedAt',
        limit: PAGE,
        depth: 1,
        draft: true,
        overrideAccess: false,
        req,
        select: { title: true, stage: true, section: true, updatedAt: true },
      })
    : null

  return (
    <DefaultTemplate
      i18n={i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
      req={req}
    >
      <Gutter>
        <div
          className="nr-desk-list"
          data-testid="desk-list"
          data-list={listId}
          style={{ paddingTop: 'calc(var(--base) * 2)', paddingBottom: 'calc(var(--base) * 3)' }}
        >
          <h1 style={{ marginBottom: 'calc(var(--base) * 1)' }}>{list?.label ?? text.desk[lang]}</h1>
          {!list && <p>{lang === 'zh' ? '没有这个列表。' : 'There is no such list.'}</p>}
          {stories && stories.docs.length === 0 && (
            <p data-testid="desk-list-empty" style={{ opacity: 0.75 }}>
              {emptyText[list!.id]?.[lang]}
            </p>
          )}
          {stories && stories.docs.length > 0 && (
            <table className="table" style={{ width: '100%', borderCollapse: 'collapse' }}>
              <thead>
                <tr style={{ textAlign: 'left', fontSize: 13, opacity: 0.7 }}>
                  <th style={{ padding: '8px 12px 8px 0' }}>{lang === 'zh' ? '标题' : 'Headline'}</th>
                  <th style={{ padding: '8px 12px' }}>{text.stageField[lang]}</th>
                  <th style={{ padding: '8px 12px' }}>{lang === 'zh' ? '栏目' : 'Section'}</th>
                  <th style={{ padding: '8px 0 8px 12px' }}>{lang === 'zh' ? '最后修改' : 'Last changed'}</th>
                </tr>
              </thead>
              <tbody>
                {stories.docs.map((doc) => {
                  const story = doc as unknown as {
                    id: string | number
                    title?: string
                    stage?: string
                    section?: { name?: string } | null
                    updatedAt?: string
                  }
                  return (
                    <tr key={String(story.id)} data-testid="desk-list-row" style={{ borderTop: '1px solid var(--theme-elevation-100)' }}>
                      <td style={{ padding: '10px 12px 10px 0' }}>
                        <a
                          href={formatAdminURL({ adminRoute: payload.config.routes.admin, path: `/collections/${collection}/${story.id}` })}
                        >
                          {story.title || '—'}
                        </a>
                      </td>
                      <td style={{ padding: '10px 12px' }}>
                        <StagePill stage={story.stage} lang={lang} />
                      </td>
                      <td style={{ padding: '10px 12px' }}>
                        {typeof story.section === 'object' && story.section ? story.section.name : ''}
                      </td>
                      <td style={{ padding: '10px 0 10px 12px', whiteSpace: 'nowrap' }}>{formatTime(story.updatedAt, lang)}</td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          )}
        </div>
      </Gutter>
    </DefaultTemplate>
  )
}
