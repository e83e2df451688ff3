// Article search over headlines, standfirsts and bodies: SQLite FTS5 (articles_fts), ranked by bm25, matches marked.
import 'server-only'
import { sql } from 'drizzle-orm'
import { getDb } from '../client'
import { articlePath, sectionPath } from '@/lib/content/slug'
import { MARK_END, MARK_START } from '@/lib/search/marks'
import { searchTerms, toMatchExpression } from '@/lib/search/query'
import type { TermDto } from './articles'

export type SearchHitDto = {
  id: number
  url: string
  publishedAt: string
  section: TermDto
  /** The headline with matched words between MARK_START and MARK_END (lib/search/marks.ts). */
  title: string
  /** The standfirst, marked the same way; may be empty. */
  standfirst: string
  /** A passage of the body around the best matches, marked; empty when only the headline or standfirst matched. */
  excerpt: string
}

export type SearchResultsDto = {
  /** The words actually searched for, after dropping punctuation and operators. */
  terms: string[]
  items: SearchHitDto[]
  total: number
  page: number
  pageCount: number
}

export const SEARCH_PAGE_SIZE = 10

// A match in the headline counts ten times one in the body, a match in the standfirst four times.
const RANK = sql`bm25(articles_fts, 10.0, 4.0, 1.0)`

/**
 * One page of published articles matching every word of `query`, best first; stubs are never found.
 * Two steps, so the rows of the archive are never read for every match: the count and the ranking read each match's
 * is_stub and date from the narrow catalogue index (in the row they sit after the body), then highlights, excerpts
 * and sections are taken for the page's rows only. Ranking still scores every match (bm25): a word found in most
 * articles costs more than a rare one.
 */
export function searchArticles(query: string, page = 1, perPage = SEARCH_PAGE_SIZE): SearchResultsDto {
  const terms = searchTerms(query)
  const match = toMatchExpression(terms)
  const empty = { terms, items: [], total: 0, page, pageCount: 1 }
  if (match === null) return empty
  const db = getDb()
  const published = sql`articles_fts CROSS JOIN articles a INDEXED BY articles_catalogue_idx ON a.is_stub = 0 AND a.id = articles_fts.rowid`
  const total = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${published} WHERE articles_fts MATCH ${match}`)?.n ?? 0
  if (total === 0) return empty
  const ranked = db
    .all<{ id: number }>(sql`
      SELECT a.id FROM ${published}
      WHERE articles_fts MATCH ${match}
      ORDER BY ${RANK}, a.published_at DESC, a.id DESC
      LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`)
    .map((r) => r.id)
  const rows = ranked.length
    ? db.all<{
        id: number
        slug: string
        publishedAt: string
        sectionId: number
        sectionSlug: string
        sectionName: string
        title: string
        standfirst: string
        excerpt: string
      }>(sql`
        SELECT a.id, a.slug, a.published_at AS publishedAt,
               s.id AS sectionId, s.slug AS sectionSlug, s.name AS sectionName,
               highlight(articles_fts, 0, ${MARK_START}, ${MARK_END}) AS title,
               highlight(articles_fts, 1, ${MARK_START}, ${MARK_END}) AS standfirst,
               snippet(articles_fts, 2, ${MARK_START}, ${MARK_END}, '…', 32) AS excerpt
        FROM articles_fts
        JOIN articles a ON a.id = articles_fts.rowid
        JOIN sections s ON s.id = a.section_id
        WHERE articles_fts MATCH ${match} AND articles_fts.rowid IN (${sql.join(ranked.map((id) => sql`${id}`), sql`, `)})`)
    : []
  const byId = new Map(rows.map((r) => [r.id, r]))
  return {
    terms,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / perPage)),
    items: ranked.flatMap((id) => {
      const r = byId.get(id)
      if (!r) return []
      return [
        {
          id: r.id,
          url: articlePath(r.publishedAt, r.slug),
          publishedAt: r.publishedAt,
          section: { id: r.sectionId, slug: r.sectionSlug, name: r.sectionName, url: sectionPath(r.sectionSlug) },
          title: r.title,
          standfirst: r.standfirst,
          // snippet() returns the start of the body when the body has no match: only a passage with a match helps.
          excerpt: r.excerpt.includes(MARK_START) ? r.excerpt : '',
        },
      ]
    }),
  }
}
