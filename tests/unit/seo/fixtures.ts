// A published article and its discussion as the SEO builders receive them.
import type { SeoArticle, SeoComment } from '@/lib/seo/json-ld'

export const SITE_URL = 'https://news.example.com'
export const SITE = { name: 'The Courier', tagline: 'Independent news and analysis', language: 'en' }

export function sampleArticle(overrides: Partial<SeoArticle> = {}): SeoArticle {
  return {
    url: '/2022/01/14/kazakh-soldiers-un-blue-helmets',
    title: 'What were Kazakh soldiers doing in the UN peacekeeping forces?',
    standfirst: 'Photos of Kazakh troops in blue helmets drew questions from the United Nations.',
    publishedAt: '2022-01-14T12:00:00.000Z',
    updatedAt: '2022-01-15T08:30:00.000Z',
    isStub: false,
    wordCount: 646,
    section: { name: 'World', url: '/section/world' },
    author: { name: 'Staff', url: '/author/staff' },
    tags: [{ name: 'Kazakhstan' }, { name: 'United Nations' }],
    image: { src: '/media/kazakh-blue-helmets-1.jpg', alt: 'Soldiers in blue helmets' },
    blocks: [{ type: 'paragraph', text: 'On January 8, the photo agency published some pictures.' }],
    ...overrides,
  }
}

export const sampleComments: SeoComment[] = [
  { id: 1, authorName: 'Aigerim', authorUrl: 'https://aigerim.example.org', body: 'Useful context, thank you.', createdAt: '2022-01-14T15:00:00.000Z' },
  { id: 2, authorName: 'Bolat', authorUrl: 'javascript:alert(1)', body: 'A reply </script><script>alert(1)</script> \u2028 & more', createdAt: '2022-01-14T16:00:00.000Z' },
]
