/**
 * Test data: a PublishedArticle as the house-style renderer produces it, built from the founding story
 * (亮点黔西南, 兴仁县“三抓三强”) in the house script, with dateline and byline already rendered into the html.
 */
import type { PublishedArticle, PublishedImage } from '../../plugins/distribution'

export const SITE = 'https://news.example.cn'

const PARAGRAPHS = {
  lede: '按照基层组织建设年整顿提高阶段任务要求，结合工作实际，兴仁县采取“三抓三强”措施，进一步加快后进党组织转化速度，在确保转化质量的同时，保证后进党组织转化如期完成。',
  team: '以加强班子队伍建设为抓手，进一步增强基层党组织的凝聚力和战斗力。2012年7月底组织46名村支书到华西村学习，8月初组织5名大学生村官赴华西村取经，由此实现了全县162个村（居、社区）支书赴华西学习的全覆盖。',
  plan: '对全县12个后进党组织进行深入调研，找准后进原因，在12个村成立以包村领导为组长、其他包村干部为成员的帮促工作组，帮促转化覆盖率达100%。城北街道办事处锁寨村找准发展方向，种植大棚蔬菜、枇杷等特色农产品，已获得良好经济效益。',
  check:
    '兴仁县委组织部每月定期或不定期听取后进党组织所在的乡镇（街道）党委汇报计划安排、任务推进情况，建立督导激励制度，目前已开展20余次专项督查，确保整改提高措施得到一一落实。',
  close:
    '通过“三抓三强”措施的落实，民建乡林家田村支部、新马场乡田边村支部、真武山街道卯寨小学支部、东湖街道河丰小学支部4个后进党组织已成功转化为一般党支部。',
}

let sequence = 0

export function makeImage(name: string, overrides: Partial<PublishedImage> = {}): PublishedImage {
  return {
    url: `${SITE}/media/${name}.jpg`,
    alt: '兴仁县村支书在华西村学习',
    caption: '2012年7月，兴仁县村支书在华西村考察学习',
    credit: '丁宪民 摄',
    width: 1200,
    height: 800,
    mimeType: 'image/jpeg',
    ...overrides,
  }
}

/** The rendered html for a body (dateline opening the first paragraph, byline closing the last). */
export function renderHtml(datelineText: string, bylineText: string, images: PublishedImage[] = []): string {
  const figure = (image: PublishedImage) =>
    `<figure class="nr-image"><img src="${image.url}" alt="${image.alt}" width="${image.width ?? 800}" height="${image.height ?? 600}" /><figcaption>${image.caption ?? ''}（${image.credit ?? ''}）</figcaption></figure>`
  return [
    `<p><span class="nr-dateline">${datelineText}</span> ${PARAGRAPHS.lede}</p>`,
    '<h2>抓班子 强组织</h2>',
    `<p>${PARAGRAPHS.team}</p>`,
    ...images.map(figure),
    '<h2>抓思路 强发展</h2>',
    `<p>${PARAGRAPHS.plan}</p>`,
    '<h2>抓落实 强督查</h2>',
    `<p>${PARAGRAPHS.check}</p>`,
    `<p>${PARAGRAPHS.close}<span class="nr-byline">${bylineText}</span></p>`,
  ].join('')
}

export function makePublishedArticle(overrides: Partial<PublishedArticle> = {}): PublishedArticle {
  sequence++
  const slug = overrides.slug ?? `xingren-sanzhua-sanqiang-${sequence}`
  const datelineText = overrides.datelineText ?? '亮点黔西南讯'
  const bylineText = overrides.bylineText ?? '（丁宪民 报道）'
  const images = overrides.images ?? [makeImage(`huaxi-study-${sequence}`)]
  const heroImage =
    overrides.heroImage === undefined
      ? makeImage(`xingren-hero-${sequence}`, { alt: '兴仁县城全景', caption: '兴仁县城', credit: '亮点黔西南' })
      : overrides.heroImage
  const plainText = `${datelineText} ${Object.values(PARAGRAPHS).join('\n\n')}${bylineText}`
  return {
    id: overrides.id ?? 1000 + sequence,
    slug,
    headline: '兴仁县“三抓三强”加快后进党组织转化',
    dek: '12个后进党组织一年内全部转化',
    datelineText,
    bylineText,
    html: renderHtml(datelineText, bylineText, images),
    plainText,
    summary: '兴仁县采取“三抓三强”措施，抓班子强组织、抓思路强发展、抓落实强督查，4个后进党组织已成功转化为一般党支部。',
    url: `${SITE}/news/${slug}`,
    language: 'zh-Hans',
    dateline: { outlet: '亮点黔西南', place: '兴仁', date: '2012-11-26', kind: '讯' },
    credits: [
      { name: '丁宪民', role: 'reporter' },
      { name: '王小芳', role: 'editor' },
    ],
    section: { id: 3, slug: 'difang', name: '地方新闻' },
    region: { id: 522322, slug: 'xingren', name: '兴仁县', code: '522322' },
    tags: ['基层党建', '兴仁'],
    heroImage,
    images,
    firstPublishedAt: '2012-11-26T02:30:00.000Z',
    updatedAt: '2012-11-26T03:00:00.000Z',
    version: 3,
    hash: 'stored-hash-not-checked',
    correctionNote: null,
    retractionReason: null,
    ...overrides,
  }
}

/** Bytes that sniff as JPEG (or PNG), padded to `size`. */
export function fakeImageBytes(size: number, kind: 'jpeg' | 'png' | 'gif' = 'jpeg'): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size)
  const magic =
    kind === 'jpeg'
      ? [0xff, 0xd8, 0xff, 0xe0]
      : kind === 'png'
        ? [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
        : [0x47, 0x49, 0x46, 0x38, 0x39, 0x61]
  bytes.set(magic, 0)
  return bytes
}
