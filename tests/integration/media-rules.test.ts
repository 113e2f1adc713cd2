/**
 * Pictures follow the desk's rules, through REST (JSON and multipart, as the admin sends them) and the Local API
 * with real users: reporters upload and change only their own pictures that no published story shows; editors
 * manage every picture; a file a published story shows is never replaced or deleted out from under it.
 */
import config from '@payload-config'
import { REST_PATCH } from '@payloadcms/next/routes'
import { existsSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'

vi.hoisted(() => {
  process.env.NEWSROOM_DELIVERY_IMMEDIATE = 'false'
})

import { rest } from '../support/http'
import { createDeskUser, tokenFor } from '../support/desk-users'
import { act, bootDistributionDesk, closeDistributionDesk, type DistributionDesk, writeStory } from '../support/distribution-desk'

type Doc = Record<string, any>
let d: DistributionDesk
let otherReporter: { user: Doc; token: string }

beforeAll(async () => {
  d = await bootDistributionDesk()
  const { user } = await createDeskUser(d.payload, 'reporter', `reporter-b-${Math.random().toString(36).slice(2, 6)}`)
  otherReporter = { user: user as Doc, token: await tokenFor(d.payload, (user as Doc).email) }
})
afterAll(async () => {
  await closeDistributionDesk(d)
})

let n = 0
async function png(): Promise<Buffer> {
  n++
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: (n * 40) % 255, g: 120, b: 80 } } })
    .png()
    .toBuffer()
}

/** Uploads as `user` through the Local API with access enforced, as the admin's upload does. */
async function upload(user: Doc, alt = '兴仁县乡村学校') {
  const data = await png()
  return (await d.payload.create({
    collection: 'media',
    data: { alt },
    file: { data, mimetype: 'image/png', name: `school-${n}.png`, size: data.length },
    overrideAccess: false,
    user: user,
  })) as Doc
}

/** A multipart PATCH (a new file), the way the admin replaces a picture. */
async function replaceFile(id: string | number, token: string) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(await png())], { type: 'image/png' }), 'replacement.png')
  form.append('_payload', JSON.stringify({ alt: '换了的图' }))
  const request = new Request(`http://localhost/api/media/${id}`, {
    method: 'PATCH',
    headers: { Authorization: `JWT ${token}` },
    body: form,
  })
  const response = await REST_PATCH(config)(request, { params: Promise.resolve({ slug: ['media', String(id)] }) })
  return { status: response.status, body: await response.json() }
}

const fileOnDisk = (doc: Doc) => existsSync(path.join(process.env.NEWSROOM_DATA_DIR!, 'media', doc.filename))
const message = (body: any) => JSON.stringify(body.errors ?? body)

async function publishWith(mediaId: string | number, where: 'hero' | 'body') {
  const overrides =
    where === 'hero'
      ? { heroImage: mediaId }
      : {
          body: {
            root: {
              type: 'root',
              version: 1,
              format: '',
              indent: 0,
              direction: 'ltr',
              children: [
                {
                  type: 'paragraph',
                  version: 1,
                  format: '',
                  indent: 0,
                  direction: 'ltr',
                  textFormat: 0,
                  textStyle: '',
                  children: [
                    { type: 'text', version: 1, text: '兴仁县今年新建了十二所乡村学校。', format: 0, detail: 0, mode: 'normal', style: '' },
                  ],
                },
                { type: 'upload', version: 3, id: 'a1b2c3d4e5f6a1b2c3d4e5f6', relationTo: 'media', value: mediaId, fields: {}, format: '' },
              ],
            },
          },
        }
  const id = await writeStory(d, overrides)
  await act(d, id, 'publish')
  return id
}

describe('who may change a picture', () => {
  test('a reporter uploads; the upload records who did; they may edit and delete their own unused picture', async () => {
    const mine = await upload(d.reporter.user)
    expect(mine.uploadedBy?.id ?? mine.uploadedBy).toBe(d.reporter.user.id)
    const edited = await rest('PATCH', `/media/${mine.id}`, { token: d.reporter.token, body: { caption: '新校舍' } })
    expect(edited.status).toBe(200)
    expect(edited.body.doc.caption).toBe('新校舍')
    // Nobody can claim a picture by typing uploadedBy.
    const claim = await rest('PATCH', `/media/${mine.id}`, { token: d.reporter.token, body: { uploadedBy: otherReporter.user.id } })
    expect(claim.status).toBe(200)
    expect(claim.body.doc.uploadedBy?.id ?? claim.body.doc.uploadedBy).toBe(d.reporter.user.id)
    const replaced = await replaceFile(mine.id, d.reporter.token)
    expect(replaced.status).toBe(200)
    const deleted = await rest('DELETE', `/media/${mine.id}`, { token: d.reporter.token })
    expect(deleted.status).toBe(200)
  })

  test("a reporter cannot change, replace or delete another reporter's picture; an editor can change any", async () => {
    const theirs = await upload(otherReporter.user)
    const patch = await rest('PATCH', `/media/${theirs.id}`, { token: d.reporter.token, body: { alt: '改别人的图' } })
    expect([403, 404]).toContain(patch.status)
    expect((await replaceFile(theirs.id, d.reporter.token)).status).not.toBe(200)
    expect([403, 404]).toContain((await rest('DELETE', `/media/${theirs.id}`, { token: d.reporter.token })).status)
    const gql = await rest('GET', `/media/${theirs.id}`, { token: d.reporter.token })
    expect(gql.body.alt).toBe('兴仁县乡村学校')
    expect(fileOnDisk(theirs)).toBe(true)

    const byEditor = await rest('PATCH', `/media/${theirs.id}`, { token: d.editor.token, body: { credit: '丁宪民 摄' } })
    expect(byEditor.status).toBe(200)
    // Local API with access enforced says the same.
    await expect(
      d.payload.update({ collection: 'media', id: theirs.id, data: { alt: 'x' }, overrideAccess: false, user: d.reporter.user }),
    ).rejects.toThrow()
  })
})

describe('a picture a published story shows', () => {
  for (const where of ['hero', 'body'] as const) {
    test(`(${where === 'hero' ? 'hero image' : 'in the body'}) is never replaced or deleted under the story, by anyone; only editors edit its text`, async () => {
      const picture = await upload(d.reporter.user)
      await publishWith(picture.id, where)

      // The reporter who uploaded it may no longer touch it.
      const reporterEdit = await rest('PATCH', `/media/${picture.id}`, { token: d.reporter.token, body: { alt: '改' } })
      expect(reporterEdit.status).toBe(403)
      expect(message(reporterEdit.body)).toMatch(/shown by published story «兴仁县新建乡村学校第\d+批»; only an editor/)
      const reporterReplace = await replaceFile(picture.id, d.reporter.token)
      expect(reporterReplace.status).toBe(409)
      const reporterDelete = await rest('DELETE', `/media/${picture.id}`, { token: d.reporter.token })
      expect(reporterDelete.status).toBe(409)

      // Editors fix its words, but cannot swap or delete the file either.
      const editorEdit = await rest('PATCH', `/media/${picture.id}`, { token: d.editor.token, body: { alt: '兴仁县新建的乡村学校教学楼' } })
      expect(editorEdit.status).toBe(200)
      const editorReplace = await replaceFile(picture.id, d.admin.token)
      expect(editorReplace.status).toBe(409)
      expect(message(editorReplace.body)).toMatch(
        /file: this picture is shown by published story .*cannot be replaced\. Upload a new picture/,
      )
      const editorDelete = await rest('DELETE', `/media/${picture.id}`, { token: d.admin.token })
      expect(editorDelete.status).toBe(409)
      expect(message(editorDelete.body)).toMatch(/take it out of the story \(or unpublish\) before deleting the picture/)
      // Bulk delete by a where clause meets the same rule.
      const bulk = await rest('DELETE', `/media?where[id][equals]=${picture.id}`, { token: d.admin.token })
      expect(bulk.body.docs ?? []).toHaveLength(0)

      const after = (await d.payload.findByID({ collection: 'media', id: picture.id })) as Doc
      expect(after.filename).toBe(picture.filename)
      expect(fileOnDisk(picture)).toBe(true)
    })
  }

  test('once the story is unpublished the picture is free again (for the editor)', async () => {
    const picture = await upload(d.reporter.user)
    const story = await publishWith(picture.id, 'hero')
    expect((await rest('DELETE', `/media/${picture.id}`, { token: d.editor.token })).status).toBe(409)
    await act(d, story, 'unpublish', '撤回重写')
    expect((await rest('PATCH', `/media/${picture.id}`, { token: d.reporter.token, body: { caption: '撤稿后可改' } })).status).toBe(200)
  })
})

describe('the media permission matrix (REST, every role)', () => {
  type Who = 'uploader' | 'otherReporter' | 'editor' | 'admin' | 'anonymous'
  const tokenOf = (who: Who) =>
    ({
      uploader: d.reporter.token,
      otherReporter: otherReporter.token,
      editor: d.editor.token,
      admin: d.admin.token,
      anonymous: undefined,
    })[who]
  // [who, unused picture: may edit?, may delete?, used by a published story: may edit text?]
  const matrix: [Who, boolean, boolean, boolean][] = [
    ['uploader', true, true, false],
    ['otherReporter', false, false, false],
    ['editor', true, true, true],
    ['admin', true, true, true],
    ['anonymous', false, false, false],
  ]
  for (const [who, mayEdit, mayDelete, mayEditPublished] of matrix) {
    test(`${who}: edit ${mayEdit ? 'yes' : 'no'}, delete ${mayDelete ? 'yes' : 'no'}, edit a published story's picture ${mayEditPublished ? 'yes' : 'no'}; never replace or delete it`, async () => {
      const token = tokenOf(who)
      const unused = await upload(d.reporter.user)
      const edit = await rest('PATCH', `/media/${unused.id}`, { token, body: { caption: `${who} 改` } })
      expect(edit.status === 200, `edit → ${edit.status}`).toBe(mayEdit)
      const del = await rest('DELETE', `/media/${unused.id}`, { token })
      expect(del.status === 200, `delete → ${del.status}`).toBe(mayDelete)

      const used = await upload(d.reporter.user)
      await publishWith(used.id, 'hero')
      const editUsed = await rest('PATCH', `/media/${used.id}`, { token, body: { caption: `${who} 改已发` } })
      expect(editUsed.status === 200, `edit published → ${editUsed.status}`).toBe(mayEditPublished)
      expect((await rest('DELETE', `/media/${used.id}`, { token })).status).not.toBe(200)
      expect(fileOnDisk(used)).toBe(true)
      // Anyone may read pictures (the public site shows them).
      expect((await rest('GET', `/media/${used.id}`, {})).status).toBe(200)
    })
  }

  test('uploads: staff yes, anonymous no', async () => {
    const data = await png()
    await expect(
      d.payload.create({
        collection: 'media',
        data: { alt: '匿名上传' },
        file: { data, mimetype: 'image/png', name: 'anon.png', size: data.length },
        overrideAccess: false,
      }),
    ).rejects.toThrow()
    expect((await upload(otherReporter.user)).id).toBeTruthy()
  })
})
