import { breadcrumbLd, describeArticle, newsArticleLd, serializeJsonLd, webSiteLd } from '@/lib/seo/json-ld'
import { checkBreadcrumbList, checkNewsArticle, checkWebSite, jsonLdBlocks } from '@/tests/support/seo-checks'
import { SITE, SITE_URL, sampleArticle, sampleComments } from './fixtures'

const ORIGIN = new URL(SITE_URL).origin
const URL_OF_ARTICLE = `${SITE_URL}/2022/01/14/kazakh-soldiers-un-blue-helmets`

describe('NewsArticle', () => {
  const ld = newsArticleLd(SITE_URL, SITE, sampleArticle(), { comments: sampleComments, count: 5 })

  it('has every property Google News and the issue ask for, well-formed', () => {
    expect(checkNewsArticle(ld, { origin: ORIGIN, url: URL_OF_ARTICLE, comments: 5 })).toEqual([])
  })

  it('describes the article with its own data', () => {
    expect(ld).toMatchObject({
      headline: 'What were Kazakh soldiers doing in the UN peacekeeping forces?',
      description: 'Photos of Kazakh troops in blue helmets drew questions from the United Nations.',
      datePublished: '2022-01-14T12:00:00Z',
      dateModified: '2022-01-15T08:30:00Z',
      author: [{ '@type': 'Person', name: 'Staff', url: `${SITE_URL}/author/staff` }],
      publisher: { name: 'The Courier', logo: { url: `${SITE_URL}/brand/logo.png` } },
      mainEntityOfPage: { '@type': 'WebPage', '@id': URL_OF_ARTICLE },
      articleSection: 'World',
      keywords: ['Kazakhstan', 'United Nations'],
      commentCount: 5,
    })
    expect((ld.image as unknown as { url: string }[]).map((i) => i.url)).toEqual([
      `${SITE_URL}/media/crop/16x9/kazakh-blue-helmets-1.jpg`,
      `${SITE_URL}/media/crop/4x3/kazakh-blue-helmets-1.jpg`,
      `${SITE_URL}/media/crop/1x1/kazakh-blue-helmets-1.jpg`,
    ])
  })

  it('lists the comments it is given, with a link only for web addresses', () => {
    expect(ld.comment).toEqual([
      expect.objectContaining({ '@type': 'Comment', text: 'Useful context, thank you.', dateCreated: '2022-01-14T15:00:00Z', author: { '@type': 'Person', name: 'Aigerim', url: 'https://aigerim.example.org' } }),
      expect.objectContaining({ '@type': 'Comment', author: { '@type': 'Person', name: 'Bolat', url: undefined } }),
    ])
  })

  it('falls back to the site picture when the article has none, still in three crops', () => {
    const bare = newsArticleLd(SITE_URL, SITE, sampleArticle({ image: null }), { comments: [], count: 0 })
    expect(checkNewsArticle(bare, { origin: ORIGIN })).toEqual([])
    expect((bare.image as unknown as { url: string }[]).map((i) => i.url)).toEqual([
      `${SITE_URL}/brand/default-16x9.jpg`,
      `${SITE_URL}/brand/default-4x3.jpg`,
      `${SITE_URL}/brand/default-1x1.jpg`,
    ])
  })

  it('uses the first paragraph when there is no standfirst', () => {
    expect(describeArticle(sampleArticle({ standfirst: '  ' }))).toBe('On January 8, the photo agency published some pictures.')
    const long = 'word '.repeat(100)
    const described = describeArticle(sampleArticle({ standfirst: '', blocks: [{ type: 'paragraph', text: long }] }))
    expect(described.length).toBeLessThanOrEqual(160)
    expect(described.endsWith('word…')).toBe(true)
  })
})

describe('BreadcrumbList', () => {
  it('is Home › Section › Article with absolute URLs', () => {
    const ld = breadcrumbLd(SITE_URL, SITE, sampleArticle())
    expect(checkBreadcrumbList(ld, ['The Courier', 'World', 'What were Kazakh soldiers doing in the UN peacekeeping forces?'], ORIGIN)).toEqual([])
    expect((ld.itemListElement as unknown as { item: string }[]).map((i) => i.item)).toEqual([`${SITE_URL}/`, `${SITE_URL}/section/world`, URL_OF_ARTICLE])
  })
})

describe('WebSite', () => {
  it('names the site and how to search it', () => {
    const ld = webSiteLd(SITE_URL, SITE)
    expect(checkWebSite(ld, ORIGIN)).toEqual([])
    expect(ld.potentialAction).toMatchObject({ target: { urlTemplate: `${SITE_URL}/search?q={search_term_string}` } })
  })
})

describe('serializeJsonLd', () => {
  const hostile = { text: '</script><script>alert(1)</script><!-- & \u2028\u2029 >' }

  it('leaves nothing that could end or confuse a <script> element', () => {
    const json = serializeJsonLd(hostile)
    expect(json).not.toMatch(/[<>&\u2028\u2029]/)
    expect(json).toContain('\\u003c/script\\u003e')
  })

  it('gives back exactly the original text', () => {
    expect(JSON.parse(serializeJsonLd(hostile))).toEqual(hostile)
  })

  it('keeps a whole article with hostile comments in one script block', () => {
    const ld = newsArticleLd(SITE_URL, SITE, sampleArticle({ title: 'A </script> headline' }), { comments: sampleComments, count: 2 })
    const html = `<script type="application/ld+json">${serializeJsonLd(ld)}</script>`
    const blocks = jsonLdBlocks(html)
    expect(blocks).toHaveLength(1)
    expect(JSON.parse(blocks[0] ?? '')).toEqual(JSON.parse(JSON.stringify(ld)))
  })
})

describe('the checker itself', () => {
  it('names what a bare NewsArticle lacks', () => {
    const problems = checkNewsArticle({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'x', datePublished: '2022-01-14 12:00' })
    for (const expected of ['description', 'three crops', 'datePublished', 'author', 'publisher', 'mainEntityOfPage', 'articleSection', 'commentCount']) {
      expect(problems.join('\n')).toContain(expected)
    }
  })
})
