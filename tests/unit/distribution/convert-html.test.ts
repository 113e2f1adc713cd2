/**
 * Script conversion of story HTML (plugins/distribution/src/formatters/convert.ts): the text and the readable
 * attributes (alt, title) are converted, read with htmlparser2; tags, other attributes, comments and character
 * references the conversion leaves alone stay byte for byte.
 */
import { describe, expect, it } from 'vitest'

import { convertScript } from '../../../plugins/house-style'
import { convertHtmlText } from '../../../plugins/distribution/src/formatters/convert'

const toTw = (html: string) => convertHtmlText(html, (text) => (text ? convertScript(text, 'zh-Hant-TW') : text))

describe('convertHtmlText', () => {
  it('converts text and alt/title, and leaves tags and other attributes as written', () => {
    expect(toTw('<p>这个说法</p>\n<figure><img src="/api/media/file/这个.jpg" alt="这个" /><figcaption>说明</figcaption></figure>')).toBe(
      '<p>這個說法</p>\n<figure><img src="/api/media/file/这个.jpg" alt="這個" /><figcaption>說明</figcaption></figure>',
    )
  })

  it('reads an attribute value holding ">" as one value', () => {
    expect(toTw('<p><img src="a.jpg" alt="这个 > 那个" data-note="这个>">这个</p>')).toBe(
      '<p><img src="a.jpg" alt="這個 > 那個" data-note="这个>">這個</p>',
    )
    expect(toTw(`<p><a href="/x?a>b" title='说 > 这'>这</a></p>`)).toBe(`<p><a href="/x?a>b" title='說 > 這'>這</a></p>`)
  })

  it('leaves comments alone, whatever they hold', () => {
    expect(toTw('<p>这个<!-- 这个 > 那个 <b>说</b> -->这个</p>')).toBe('<p>這個<!-- 这个 > 那个 <b>说</b> -->這個</p>')
  })

  it('leaves CDATA-like sections alone and converts escaped look-alikes as text', () => {
    expect(toTw('<p><![CDATA[这个 > 说]]>这个</p>')).toBe('<p><![CDATA[这个 > 说]]>這個</p>')
    expect(toTw('<p>&lt;![CDATA[这个]]&gt; 说</p>')).toBe('<p>&lt;![CDATA[這個]]&gt; 說</p>')
  })

  it('converts text across nested inline tags, not URLs', () => {
    expect(toTw('<p><strong>这<em>个</em></strong>说<a href="https://example.cn/这个" title="这个">这个</a></p>')).toBe(
      '<p><strong>這<em>個</em></strong>說<a href="https://example.cn/这个" title="這個">這個</a></p>',
    )
  })

  it('keeps character references as written unless the conversion changes their character', () => {
    expect(toTw('<p>这&amp;那&nbsp;说 &lt;b&gt; &quot;个&quot;</p>')).toBe('<p>這&amp;那&nbsp;說 &lt;b&gt; &quot;個&quot;</p>')
    // 这 given as a character reference is still 这: converted, and written as the character.
    expect(toTw('<p>&#x8FD9;个&#36825;</p>')).toBe('<p>這個這</p>')
    expect(toTw('<img alt="这&quot;个&quot; &amp; &#x8BF4;">')).toBe('<img alt="這&quot;個&quot; &amp; 說">')
    expect(toTw(`<img alt='&#x8BF4;'>`)).toBe(`<img alt='說'>`)
  })

  it('handles a "<" that opens no tag, upper-case attribute names and unquoted values', () => {
    expect(toTw('<p>1 < 2 这个</p>')).toBe('<p>1 < 2 這個</p>')
    expect(toTw('<IMG SRC="a.jpg" ALT="这个">')).toBe('<IMG SRC="a.jpg" ALT="這個">')
    expect(toTw('<img alt=这个 src=a.jpg>')).toBe('<img alt=這個 src=a.jpg>')
  })

  it('leaves HTML with nothing to convert untouched', () => {
    const html = '<p class="x">ASCII &amp; more<!-- c --><br/><img alt="a" src="b"></p>'
    expect(toTw(html)).toBe(html)
    expect(toTw('')).toBe('')
  })
})
