// Cheap existence checks by slug, for proxy.ts: one indexed lookup each, nothing else read.
import 'server-only'
import { eq } from 'drizzle-orm'
import { getDb } from '../client'
import { articles, authors, sections, tags } from '../schema'

const tables = { article: articles, section: sections, author: authors, tag: tags } as const

export type SlugKind = keyof typeof tables

export function slugExists(kind: SlugKind, slug: string): boolean {
  const table = tables[kind]
  return !!getDb().select({ id: table.id }).from(table).where(eq(table.slug, slug)).get()
}
