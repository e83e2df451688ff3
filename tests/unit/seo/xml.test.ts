import { el, escapeXml, Xml, xmlDocument } from '@/lib/seo/xml'
import { parseXml } from '@/tests/support/seo-checks'

describe('escapeXml', () => {
  it('escapes the characters markup gives meaning to', () => {
    expect(escapeXml(`Tom & Jerry <b>"hi"</b> it's`)).toBe(`Tom &amp; Jerry &lt;b&gt;&quot;hi&quot;&lt;/b&gt; it's`)
  })

  it('drops control characters and lone surrogates, which XML 1.0 cannot carry at all', () => {
    expect(escapeXml('a\u0000b\u0008c\u000Bd\uFFFEe\uD800f')).toBe('abcdef')
    expect(escapeXml('tab\tnew\nline\r😀')).toBe('tab\tnew\nline\r😀')
  })
})

describe('el', () => {
  it('escapes text children and attribute values but inserts Xml children as they are', () => {
    const xml = el('a', { href: 'https://x.test/?a=1&b="2"', skip: undefined }, 'x < y', el('b', null, '&'), null, false)
    expect(xml.value).toBe('<a href="https://x.test/?a=1&amp;b=&quot;2&quot;">x &lt; y<b>&amp;</b></a>')
  })

  it('self-closes empty elements and flattens arrays of children', () => {
    expect(el('urlset', { xmlns: 'ns' }, []).value).toBe('<urlset xmlns="ns"/>')
    expect(el('p', null, [el('i', null, '1'), el('i', null, '2')]).value).toBe('<p><i>1</i><i>2</i></p>')
  })

  it('produces a document any XML parser reads back to the original text, whatever the text holds', () => {
    const nasty = `]]></title><script>alert("x")</script> & &amp; \u0001 ’ 😀`
    const doc = parseXml(xmlDocument(el('root', { note: nasty }, el('title', null, nasty))))
    const root = doc.root as { title: string; '@_note': string }
    expect(root.title).toBe(nasty.replace('\u0001', ''))
    expect(root['@_note']).toBe(nasty.replace('\u0001', ''))
  })

  it('never escapes an Xml value twice', () => {
    expect(el('a', null, new Xml('&amp;')).value).toBe('<a>&amp;</a>')
  })
})
