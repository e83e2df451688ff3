// Cheap existence checks by slug, for proxy.ts (which runs before every article and listing request): one indexed
// lookup each, prepared once per connection (db/prepared.ts).
import 'server-only'
import type BetterSqlite3 from 'better-sqlite3'
import { preparedOnce } from '../prepared'

const tables = { article: 'articles', section: 'sections', author: 'authors', tag: 'tags' } as const

export type SlugKind = keyof typeof tables

const lookups = preparedOnce((client) => {
  const lookup = (table: string): BetterSqlite3.Statement<[string], unknown> => client.prepare<[string], unknown>(`SELECT 1 FROM ${table} WHERE slug = ?`)
  return { article: lookup(tables.article), section: lookup(tables.section), author: lookup(tables.author), tag: lookup(tables.tag) }
})

export function slugExists(kind: SlugKind, slug: string): boolean {
  return lookups().statements[kind].get(slug) !== undefined
}
