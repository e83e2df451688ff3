import path from 'node:path'
import { eq } from 'drizzle-orm'
import { getDb } from '@/db/client'
import { searchArticles } from '@/db/queries/search'
import { articles } from '@/db/schema'
import { importFile } from '@/lib/import/run'
import { MARK_END, MARK_START, splitMarks } from '@/lib/search/marks'
import { useTempDatabase } from './helpers'

const seed = path.join(process.cwd(), 'db/seed/kazakh-blue-helmets.txt')
const SLUG = 'kazakh-soldiers-un-blue-helmets'

/** The words a highlighted text marks, lower-cased. */
const marked = (text: string) => splitMarks(text).filter((p) => p.marked).map((p) => p.text.toLowerCase())

/** Adds a published article next to the seed's, in its section and by its author. */
function addArticle(slug: string, title: string, standfirst: string, paragraphs: string[], publishedAt = '2023-05-01T10:00:00.000Z') {
  const db = getDb()
  const seedRow = db.select({ sectionId: articles.sectionId, authorId: articles.authorId }).from(articles).where(eq(articles.slug, SLUG)).get()
  if (!seedRow) throw new Error('import the seed first')
  db.insert(articles)
    .values({
      slug,
      title,
      standfirst,
      body: JSON.stringify(paragraphs.map((text) => ({ type: 'paragraph', text }))),
      sectionId: seedRow.sectionId,
      authorId: seedRow.authorId,
      publishedAt,
      updatedAt: publishedAt,
    })
    .run()
}

describe('searching articles', () => {
  useTempDatabase()

  beforeEach(async () => {
    await importFile(seed)
  })

  it('finds the seed article by words of its headline and body, with the matched words marked', () => {
    const results = searchArticles('Kazakh helmets')
    expect(results.total).toBe(1)
    const [hit] = results.items
    expect(hit?.url).toBe('/2022/01/14/kazakh-soldiers-un-blue-helmets')
    expect(hit?.section.name).toBe('World')
    expect(splitMarks(hit?.title ?? '').map((p) => p.text).join('')).toBe('What were Kazakh soldiers doing in the UN peacekeeping forces?')
    expect(marked(hit?.title ?? '')).toEqual(['kazakh'])
    expect(hit?.excerpt).toContain(MARK_START)
    expect(new Set(marked(hit?.excerpt ?? ''))).toEqual(new Set(['kazakh', 'helmets']))
    expect(results.terms).toEqual(['Kazakh', 'helmets'])
  })

  it('needs every word, ignores case and diacritics, and completes the last word as a prefix', () => {
    expect(searchArticles('kazakh giraffes').total).toBe(0)
    expect(searchArticles('KAZAKH').total).toBe(1)
    expect(searchArticles('kazákh').total).toBe(1)
    expect(searchArticles('peacekeep').total).toBe(1)
    expect(marked(searchArticles('peacekeep').items[0]?.title ?? '')).toEqual(['peacekeeping'])
  })

  it('never finds placeholder articles (stubs), even by their headline', () => {
    expect(searchArticles('Spain power outages').total).toBe(0)
    expect(searchArticles('dog-specific airline').items).toEqual([])
  })

  it('ranks a match in the headline above one in the body, and pages through results', () => {
    addArticle('body-only', 'A quiet week in parliament', 'Nothing much happened.', ['Later, a debate about zebras began.'], '2024-01-01T00:00:00.000Z')
    addArticle('in-title', 'Zebras escape the zoo', 'Keepers were surprised.', ['They ran towards the river.'], '2020-01-01T00:00:00.000Z')
    const all = searchArticles('zebras')
    expect(all.items.map((h) => h.url.split('/').pop())).toEqual(['in-title', 'body-only'])
    expect(all.items[1]?.excerpt).toContain(`${MARK_START}zebras${MARK_END}`)
    // A headline-only match has no body passage to show.
    expect(all.items[0]?.excerpt).toBe('')

    const first = searchArticles('zebras', 1, 1)
    const second = searchArticles('zebras', 2, 1)
    expect([first.total, first.pageCount, second.page]).toEqual([2, 2, 2])
    expect(first.items.map((h) => h.url.split('/').pop())).toEqual(['in-title'])
    expect(second.items.map((h) => h.url.split('/').pop())).toEqual(['body-only'])
    expect(searchArticles('zebras', 3, 1).items).toEqual([])
  })

  it('marks words in the standfirst', () => {
    addArticle('standfirst', 'Weather report', 'Heavy snowfall expected in the mountains.', ['Drive carefully.'])
    const [hit] = searchArticles('snowfall').items
    expect(marked(hit?.standfirst ?? '')).toEqual(['snowfall'])
  })

  it('follows edits: the index is kept in step with the articles table by triggers', () => {
    getDb().update(articles).set({ title: 'Kazakh soldiers and armadillos' }).where(eq(articles.slug, SLUG)).run()
    expect(searchArticles('armadillos').total).toBe(1)
    getDb().delete(articles).where(eq(articles.slug, SLUG)).run()
    expect(searchArticles('armadillos').total).toBe(0)
  })

  it.each([
    '"',
    '""',
    '"unbalanced quote',
    '*',
    'kazakh*',
    '*kazakh',
    'NEAR',
    'NEAR(kazakh soldiers)',
    'kazakh NEAR/2 soldiers',
    '-',
    '-kazakh',
    'kazakh -soldiers',
    'kazakh OR giraffes',
    'NOT kazakh',
    'kazakh AND',
    '(kazakh',
    'title:kazakh',
    '{title standfirst}:kazakh',
    '^kazakh',
    'kazakh + soldiers',
    "'; DROP TABLE articles; --",
    '\u0000\u0001\u0002 kazakh',
    '🙂 kazakh',
    'x'.repeat(10_000),
    'kazakh '.repeat(2_000),
  ])('answers %j without an error', (query) => {
    expect(() => searchArticles(query)).not.toThrow()
    const results = searchArticles(query)
    expect(results.items.length).toBeLessThanOrEqual(results.total)
  })

  it('treats operators and punctuation as nothing, and searches the words that are left', () => {
    for (const query of ['-kazakh', 'kazakh*', '"kazakh', 'title:kazakh', 'NEAR(kazakh soldiers)', 'kazakh OR giraffes-free-zone']) {
      const results = searchArticles(query)
      expect({ query, terms: results.terms }).toEqual({ query, terms: expect.arrayContaining(['kazakh']) })
    }
    expect(searchArticles('kazakh OR giraffes').total).toBe(0) // OR is dropped, so both words are needed
    // A column filter is just two words: "title" is searched for like any other.
    expect(searchArticles('title:kazakh').terms).toEqual(['title', 'kazakh'])
    expect(searchArticles('-kazakh').total).toBe(1)
    expect(searchArticles('').items).toEqual([])
    expect(searchArticles('   ').total).toBe(0)
    expect(searchArticles('"*-^:()').terms).toEqual([])
  })
})
