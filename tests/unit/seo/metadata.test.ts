import { articleMetadata, listingPageMetadata } from '@/lib/seo/metadata'
import { SITE, SITE_URL, sampleArticle } from './fixtures'

describe('articleMetadata', () => {
  const metadata = articleMetadata(sampleArticle(), SITE_URL, SITE)
  const url = `${SITE_URL}/2022/01/14/kazakh-soldiers-un-blue-helmets`

  it('gives the headline (the layout adds the site name), the standfirst and an absolute canonical', () => {
    expect(metadata.title).toBe('What were Kazakh soldiers doing in the UN peacekeeping forces?')
    expect(metadata.description).toBe('Photos of Kazakh troops in blue helmets drew questions from the United Nations.')
    expect(metadata.alternates?.canonical).toBe(url)
  })

  it('advertises the comments feed', () => {
    expect(metadata.alternates?.types).toEqual({ 'application/rss+xml': [{ url: `${url}/feed`, title: expect.stringContaining('Comments on') }] })
  })

  it('fills Open Graph as an article with a 1200-px image and its dates, section, tags and author', () => {
    expect(metadata.openGraph).toMatchObject({
      type: 'article',
      url,
      title: 'What were Kazakh soldiers doing in the UN peacekeeping forces?',
      siteName: 'The Courier',
      images: [{ url: `${SITE_URL}/media/crop/16x9/kazakh-blue-helmets-1.jpg`, width: 1200, height: 675, alt: 'Soldiers in blue helmets' }],
      publishedTime: '2022-01-14T12:00:00Z',
      modifiedTime: '2022-01-15T08:30:00Z',
      section: 'World',
      tags: ['Kazakhstan', 'United Nations'],
      authors: [`${SITE_URL}/author/staff`],
    })
  })

  it('asks for a large Twitter card and large image previews', () => {
    expect(metadata.twitter).toMatchObject({ card: 'summary_large_image', images: [expect.objectContaining({ width: 1200 })] })
    expect(metadata.robots).toMatchObject({ index: true, follow: true, 'max-image-preview': 'large' })
  })

  it('keeps a placeholder out of the index and advertises no comments feed for it', () => {
    const stub = articleMetadata(sampleArticle({ isStub: true }), SITE_URL, SITE)
    expect(stub.robots).toEqual({ index: false, follow: true })
    expect(stub.alternates?.types).toBeUndefined()
  })
})

describe('listingPageMetadata', () => {
  it('gives a listing an absolute canonical, Open Graph and large previews', () => {
    const metadata = listingPageMetadata({ title: 'World', description: 'News from abroad', path: '/section/world/page/2', isEmpty: false }, SITE_URL, SITE)
    expect(metadata.alternates?.canonical).toBe(`${SITE_URL}/section/world/page/2`)
    expect(metadata.openGraph).toMatchObject({ type: 'website', title: 'World', siteName: 'The Courier' })
    expect(metadata.robots).toMatchObject({ index: true, 'max-image-preview': 'large' })
  })

  it('keeps an empty listing, a soft 404, out of the index', () => {
    const metadata = listingPageMetadata({ title: 'Sport', description: '', path: '/section/sport', isEmpty: true }, SITE_URL, SITE)
    expect(metadata.robots).toEqual({ index: false, follow: true })
  })
})
