import { describe, expect, it } from 'vitest'
import {
  topLevelBlocks,
  toWeChatArticle,
  truncateText,
  WECHAT_LIMITS,
} from '../../../plugins/distribution/src/channel-types/wechat/wechat-article'
import { makeImage, makePublishedArticle } from '../../support/published-article'

const codePoints = (s: string) => [...s].length

describe('toWeChatArticle', () => {
  it('maps the story to draft fields within the limits', () => {
    const article = makePublishedArticle()
    const result = toWeChatArticle(article)
    expect(result.title).toBe('兴仁县“三抓三强”加快后进党组织转化')
    expect(result.author).toBe('丁宪民')
    expect(result.digest).toBe(article.summary)
    expect(result.content_source_url).toBe(article.url)
    expect(result.truncated).toBe(false)
    // Dateline at the head (bold, inline), byline at the end.
    expect(result.content.startsWith('<p style="')).toBe(true)
    expect(result.content).toMatch(/^<p style="[^"]*"><span style="font-weight:bold">亮点黔西南讯<\/span> 按照/)
    expect(result.content).toContain('<span style="color:#666666">（丁宪民 报道）</span></p>')
  })

  it('truncates long title, author and digest by code points with an ellipsis', () => {
    const result = toWeChatArticle(
      makePublishedArticle({
        headline: '兴仁县“三抓三强”加快后进党组织转化，全县12个后进党组织全部转化为一般党支部，162个村支书赴华西村学习',
        credits: [
          { name: '丁宪民', role: 'reporter' },
          { name: '欧阳娜娜', role: 'reporter' },
          { name: '司马相如', role: 'correspondent' },
          { name: '诸葛孔明', role: 'correspondent' },
        ],
        summary: '兴仁县采取“三抓三强”措施'.repeat(20),
      }),
    )
    expect(codePoints(result.title)).toBe(WECHAT_LIMITS.title)
    expect(result.title.endsWith('……')).toBe(true)
    expect(codePoints(result.author)).toBeLessThanOrEqual(WECHAT_LIMITS.author)
    expect(result.author.startsWith('丁宪民 欧阳娜娜')).toBe(true)
    expect(codePoints(result.digest)).toBe(WECHAT_LIMITS.digest)
    expect(result.digest.endsWith('……')).toBe(true)
  })

  it('counts code points, so astral characters are neither split nor double-counted', () => {
    const title = '𠮷'.repeat(40)
    const cut = truncateText(title, 32)
    expect(codePoints(cut)).toBe(32)
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
    expect(truncateText('短标题', 32)).toBe('短标题')
    expect(truncateText('An English headline that is far too long for WeChat', 20)).toBe('An English headline…')
  })

  it('strips script, event handlers, class and id; keeps only inline styles', () => {
    const article = makePublishedArticle({
      html:
        '<p class="lead" id="p1" style="position:fixed" onclick="steal()"><span class="nr-dateline">亮点黔西南讯</span> 正文<script>alert(1)</script></p>' +
        '<style>p{color:red}</style><p><a href="javascript:alert(1)">链接</a><img src="x" onerror="alert(1)"></p>' +
        '<p>外链<a href="https://example.com/">示例</a>与<a href="https://mp.weixin.qq.com/s/abc">往期</a></p>',
    })
    const { content } = toWeChatArticle(article)
    expect(content).not.toMatch(/<script|alert\(1\)|onerror|onclick|javascript:|<style|color:red|position:fixed/i)
    expect(content).not.toMatch(/\sclass=|\sid=/)
    expect(content).not.toContain('<a href="https://example.com/"')
    expect(content).toContain('示例')
    expect(content).toContain('<a href="https://mp.weixin.qq.com/s/abc">往期</a>')
    // Every element carries nothing but inline style (or src/alt/href).
    for (const [, attrs] of content.matchAll(/<[a-z0-9]+((?:\s[^>]*)?)>/g)) {
      for (const [, name] of attrs.matchAll(/\s([a-z-]+)=/g)) expect(['style', 'src', 'alt', 'href']).toContain(name)
    }
  })

  it('drops external images (and their captions) unless uploaded to WeChat', () => {
    const local = makeImage('local-photo')
    const uploaded = makeImage('uploaded-photo')
    const html =
      `<p><span class="nr-dateline">亮点黔西南讯</span> 正文</p>` +
      `<figure class="nr-image"><img src="${local.url}" alt="未上传"><figcaption>未上传的图片说明</figcaption></figure>` +
      `<figure class="nr-image"><img src="${uploaded.url}" alt="已上传"><figcaption>已上传的图片说明</figcaption></figure>` +
      `<p><img src="http://mmbiz.qpic.cn/mmbiz_jpg/abc/0" alt="早已在微信"></p>`
    const result = toWeChatArticle(makePublishedArticle({ html, images: [local, uploaded] }), {
      imageUrlMap: { [uploaded.url]: 'http://mmbiz.qpic.cn/mmbiz_jpg/uploaded/0' },
    })
    expect(result.droppedImages).toEqual([local.url])
    expect(result.content).not.toContain(local.url)
    expect(result.content).not.toContain('未上传的图片说明')
    expect(result.content).toContain('src="http://mmbiz.qpic.cn/mmbiz_jpg/uploaded/0"')
    expect(result.content).toContain('已上传的图片说明')
    expect(result.content).toContain('src="http://mmbiz.qpic.cn/mmbiz_jpg/abc/0"')
    expect(result.content).not.toContain(uploaded.url)
  })

  it('cuts over-long content at a block boundary and ends with a link to the full story', () => {
    const paragraphs = Array.from(
      { length: 400 },
      (_, i) => `<p>第${i + 1}段：兴仁县采取“三抓三强”措施，进一步加快后进党组织转化速度，在确保转化质量的同时保证如期完成。</p>`,
    )
    const article = makePublishedArticle({ html: `<p><span class="nr-dateline">亮点黔西南讯</span> 导语</p>${paragraphs.join('')}` })
    const result = toWeChatArticle(article)
    expect(result.truncated).toBe(true)
    expect(result.content.length).toBeLessThan(WECHAT_LIMITS.contentChars)
    expect(Buffer.byteLength(result.content)).toBeLessThan(WECHAT_LIMITS.contentBytes)
    expect(result.content).toContain(`<a href="${article.url}">原文链接</a>`)
    expect(result.content).toContain('阅读原文')
    // Every block is whole: the content re-splits into complete <p> elements.
    for (const block of topLevelBlocks(result.content)) expect(block).toMatch(/^<p style="[^"]*">.*<\/p>$/s)

    const small = toWeChatArticle(article, { maxContentChars: 2000 })
    expect(small.content.length).toBeLessThan(2000)
    expect(small.content.endsWith('</p>')).toBe(true)
  })

  it('respects the byte limit as well as the character limit', () => {
    const html = `<p>${'黔'.repeat(3000)}</p><p>${'黔'.repeat(3000)}</p>`
    const result = toWeChatArticle(makePublishedArticle({ html }), { maxContentChars: 20_000, maxContentBytes: 12_000 })
    expect(Buffer.byteLength(result.content)).toBeLessThan(12_000)
    expect(result.truncated).toBe(true)
  })

  it('cuts inside a single enormous paragraph cleanly', () => {
    const result = toWeChatArticle(makePublishedArticle({ html: `<p>${'兴仁&amp;'.repeat(10_000)}</p>` }), { maxContentChars: 3000 })
    expect(result.content.length).toBeLessThan(3000)
    expect(result.content).toMatch(/^<p style="[^"]*">兴仁&amp;兴仁/)
    expect(result.content).not.toMatch(/&(?!amp;|quot;|lt;|gt;)/)
  })

  it('marks the dateline even when the renderer did not wrap it', () => {
    const result = toWeChatArticle(makePublishedArticle({ html: '<p>亮点黔西南讯 按照基层组织建设年整顿提高阶段任务要求。</p>' }))
    expect(result.content).toContain('<span style="font-weight:bold">亮点黔西南讯</span> 按照')
  })

  it('converts to the channel script', () => {
    const result = toWeChatArticle(makePublishedArticle(), { script: 'zh-Hant-HK' })
    expect(result.title).toContain('興仁縣')
    expect(result.author).toBe('丁憲民')
    expect(result.content).toContain('亮點黔西南訊')
  })
})

describe('content_source_url', () => {
  it("is the story URL up to WeChat's 1 KB limit, and left out (never cut into a wrong link) beyond it", () => {
    const ok = makePublishedArticle({ url: `https://news.example.cn/news/${'a'.repeat(1024 - 'https://news.example.cn/news/'.length)}` })
    expect(Buffer.byteLength(ok.url)).toBe(1024)
    expect(toWeChatArticle(ok).content_source_url).toBe(ok.url)
    const long = makePublishedArticle({ url: `${ok.url}b` })
    expect(toWeChatArticle(long).content_source_url).toBe('')
  })
})
