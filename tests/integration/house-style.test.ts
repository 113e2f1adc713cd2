/**
 * House style as the desk meets it, through Payload: a draft with style errors saves and carries its findings;
 * going public with style errors is refused on REST, GraphQL and the Local API (with a real editor, access
 * enforced) and leaves the story as it was; the lint endpoint checks unsaved copy for staff only; the fix
 * endpoint cleans a story pasted the way content farms hand it over, moves the typed credit into the credits,
 * and after it the story publishes.
 */
import type { Payload } from 'payload'
import sharp from 'sharp'

import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { blocksToLexical } from '../../plugins/house-style'
import { createDeskUser, tokenFor } from '../support/desk-users'
import { graphql, rest } from '../support/http'
import { bootDesk, type TestDesk } from '../support/payload'

type Id = string | number
type User = Awaited<ReturnType<typeof createDeskUser>>['user']

let desk: TestDesk
let payload: Payload
let reporter: User
let editor: User
let otherReporter: User
let reporterToken: string
let editorToken: string
let dingId: Id

beforeAll(async () => {
  desk = await bootDesk()
  payload = desk.payload
  ;({ user: reporter } = await createDeskUser(payload, 'reporter', 'ding'))
  ;({ user: editor } = await createDeskUser(payload, 'editor', 'wang'))
  ;({ user: otherReporter } = await createDeskUser(payload, 'reporter', 'li'))
  reporterToken = await tokenFor(payload, reporter.email as string)
  editorToken = await tokenFor(payload, editor.email as string)
  // The reporter's byline name, as the desk's authors list has it.
  dingId = (await payload.create({ collection: 'authors', data: { name: '丁宪民', roles: ['reporter'] } })).id
})
afterAll(async () => {
  await desk?.close()
})

/** How a content-farm repost reaches the desk: traditional script, 字(pinyin), half-width marks, the credit typed at the end. */
const PASTED = {
  title: '興仁縣加快後進黨組織轉化',
  paragraphs: [
    '興仁縣採取“三抓三強(qiáng)”措施,進一步加快後進黨組織轉(zhuǎn)化速度。',
    '全縣162個村(居、社區)支書赴華西學習,成效顯著。（丁宪民 报道）',
  ],
}

const CLEAN = {
  title: '兴仁县加快后进党组织转化',
  paragraphs: ['兴仁县采取“三抓三强”措施，进一步加快后进党组织转化速度。', '全县162个村（居、社区）支书赴华西学习，成效显著。'],
}

const paragraphs = (...texts: string[]) => blocksToLexical(texts.map((text) => ({ type: 'paragraph' as const, text })))

const bodyTexts = (doc: any): string[] => doc.body.root.children.map((node: any) => node.children.map((c: any) => c.text).join(''))

/** A story the reporter pasted and saved as a draft, through the Local API with the reporter's own access. */
async function pastedDraft(overrides: Record<string, unknown> = {}) {
  return (await payload.create({
    collection: 'articles',
    data: { title: PASTED.title, body: paragraphs(...PASTED.paragraphs), ...overrides },
    draft: true,
    user: reporter,
    overrideAccess: false,
  })) as any
}

const latest = async (id: Id) => (await payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })) as any
const versionCount = async (id: Id) =>
  (await payload.findVersions({ collection: 'articles', where: { parent: { equals: id } }, limit: 0 })).totalDocs

/** Rule ids named in a refusal's messages (`[rule-id] 中文 / English`). */
const ruleIdsIn = (messages: string[]) => [...new Set(messages.flatMap((m) => [...m.matchAll(/\[([a-z-]+)\]/g)].map((x) => x[1])))].sort()

describe('saving and publishing', () => {
  test('a draft with style errors saves, with its findings and error count stored', async () => {
    const story = await pastedDraft()
    expect(story._status).toBe('draft')
    expect(story.styleErrorCount).toBeGreaterThan(0)
    const rules = new Set(story.styleFindings.map((f: any) => f.ruleId))
    for (const rule of ['house-script', 'pinyin-artifact', 'punctuation-fullwidth', 'no-byline-in-body']) expect(rules).toContain(rule)
    const artifact = story.styleFindings.find((f: any) => f.ruleId === 'pinyin-artifact')
    expect(artifact).toMatchObject({ severity: 'error', location: { field: 'body', block: 0 }, fix: { safe: true } })
    expect(artifact.message.zh).toContain('(qiáng)')
    expect(artifact.message.en).toContain('(qiáng)')
    expect(story.styleErrorCount).toBe(story.styleFindings.filter((f: any) => f.severity === 'error').length)

    // The same findings over REST, for the reporter's own draft.
    const { status, body } = await rest('GET', `/articles/${story.id}?draft=true`, { token: reporterToken })
    expect(status).toBe(200)
    expect(body.styleErrorCount).toBe(story.styleErrorCount)
  })

  test('publishing with style errors over REST is refused with 422 (as the workflow refuses it), the findings listed by rule id, and nothing changes', async () => {
    const story = await pastedDraft()
    const versions = await versionCount(story.id)
    const { status, body } = await rest('PATCH', `/articles/${story.id}`, {
      token: editorToken,
      body: { title: '改过的标题', _status: 'published' },
    })
    expect(status).toBe(422)
    const messages: string[] = body.errors.flatMap((e: any) => (e.data?.errors ?? []).map((d: any) => d.message))
    expect(ruleIdsIn(messages)).toEqual(
      expect.arrayContaining(['house-script', 'no-byline-in-body', 'pinyin-artifact', 'punctuation-fullwidth']),
    )
    expect(messages.join('\n')).toMatch(/拼音注音/)
    expect(messages.join('\n')).toMatch(/Pinyin reading/)
    const after = await latest(story.id)
    expect(after._status).toBe('draft')
    expect(after.title).toBe(PASTED.title)
    expect(after.stage).toBe('draft')
    expect(await versionCount(story.id)).toBe(versions)
  })

  test('a refusal to a request that states its language (as the admin does) is in that language alone: places, not paths or rule ids', async () => {
    const story = await pastedDraft()
    const refuse = (language: string) =>
      rest('PATCH', `/articles/${story.id}`, {
        token: editorToken,
        body: { _status: 'published' },
        headers: { 'Accept-Language': language },
      })

    const zh = await refuse('zh-CN,zh;q=0.9')
    expect(zh.status).toBe(422)
    const [error] = zh.body.errors
    // The toast a reporter reads: Payload's own sentence in Chinese, then each place once.
    expect(error.message).toMatch(/^(以下|下面的)字段是无效的：/)
    expect(error.message).toContain('正文第1段')
    expect(error.message.match(/正文第1段/g)).toHaveLength(1)
    expect(error.message).not.toMatch(/[A-Za-z¶]/)
    const details = error.data.errors
    for (const d of details) {
      expect(d.message).toMatch(/\p{Script=Han}/u)
      // No rule id (kebab-case) and no English half; the pinyin it quotes is the reporter's own text.
      expect(d.message).not.toMatch(/\[[\w-]+\]|[a-z]+-[a-z]+| \/ |[A-Z][a-z]+ [a-z]+/)
    }
    expect(details.map((d: any) => d.message).join('\n')).toMatch(/拼音注音/)
    // Programs still get each rule id and place, as data.
    expect(details.map((d: any) => d.ruleId)).toEqual(expect.arrayContaining(['pinyin-artifact', 'punctuation-fullwidth']))
    expect(details.find((d: any) => d.ruleId === 'pinyin-artifact').location).toMatchObject({ field: 'body', block: 0 })

    const en = await refuse('en-US,en;q=0.9')
    expect(en.status).toBe(422)
    expect(en.body.errors[0].message).toMatch(/^The following fields are invalid: .*Body ¶1/)
    expect(en.body.errors[0].data.errors.map((d: any) => d.message).join('\n')).toMatch(/Pinyin reading/)
    expect(en.body.errors[0].data.errors.map((d: any) => d.message).join('\n')).not.toMatch(/^[\p{Script=Han}[]/mu)
    expect((await latest(story.id))._status).toBe('draft')
  })

  test('publishing with style errors over GraphQL is refused, and nothing changes', async () => {
    const story = await pastedDraft()
    const { body } = await graphql(
      `
        mutation ($id: Int!) {
          updateArticle(id: $id, data: { _status: published, title: "改过的标题" }) {
            id
            _status
          }
        }
      `,
      { id: Number(story.id) },
      editorToken,
    )
    expect(body.data?.updateArticle ?? null).toBeNull()
    expect(body.errors?.length).toBeGreaterThan(0)
    const error = body.errors[0]
    expect(error.extensions?.statusCode).toBe(422)
    const messages: string[] = (error.extensions?.data?.errors ?? []).map((d: any) => d.message)
    expect(ruleIdsIn(messages)).toEqual(expect.arrayContaining(['house-script', 'pinyin-artifact', 'punctuation-fullwidth']))
    const after = await latest(story.id)
    expect(after._status).toBe('draft')
    expect(after.title).toBe(PASTED.title)
  })

  test('publishing with style errors through the Local API as an editor (access enforced) is refused, and nothing changes', async () => {
    const story = await pastedDraft()
    const versions = await versionCount(story.id)
    const error: any = await payload
      .update({
        collection: 'articles',
        id: story.id,
        data: { _status: 'published', title: '改过的标题' },
        user: editor,
        overrideAccess: false,
      })
      .then(
        () => null,
        (e: unknown) => e,
      )
    expect(error?.name).toBe('ValidationError')
    expect(error.status).toBe(422)
    const messages: string[] = error.data.errors.map((e: any) => e.message)
    expect(ruleIdsIn(messages)).toEqual(
      expect.arrayContaining(['house-script', 'no-byline-in-body', 'pinyin-artifact', 'punctuation-fullwidth']),
    )
    expect(error.data.errors.map((e: any) => e.path)).toContain('body')
    // The Local API speaks the admin's default language (zh) and names places, never paths or rule ids.
    expect(error.message).toMatch(/^(以下|下面的)字段是无效的：.*正文第1段/)
    expect(error.message).not.toMatch(/pinyin-artifact|body/)
    const after = await latest(story.id)
    expect(after._status).toBe('draft')
    expect(after.title).toBe(PASTED.title)
    expect(await versionCount(story.id)).toBe(versions)
  })

  test('a clean story publishes, rendered with the dateline and byline from its fields', async () => {
    const story = await payload.create({
      collection: 'articles',
      data: {
        title: CLEAN.title,
        body: paragraphs(...CLEAN.paragraphs),
        credits: [{ author: dingId, role: 'reporter' }],
        _status: 'published',
      },
      user: editor,
      overrideAccess: false,
    })
    const doc = story as any
    expect(doc._status).toBe('published')
    expect(doc.styleErrorCount).toBe(0)
    expect(doc.datelineText).toBe('亮点黔西南讯')
    expect(doc.html).toBe(
      `<p><span class="nr-dateline">亮点黔西南讯</span> ${CLEAN.paragraphs[0]}</p><p>${CLEAN.paragraphs[1]}<span class="nr-byline">（丁宪民 报道）</span></p>`,
    )
  })
})

describe('POST /api/house-style/lint', () => {
  const unsaved = {
    title: PASTED.title,
    body: paragraphs(...PASTED.paragraphs),
    dateline: { outlet: '亮点黔西南', kind: 'xun' },
    credits: [],
  }

  test('returns findings and the rendering for unsaved content', async () => {
    const { status, body } = await rest('POST', '/house-style/lint', { token: reporterToken, body: unsaved })
    expect(status).toBe(200)
    const rules = new Set(body.findings.map((f: any) => f.ruleId))
    for (const rule of ['house-script', 'pinyin-artifact', 'punctuation-fullwidth', 'no-byline-in-body']) expect(rules).toContain(rule)
    expect(body.findings.every((f: any) => f.message.zh && f.message.en)).toBe(true)
    expect(body.rendered.datelineText).toBe('亮点黔西南讯')
    expect(body.rendered.html.startsWith('<p><span class="nr-dateline">亮点黔西南讯</span> ')).toBe(true)

    const clean = await rest('POST', '/house-style/lint', {
      token: reporterToken,
      body: {
        title: CLEAN.title,
        body: paragraphs(...CLEAN.paragraphs),
        dateline: { outlet: '亮点黔西南', kind: 'xun' },
        credits: [{ author: dingId, role: 'reporter' }],
      },
    })
    expect(clean.status).toBe(200)
    expect(clean.body.findings).toEqual([])
    expect(clean.body.rendered.bylineText).toBe('（丁宪民 报道）')
  })

  test('is for staff: 401 when anonymous', async () => {
    const { status, body } = await rest('POST', '/house-style/lint', { body: unsaved })
    expect(status).toBe(401)
    expect(body.errors[0].message).toMatch(/log in/i)
  })

  test('refuses a body over 2 MB with 413, malformed JSON and wrong types with 400, each saying what is wrong', async () => {
    const huge = await rest('POST', '/house-style/lint', {
      token: reporterToken,
      body: { title: '长', body: paragraphs('字'.repeat(800_000)) },
    })
    expect(huge.status).toBe(413)
    expect(huge.body.errors[0].message).toMatch(/larger than 2 MB/)

    const malformed = await rest('POST', '/house-style/lint', { token: reporterToken, body: '{"title": "兴仁县",' })
    expect(malformed.status).toBe(400)
    expect(malformed.body.errors[0].message).toMatch(/not valid JSON/)

    const notAnObject = await rest('POST', '/house-style/lint', { token: reporterToken, body: '["兴仁县"]' })
    expect(notAnObject.status).toBe(400)
    expect(notAnObject.body.errors[0].message).toMatch(/JSON object/)

    const wrongTitle = await rest('POST', '/house-style/lint', { token: reporterToken, body: { title: 42 } })
    expect(wrongTitle.status).toBe(400)
    expect(wrongTitle.body.errors[0]).toEqual({ field: 'title', message: 'title must be a string' })

    const wrongBody = await rest('POST', '/house-style/lint', { token: reporterToken, body: { title: '兴仁', body: '<p>html</p>' } })
    expect(wrongBody.status).toBe(400)
    expect(wrongBody.body.errors[0].field).toBe('body')
  })
})

describe('POST /api/house-style/fix', () => {
  test('cleans a pasted story: script, pinyin, punctuation fixed, the typed credit moved into the credits; then it publishes', async () => {
    const story = await pastedDraft()
    const { status, body } = await rest('POST', '/house-style/fix', { token: reporterToken, body: { id: story.id } })
    expect(status).toBe(200)
    expect(body.findings).toEqual([])
    expect(body.applied).toBeGreaterThanOrEqual(4)

    const fixed = await latest(story.id)
    expect(fixed._status).toBe('draft')
    expect(fixed.title).toBe(CLEAN.title)
    expect(bodyTexts(fixed)).toEqual(CLEAN.paragraphs)
    expect(fixed.credits.map((c: any) => [c.author, c.role])).toEqual([[dingId, 'reporter']])
    expect(fixed.styleErrorCount).toBe(0)
    expect(fixed.styleFindings).toEqual([])
    // The credit went to the existing author: no second 丁宪民.
    expect((await payload.count({ collection: 'authors', where: { name: { equals: '丁宪民' } } })).totalDocs).toBe(1)

    const published = await rest('PATCH', `/articles/${story.id}`, { token: editorToken, body: { _status: 'published' } })
    expect(published.status).toBe(200)
    expect(published.body.doc._status).toBe('published')
    expect(published.body.doc.html).toContain(`${CLEAN.paragraphs[1]}<span class="nr-byline">（丁宪民 报道）</span></p>`)
    expect(published.body.doc.plainText).toBe(`亮点黔西南讯 ${CLEAN.paragraphs.join('\n\n')}（丁宪民 报道）`)
  })

  test('fixes the unsaved form content sent along with the id, and saves it as a draft', async () => {
    const story = await pastedDraft()
    const typed = { title: '興仁縣新聞', body: paragraphs('記者從興仁了解到,成效显著。') }
    const { status } = await rest('POST', '/house-style/fix', { token: reporterToken, body: { id: story.id, ...typed } })
    expect(status).toBe(200)
    const fixed = await latest(story.id)
    expect(fixed.title).toBe('兴仁县新闻')
    // The mainland 显著 next to a stray traditional word is left as it is.
    expect(bodyTexts(fixed)).toEqual(['记者从兴仁了解到，成效显著。'])
  })

  test('without an id, returns the fixed fields and saves nothing', async () => {
    const before = await payload.count({ collection: 'articles' })
    const { status, body } = await rest('POST', '/house-style/fix', {
      token: reporterToken,
      body: { title: PASTED.title, body: paragraphs(...PASTED.paragraphs) },
    })
    expect(status).toBe(200)
    expect(body.fields.title).toBe(CLEAN.title)
    expect(bodyTexts(body.fields)).toEqual(CLEAN.paragraphs)
    expect(body.fields.credits).toEqual([{ author: dingId, role: 'reporter' }])
    expect((await payload.count({ collection: 'articles' })).totalDocs).toBe(before.totalDocs)
  })

  test('acts with the caller’s own permissions: 401 anonymous, 404 unknown story, 403 for another reporter’s story', async () => {
    const story = await pastedDraft()
    expect((await rest('POST', '/house-style/fix', { body: { id: story.id } })).status).toBe(401)
    const unknown = await rest('POST', '/house-style/fix', { token: reporterToken, body: { id: 999_999 } })
    expect(unknown.status).toBe(404)
    expect(unknown.body.errors[0].field).toBe('id')
    const otherToken = await tokenFor(payload, otherReporter.email as string)
    const other = await rest('POST', '/house-style/fix', { token: otherToken, body: { id: story.id } })
    expect(other.status).toBe(403)
    expect((await latest(story.id)).title).toBe(PASTED.title)
  })
})

describe('every text a reader sees is linted, and 一键修正 fixes it', () => {
  test('dek, sub-heading, image caption and alt text: findings name the field; the fix saves the story and the picture', async () => {
    const bytes = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 90, b: 90 } } })
      .jpeg()
      .toBuffer()
    // The reporter's own picture: 一键修正 saves its caption and alt text with the reporter's access, and reporters
    // may change only pictures they uploaded.
    const picture = (await payload.create({
      collection: 'media',
      data: { alt: '兴仁县城,全景', caption: '兴仁县城夜景,灯火通明' },
      file: { data: bytes, mimetype: 'image/jpeg', name: 'xingren-night.jpg', size: bytes.length },
      user: reporter,
      overrideAccess: false,
    })) as any
    const body = blocksToLexical(
      [
        { type: 'paragraph', text: '兴仁县采取措施，加快转化速度。' },
        { type: 'heading', text: '抓班子,强组织' },
        { type: 'image', src: 'night' },
        { type: 'paragraph', text: '全县支书赴华西学习，成效显著。' },
      ],
      () => picture.id,
    )
    const story = await pastedDraft({
      title: '兴仁县加快转化',
      dek: '三抓三强,成效显著',
      body,
      credits: [{ author: dingId, role: 'reporter' }],
    })

    const linted = await rest('POST', '/house-style/lint', {
      token: reporterToken,
      body: { title: '兴仁县加快转化', dek: '三抓三强,成效显著', body },
    })
    expect(linted.status).toBe(200)
    const located = linted.body.findings
      .filter((f: any) => f.ruleId === 'punctuation-fullwidth')
      .map((f: any) => [f.location.field, f.location.block ?? null])
    expect(located).toEqual([
      ['dek', null],
      ['body', 1],
      ['caption', 2],
      ['alt', 2],
    ])
    // Publishing refuses the half-width comma in the dek as it does in the body (422, like every style refusal).
    expect((await rest('PATCH', `/articles/${story.id}`, { token: editorToken, body: { _status: 'published' } })).status).toBe(422)

    const fixed = await rest('POST', '/house-style/fix', { token: reporterToken, body: { id: story.id } })
    expect(fixed.status).toBe(200)
    expect(fixed.body.findings).toEqual([])
    const saved = await latest(story.id)
    expect(saved.dek).toBe('三抓三强，成效显著')
    expect(bodyTexts({ body: { root: { children: saved.body.root.children.filter((n: any) => n.type !== 'upload') } } })).toEqual([
      '兴仁县采取措施，加快转化速度。',
      '抓班子，强组织',
      '全县支书赴华西学习，成效显著。',
    ])
    const media = (await payload.findByID({ collection: 'media', id: picture.id })) as any
    expect([media.caption, media.alt]).toEqual(['兴仁县城夜景，灯火通明', '兴仁县城，全景'])
    const published = await rest('PATCH', `/articles/${story.id}`, { token: editorToken, body: { _status: 'published' } })
    expect(published.status).toBe(200)
  })
})

describe('editorial workflow: submit is blocked by style errors', () => {
  test('over REST: 422 with the error findings; after the fix, submit goes through', async () => {
    const story = await pastedDraft()
    const refused = await rest('POST', `/articles/${story.id}/workflow`, { token: reporterToken, body: { action: 'submit' } })
    expect(refused.status).toBe(422)
    expect(refused.body.reason).toBe('style')
    expect(refused.body.findings.map((f: any) => f.ruleId)).toEqual(expect.arrayContaining(['house-script', 'pinyin-artifact']))
    expect((await latest(story.id)).stage).toBe('draft')

    expect((await rest('POST', '/house-style/fix', { token: reporterToken, body: { id: story.id } })).status).toBe(200)
    const submitted = await rest('POST', `/articles/${story.id}/workflow`, { token: reporterToken, body: { action: 'submit' } })
    expect(submitted.status).toBe(200)
    expect((await latest(story.id)).stage).toBe('submitted')
  })

  test('over GraphQL: refused with status 422 and the findings', async () => {
    const story = await pastedDraft()
    const { body } = await graphql(
      `
        mutation ($id: ID!) {
          transitionArticle(id: $id, action: submit) {
            stage
          }
        }
      `,
      { id: String(story.id) },
      reporterToken,
    )
    expect(body.data?.transitionArticle ?? null).toBeNull()
    expect(body.errors[0].extensions.statusCode).toBe(422)
    expect(body.errors[0].extensions.data.findings.map((f: any) => f.ruleId)).toContain('house-script')
    expect((await latest(story.id)).stage).toBe('draft')
  })
})
