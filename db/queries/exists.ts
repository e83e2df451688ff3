// Cheap existence checks by slug, for proxy.ts (which runs before every article and listing request): one indexed
// lookup each, with statements prepared once per connection rather than built and prepared on every request.
import 'server-only'
import type BetterSqlite3 from 'better-sqlite3'
import { getDb } from '../client'

const tables = { article: 'articles', section: 'sections', author: 'authors', tag: 'tags' } as const

export type SlugKind = keyof typeof tables

const statements = new WeakMap<BetterSqlite3.Database, Record<SlugKind, BetterSqlite3.Statement<[string], unknown>>>()

export function slugExists(kind: SlugKind, slug: string): boolean {
  const client = getDb().$client
  let prepared = statements.get(client)
  if (!prepared) {
    const lookup = (table: string) => client.prepare<[string], unknown>(`SELECT 1 FROM ${table} WHERE slug = ?`)
    prepared = { article: lookup(tables.article), section: lookup(tables.section), author: lookup(tables.author), tag: lookup(tables.tag) }
    statements.set(client, prepared)
  }
  return prepared[kind].get(slug) !== undefined
}
