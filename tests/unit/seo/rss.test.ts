import { imageType, rss, stableGuid } from '@/lib/seo/rss'
import { checkRss, xmlText } from '@/tests/support/seo-checks'

const ORIGIN = 'https://news.example.com'

const feed = rss({
  title: 'The Courier',
  link: `${ORIGIN}/`,
  description: 'Independent news & analysis',
  language: 'en',
  self: `${ORIGIN}/feed`,
  lastBuildDate: '2022-01-15T08:30:00.000Z',
  items: [
    {
      title: 'Kazakh soldiers in <blue> helmets',
      link: `${ORIGIN}/2022/01/14/kazakh`,
      guid: stableGuid('article', 5),
      pubDate: '2022-01-14T12:00:00.000Z',
      description: 'Photos & questions',
      creator: 'Staff',
      categories: ['World', 'Kazakhstan'],
      comments: `${ORIGIN}/2022/01/14/kazakh#comments`,
      image: { url: `${ORIGIN}/media/k.jpg`, width: 1600, height: 1067, type: 'image/jpeg' },
    },
  ],
})

describe('rss', () => {
  it('is RSS 2.0 with the required channel and item elements', () => {
    const { problems, items, channel } = checkRss(feed, { origin: ORIGIN, itemFields: ['title', 'link', 'guid', 'pubDate', 'description', 'dc:creator', 'category', 'media:content'] })
    expect(problems).toEqual([])
    expect(xmlText(channel.description)).toBe('Independent news & analysis')
    expect(items).toHaveLength(1)
    const item = items[0] as Record<string, unknown>
    expect(item.title).toBe('Kazakh soldiers in <blue> helmets')
    expect(item.pubDate).toBe('Fri, 14 Jan 2022 12:00:00 GMT')
    expect(item.category).toEqual(['World', 'Kazakhstan'])
    expect(item.guid).toEqual({ '#text': 'tag:the-courier,2026:article-5', '@_isPermaLink': 'false' })
    expect(item['media:content']).toMatchObject({ '@_url': `${ORIGIN}/media/k.jpg`, '@_width': '1600', '@_medium': 'image' })
  })

  it('declares the namespaces it uses and links to itself', () => {
    expect(feed).toContain('xmlns:dc="http://purl.org/dc/elements/1.1/"')
    expect(feed).toContain('xmlns:media="http://search.yahoo.com/mrss/"')
    expect(feed).toContain(`<atom:link href="${ORIGIN}/feed" rel="self" type="application/rss+xml"/>`)
  })

  it('gives guids that hold no slug or host, so they survive renames and moves', () => {
    expect(stableGuid('comment', 12)).toBe('tag:the-courier,2026:comment-12')
  })

  it('names image types from their extension', () => {
    expect(imageType('/media/a.PNG')).toBe('image/png')
    expect(imageType('/media/a.jpeg')).toBe('image/jpeg')
    expect(imageType('/media/a')).toBe('image/jpeg')
  })
})
