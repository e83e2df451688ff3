import { absoluteUrl, cropPath, imageCrops, isCropRatio } from '@/lib/seo/urls'

describe('absoluteUrl', () => {
  it('joins SITE_URL and a path, keeping a base path', () => {
    expect(absoluteUrl('https://x.test', '/feed')).toBe('https://x.test/feed')
    expect(absoluteUrl('https://x.test/news/', '/feed')).toBe('https://x.test/news/feed')
    expect(() => absoluteUrl('https://x.test', 'feed')).toThrow()
  })
})

describe('crops', () => {
  it('maps a photo under /media to its crop URLs', () => {
    expect(cropPath('/media/photo-1.jpg', '4x3')).toBe('/media/crop/4x3/photo-1.jpg')
  })

  it('refuses sources outside /media or with a path in the name', () => {
    expect(cropPath('/brand/logo.png', '1x1')).toBeNull()
    expect(cropPath('/media/../secret.jpg', '1x1')).toBeNull()
    expect(cropPath('/media/a/b.jpg', '1x1')).toBeNull()
    expect(cropPath('/media/notes.txt', '1x1')).toBeNull()
  })

  it('gives three crops of at least 50,000 pixels, 1200 px wide', () => {
    const crops = imageCrops('https://x.test', '/media/p.jpg')
    expect(crops.map((c) => [c.ratio, c.width, c.height])).toEqual([
      ['16x9', 1200, 675],
      ['4x3', 1200, 900],
      ['1x1', 1200, 1200],
    ])
    for (const c of crops) expect(c.width * c.height).toBeGreaterThanOrEqual(50_000)
  })

  it('knows its ratios', () => {
    expect(isCropRatio('16x9')).toBe(true)
    expect(isCropRatio('constructor')).toBe(false)
  })
})
