import path from 'node:path'
import { getDb } from '@/db/client'
import { getArticleBySlug, listArticles } from '@/db/queries/articles'
import { articles, images } from '@/db/schema'
import { importFile } from '@/lib/import/run'
import { useTempDatabase } from './helpers'

const seed = path.join(process.cwd(), 'db/seed/kazakh-blue-helmets.txt')
const SLUG = 'kazakh-soldiers-un-blue-helmets'

describe('importing the seed article', () => {
  useTempDatabase()

  it('creates the article, its figures, tags and a stub for every related link', async () => {
    const result = await importFile(seed)
    expect(result).toMatchObject({ slug: SLUG, changed: true })
    expect(result.stubs).toHaveLength(4)

    const article = getArticleBySlug(SLUG)
    expect(article).not.toBeNull()
    expect(article?.url).toBe('/2022/01/14/kazakh-soldiers-un-blue-helmets')
    expect(article?.section.name).toBe('World')
    expect(article?.author.name).toBe('Staff')
    expect(article?.tags.map((t) => t.name)).toEqual(['Kazakhstan', 'United Nations', 'Peacekeeping'])
    const figures = article?.blocks.filter((b) => b.type === 'figure') ?? []
    expect(figures.map((f) => f.type === 'figure' && [f.image.credit, f.image.width, f.image.height])).toEqual([
      ['Vladimir Tretyakov / NUR.KZ via AP', 1600, 1067],
      ['Vladimir Tretyakov/NUR.KZ via The Associated Press', 1600, 1067],
    ])
    const links = article?.blocks.flatMap((b) => (b.type === 'see-also' || b.type === 'read-also' ? [b.article] : [])) ?? []
    expect(links).toHaveLength(4)
    for (const link of links) {
      const stub = getArticleBySlug(link.url.split('/').pop() ?? '')
      expect(stub?.isStub).toBe(true)
      expect(stub?.title).toBe(link.title)
    }
  })

  it('changes nothing when the same file is imported twice', async () => {
    await importFile(seed)
    const before = getDb().select().from(articles).all()
    const imagesBefore = getDb().select().from(images).all()
    const again = await importFile(seed)
    expect(again.changed).toBe(false)
    expect(getDb().select().from(articles).all()).toEqual(before)
    expect(getDb().select().from(images).all()).toEqual(imagesBefore)
  })

  it('lists the article but not its stubs on the front page', async () => {
    await importFile(seed)
    const page = listArticles({}, 1)
    expect(page.items.map((a) => a.slug)).toEqual([SLUG])
    expect(page.total).toBe(1)
    expect(page.items[0]?.image?.src).toBe('/media/kazakh-blue-helmets-1.jpg')
  })
})
