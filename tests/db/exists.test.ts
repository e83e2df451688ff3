import path from 'node:path'
import { slugExists } from '@/db/queries/exists'
import { importFile } from '@/lib/import/run'
import { useTempDatabase } from './helpers'
import { plansOf } from './support/query-plans'

describe('slugExists (proxy.ts’s check before article and listing pages)', () => {
  useTempDatabase()
  beforeEach(async () => {
    await importFile(path.join(process.cwd(), 'db/seed/kazakh-blue-helmets.txt'))
  })

  it('knows the seed’s article, section, author and tags, and nothing else', () => {
    expect(slugExists('article', 'kazakh-soldiers-un-blue-helmets')).toBe(true)
    expect(slugExists('section', 'world')).toBe(true)
    expect(slugExists('article', 'no-such-story')).toBe(false)
    expect(slugExists('tag', 'kazakh-soldiers-un-blue-helmets')).toBe(false)
    expect(slugExists('author', "x' OR 1=1 --")).toBe(false)
  })

  it('is one seek in a unique index', () => {
    for (const kind of ['article', 'section', 'author', 'tag'] as const) {
      const [statement] = plansOf(() => slugExists(kind, 'x'))
      expect(statement?.plan.join(' ')).toMatch(/^SEARCH \w+ USING COVERING INDEX \w+ \(slug=\?\)$/)
    }
  })
})
