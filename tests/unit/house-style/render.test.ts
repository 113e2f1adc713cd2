/**
 * The one renderer: every dateline preset and byline pattern as a reader sees it, in the html and the plain
 * text every channel starts from; typed text escaped; a correction note closing the story.
 */
import { describe, expect, it } from 'vitest'

import { blocksToLexical } from '../../../plugins/house-style/src/lexical/blocks'
import { datelinePresets } from '../../../plugins/house-style/src/presets'
import { renderStory, type RenderOptions, type StoryToRender } from '../../../plugins/house-style/src/render/render-story'
import type { Block, BylinePatternId, Credit, Dateline, DatelinePresetId } from '../../../plugins/house-style/src/types'

const ZH = ['兴仁县采取“三抓三强”措施，加快后进党组织转化。', '全县162个村（居、社区）支书赴华西学习。']
const EN = ['Lawmakers passed the bill on Tuesday.', 'It now goes to the Senate.']

const body = (paragraphs: string[], extra: Block[] = []) =>
  blocksToLexical([...paragraphs.map((text) => ({ type: 'paragraph' as const, text })), ...extra], (src) =>
    src === 'photo' ? 7 : undefined,
  )

function render(
  preset: DatelinePresetId,
  pattern: BylinePatternId,
  dateline: Dateline | null,
  credits: Credit[],
  story: Partial<StoryToRender> = {},
  options: Partial<RenderOptions> = {},
) {
  const english = preset === 'ap' || preset === 'reuters'
  return renderStory(
    { body: body(english ? EN : ZH), dateline, credits, ...story },
    { datelinePreset: preset, bylinePattern: pattern, timeZone: 'Asia/Shanghai', ...options },
  )
}

const reporters = (...names: string[]): Credit[] => names.map((name) => ({ name, role: 'reporter' }))

describe('Chinese datelines', () => {
  it('outlet + 讯: 亮点黔西南讯 opens the first paragraph, the credit closes the story', () => {
    const out = render('outlet-xun', 'reported-by', { outlet: '亮点黔西南', kind: '讯' }, reporters('丁宪民'))
    expect(out.datelineText).toBe('亮点黔西南讯')
    expect(out.bylineText).toBe('（丁宪民 报道）')
    expect(out.html).toBe(
      `<p><span class="nr-dateline">亮点黔西南讯</span> ${ZH[0]}</p><p>${ZH[1]}<span class="nr-byline">（丁宪民 报道）</span></p>`,
    )
    expect(out.plainText).toBe(`亮点黔西南讯 ${ZH[0]}\n\n${ZH[1]}（丁宪民 报道）`)
  })

  it('本报讯 and 本报兴仁讯: the outlet is 本报 unless set', () => {
    expect(render('benbao', 'reported-by', { place: '兴仁' }, []).datelineText).toBe('本报兴仁讯')
    expect(render('benbao', 'reported-by', { outlet: '本报', place: null }, []).datelineText).toBe('本报讯')
    expect(render('benbao', 'reported-by', { place: '兴仁' }, []).html.startsWith('<p><span class="nr-dateline">本报兴仁讯</span> ')).toBe(
      true,
    )
  })

  it('wire: 新华社贵阳11月26日电 with （记者 张三 李四） right after it, no space, in html and text', () => {
    const out = render(
      'wire',
      'reporter-correspondent',
      { outlet: '新华社', place: '贵阳', date: '2024-11-26', kind: '电' },
      reporters('张三', '李四'),
    )
    expect(out.datelineText).toBe('新华社贵阳11月26日电')
    expect(out.bylineText).toBe('（记者 张三 李四）')
    expect(out.html).toBe(
      `<p><span class="nr-dateline">新华社贵阳11月26日电</span><span class="nr-byline">（记者 张三 李四）</span>${ZH[0]}</p><p>${ZH[1]}</p>`,
    )
    expect(out.plainText).toBe(`新华社贵阳11月26日电（记者 张三 李四）${ZH[0]}\n\n${ZH[1]}`)
  })

  it('wire credits group by role: 记者 … 通讯员 …, a photographer as 某某 摄, editors left to the page furniture', () => {
    const credits: Credit[] = [
      { name: '李四', role: 'reporter' },
      { name: '王五', role: 'correspondent' },
      { name: '赵六', role: 'photographer' },
      { name: '钱七', role: 'editor' },
    ]
    expect(render('benbao', 'reporter-correspondent', { place: '兴仁' }, credits).bylineText).toBe('（记者 李四 通讯员 王五 赵六 摄）')
  })

  it('the date is the desk’s calendar day (Asia/Shanghai), not UTC’s', () => {
    const out = render(
      'wire',
      'reporter-correspondent',
      { outlet: '新华社', place: '北京', date: '2024-11-25T16:30:00.000Z', kind: '电' },
      [],
    )
    expect(out.datelineText).toBe('新华社北京11月26日电')
  })

  it('消息: 新华网北京11月26日消息', () => {
    const out = render('xiaoxi', 'reported-by', { outlet: '新华网', place: '北京', date: '2024-11-26' }, [])
    expect(out.datelineText).toBe('新华网北京11月26日消息')
  })

  it('a story without a dateline or credits renders its body alone', () => {
    const out = render('outlet-xun', 'reported-by', null, [])
    expect(out.datelineText).toBe('')
    expect(out.bylineText).toBe('')
    expect(out.html).toBe(`<p>${ZH[0]}</p><p>${ZH[1]}</p>`)
  })

  it('the credit goes at the end of the last paragraph, before a closing picture', () => {
    const media = new Map([
      ['7', { url: '/media/photo.jpg', alt: '兴仁县城', width: 900, height: 600, caption: '兴仁县城', credit: '丁宪民 摄' }],
    ])
    const out = renderStory(
      { body: body(ZH, [{ type: 'image', src: 'photo' }]), dateline: { outlet: '亮点黔西南' }, credits: reporters('丁宪民') },
      { datelinePreset: 'outlet-xun', bylinePattern: 'reported-by', timeZone: 'Asia/Shanghai', media },
    )
    expect(out.html).toContain(`${ZH[1]}<span class="nr-byline">（丁宪民 报道）</span></p><figure class="nr-image">`)
    expect(out.html).toContain(
      '<img src="/media/photo.jpg" alt="兴仁县城" width="900" height="600" /><figcaption>兴仁县城（丁宪民 摄）</figcaption></figure>',
    )
  })
})

describe('English datelines', () => {
  it('AP: WASHINGTON (AP) — then the text', () => {
    const out = render('ap', 'by-english', { place: 'Washington' }, [])
    expect(out.datelineText).toBe('WASHINGTON (AP) —')
    expect(out.html).toBe(`<p><span class="nr-dateline">WASHINGTON (AP) —</span> ${EN[0]}</p><p>${EN[1]}</p>`)
    expect(out.plainText).toBe(`WASHINGTON (AP) — ${EN[0]}\n\n${EN[1]}`)
  })

  it('Reuters: LONDON, Nov 26 (Reuters) - then the text', () => {
    const out = render('reuters', 'by-english', { place: 'London', date: '2024-11-26' }, [])
    expect(out.datelineText).toBe('LONDON, Nov 26 (Reuters) -')
    expect(out.html.startsWith(`<p><span class="nr-dateline">LONDON, Nov 26 (Reuters) -</span> ${EN[0]}</p>`)).toBe(true)
  })

  it('By-line: its own line above the story, names joined the English way', () => {
    const one = render('ap', 'by-english', { place: 'Washington' }, [{ name: 'Jane Doe', role: 'reporter' }])
    expect(one.bylineText).toBe('By Jane Doe')
    expect(one.html.startsWith('<p class="nr-byline">By Jane Doe</p><p><span class="nr-dateline">WASHINGTON (AP) —</span> ')).toBe(true)
    expect(one.plainText.startsWith('By Jane Doe\n\nWASHINGTON (AP) — ')).toBe(true)
    const three = render('ap', 'by-english', { place: 'Washington' }, reporters('Jane Doe', 'John Roe', 'Ann Poe'))
    expect(three.bylineText).toBe('By Jane Doe, John Roe and Ann Poe')
  })

  it('every preset renders its own example', () => {
    const examples: [DatelinePresetId, Dateline][] = [
      ['outlet-xun', { outlet: '亮点黔西南' }],
      ['benbao', { place: '兴仁' }],
      ['wire', { outlet: '新华社', place: '贵阳', date: '2024-11-26' }],
      ['xiaoxi', { outlet: '新华网', place: '北京', date: '2024-11-26' }],
      ['ap', { place: 'Washington' }],
      ['reuters', { place: 'London', date: '2024-11-26' }],
    ]
    for (const [id, dateline] of examples) expect(datelinePresets[id].render(dateline, 'Asia/Shanghai')).toBe(datelinePresets[id].example)
  })
})

describe('escaping and sanitising', () => {
  it('escapes markup typed in the body, the dateline and the credits', () => {
    const out = renderStory(
      {
        body: body(['<script>alert(1)</script><img src=x onerror=alert(2)>']),
        dateline: { outlet: '<b onmouseover="alert(3)">亮点</b>' },
        credits: reporters('<i>丁宪民</i>'),
      },
      { datelinePreset: 'outlet-xun', bylinePattern: 'reported-by', timeZone: 'Asia/Shanghai' },
    )
    // Only the renderer's own tags are markup; what was typed is text.
    expect([...out.html.matchAll(/<([a-z]+)/g)].map((m) => m[1])).toEqual(['p', 'span', 'span'])
    expect(out.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;')
    expect(out.html).toContain('<span class="nr-dateline">&lt;b onmouseover="alert(3)"&gt;亮点&lt;/b&gt;讯</span>')
    expect(out.html).toContain('<span class="nr-byline">（&lt;i&gt;丁宪民&lt;/i&gt; 报道）</span>')
    // The plain text keeps what was typed, as text.
    expect(out.plainText).toContain('<script>alert(1)</script>')
  })

  it('drops javascript: links but keeps http ones', () => {
    const doc = body(['看这里'])
    const paragraph = doc.root.children[0]
    paragraph.children = [
      {
        type: 'link',
        fields: { url: 'javascript:alert(1)', linkType: 'custom' },
        children: [{ type: 'text', text: '坏链接', format: 0, version: 1 }],
        version: 3,
        format: '',
        indent: 0,
        direction: 'ltr',
      },
      {
        type: 'link',
        fields: { url: 'https://example.com/a', linkType: 'custom' },
        children: [{ type: 'text', text: '好链接', format: 0, version: 1 }],
        version: 3,
        format: '',
        indent: 0,
        direction: 'ltr',
      },
    ]
    const out = renderStory({ body: doc }, { datelinePreset: 'outlet-xun', bylinePattern: 'reported-by', timeZone: 'Asia/Shanghai' })
    expect(out.html).not.toContain('javascript:')
    expect(out.html).toContain('坏链接')
    expect(out.html).toMatch(/<a href="https:\/\/example.com\/a"[^>]*rel="noopener noreferrer"[^>]*>好链接<\/a>/)
  })
})

describe('corrections', () => {
  it('a correction note is rendered at the very end, after the credit, dated in the desk’s time zone', () => {
    const out = render('outlet-xun', 'reported-by', { outlet: '亮点黔西南' }, reporters('丁宪民'), {
      corrections: [{ note: '原稿村数有误，已更正。', date: '2024-11-26T17:00:00.000Z' }],
    })
    expect(
      out.html.endsWith(
        `<span class="nr-byline">（丁宪民 报道）</span></p><p class="nr-correction">更正（2024年11月27日）：原稿村数有误，已更正。</p>`,
      ),
    ).toBe(true)
    expect(out.plainText.endsWith('（丁宪民 报道）\n\n更正（2024年11月27日）：原稿村数有误，已更正。')).toBe(true)
  })

  it('in English stories: Correction (YYYY-MM-DD): …; blank notes are skipped; markup is escaped', () => {
    const out = render('ap', 'by-english', { place: 'Washington' }, [], {
      corrections: [
        { note: 'An earlier version misstated the vote <b>count</b>.', date: '2024-11-27T02:00:00.000Z' },
        { note: '   ', date: '2024-11-28T02:00:00.000Z' },
      ],
    })
    expect(
      out.html.endsWith(
        '<p class="nr-correction">Correction (2024-11-27): An earlier version misstated the vote &lt;b&gt;count&lt;/b&gt;.</p>',
      ),
    ).toBe(true)
    expect(out.html.match(/nr-correction/g)).toHaveLength(1)
  })
})
