// The hot queries run behind indexes: EXPLAIN QUERY PLAN of the SQL each read or write really issues, so cost stays
// flat as the archive grows. A step that reads a whole table or index, or sorts in a temporary b-tree, must be listed
// for its query with the reason it stays bounded. (`DUMP_QUERY_PLANS=1` prints every plan.)
import path from 'node:path'
import { getArticleBySlug, listArticles } from '@/db/queries/articles'
import { countApprovedComments, createComment, getCommentStatuses, listApprovedCommentPage } from '@/db/queries/comments'
import { countByStatus, listCommentedArticles, listQueue, moderateComments } from '@/db/queries/moderation'
import {
  countSitemapArticles,
  countSitemapListings,
  getArticleHead,
  getLastCommentChange,
  listFeedArticles,
  listLatestApprovedComments,
  listNewsArticles,
  listSitemapArticles,
  listSitemapListings,
} from '@/db/queries/seo'
import { searchArticles } from '@/db/queries/search'
import { getDb } from '@/db/client'
import { articles, comments } from '@/db/schema'
import { importFile } from '@/lib/import/run'
import { useTempDatabase } from './helpers'
import { plansOf, unboundedSteps } from './support/query-plans'

type Case = {
  name: string
  run: () => unknown
  /** Whole-table or whole-index reads and temporary sorts this query may do, each with why it stays bounded. */
  allowed?: { step: RegExp; why: string }[]
}

let articleId = 0
let commentId = 0

// Temporary b-trees over rows already narrowed to one page, one article's tags or one thread are bounded by that.
const SMALL_SORT = { step: /^USE TEMP B-TREE FOR (ORDER BY|LAST TERM OF ORDER BY)$/, why: 'sorts rows already narrowed to a page, a thread or one article’s tags' }
// The four rows the comments triggers keep (one per status).
const STATUS_COUNTS = { step: /^SCAN comment_status_counts$/, why: 'one row per status' }
// The recursive CTE's own tables: they hold one page of threads.
const CTE_SCANS = { step: /^SCAN (roots|t)$/, why: 'the recursive query’s own rows: one page of threads' }

const cases = (): Case[] => [
  { name: 'article by slug', run: () => getArticleBySlug('kazakh-soldiers-un-blue-helmets'), allowed: [SMALL_SORT] },
  { name: 'home listing', run: () => listArticles({}, 1, 20) },
  { name: 'section listing', run: () => listArticles({ sectionId: 1 }, 1, 20) },
  { name: 'author listing', run: () => listArticles({ authorId: 1 }, 1, 20) },
  {
    name: 'tag listing',
    run: () => listArticles({ tagId: 1 }, 1, 20),
    allowed: [{ step: /^USE TEMP B-TREE FOR ORDER BY$/, why: 'sorts one tag’s articles (found through article_tags_tag_idx), not the archive' }],
  },
  { name: 'approved comment page', run: () => listApprovedCommentPage(articleId, 1, 50), allowed: [SMALL_SORT, CTE_SCANS] },
  { name: 'approved comment count', run: () => countApprovedComments(articleId) },
  {
    name: 'posting a comment (article, duplicate, flood and history checks, insert)',
    run: () =>
      createComment(
        { articleId, parentId: 0, authorName: 'Ann', authorEmail: 'ann@example.com', authorUrl: '', body: 'Hello.', ip: '192.0.2.1', userAgent: 'jest' },
        { now: new Date(), threadDepth: 5, closeAfterDays: null },
        () => ({ outcome: 'pending', reason: 'test' }),
      ),
  },
  {
    name: 'posting a reply',
    run: () =>
      createComment(
        { articleId, parentId: commentId, authorName: 'Bob', authorEmail: 'bob@example.com', authorUrl: '', body: 'Hi.', ip: '192.0.2.2', userAgent: 'jest' },
        { now: new Date(), threadDepth: 5, closeAfterDays: null },
        () => ({ outcome: 'pending', reason: 'test' }),
      ),
  },
  { name: 'pending statuses for the comment island', run: () => getCommentStatuses([1, 2, 3]) },
  { name: 'sitemap: article count', run: () => countSitemapArticles() },
  {
    name: 'sitemap index: listing count',
    run: () => countSitemapListings(),
    allowed: [
      { step: /^SCAN CONSTANT ROW$/, why: 'the one row of counts' },
      { step: /^SCAN (s|w|t)( USING COVERING INDEX \w+)?$/, why: 'every section, author and tag once (the taxonomy, not the archive), each with one index probe' },
    ],
  },
  { name: 'sitemap: one slice of articles with their last comment', run: () => listSitemapArticles(0, 1000) },
  {
    name: 'sitemap: listing pages and their dates',
    run: () => listSitemapListings(),
    allowed: [
      { step: /^SCAN articles USING COVERING INDEX articles_catalogue_idx$/, why: 'narrow covering index, never the rows (no bodies): the sitemap lists every article anyway' },
      { step: /^USE TEMP B-TREE FOR (GROUP BY|ORDER BY)$/, why: 'one row per section, author or tag' },
    ],
  },
  { name: 'news sitemap', run: () => listNewsArticles(new Date(Date.now() - 2 * 86_400_000), new Date(), 1000) },
  { name: 'site feed', run: () => listFeedArticles(20), allowed: [SMALL_SORT] },
  {
    name: 'article comments feed',
    run: () => {
      getArticleHead('kazakh-soldiers-un-blue-helmets')
      listLatestApprovedComments(articleId, 20)
      getLastCommentChange(articleId)
    },
  },
  {
    name: 'search',
    run: () => searchArticles('kazakh peacekeepers'),
    allowed: [
      { step: /^SCAN articles_fts VIRTUAL TABLE INDEX \d+:=?M\d+$/, why: 'the full-text index answering MATCH: it visits the matching articles only' },
      { step: /^USE TEMP B-TREE FOR ORDER BY$/, why: 'bm25 ranks every match: the cost follows how many articles match, not the archive' },
    ],
  },
  { name: 'moderation queue: pending page', run: () => listQueue({ status: 'pending' }, 1, 20), allowed: [STATUS_COUNTS] },
  { name: 'moderation queue: one article', run: () => listQueue({ status: 'pending', articleId }, 1, 20) },
  {
    name: 'moderation queue: tab counts on one article',
    run: () => countByStatus({ articleId }),
    allowed: [{ step: /^USE TEMP B-TREE FOR GROUP BY$/, why: 'groups one article’s comments, found through its index' }],
  },
  {
    name: 'moderation queue: tab counts',
    run: () => countByStatus(),
    allowed: [STATUS_COUNTS],
  },
  { name: 'moderation queue: article filter', run: () => listCommentedArticles(), allowed: [SMALL_SORT] },
  { name: 'approving a comment', run: () => moderateComments([commentId], 'approve', { id: 1, email: 'admin@example.test', ip: '' }) },
]

describe('query plans of the hot queries', () => {
  useTempDatabase()
  beforeEach(async () => {
    await importFile(path.join(process.cwd(), 'db/seed/kazakh-blue-helmets.txt'))
    articleId = getArticleBySlug('kazakh-soldiers-un-blue-helmets')?.id ?? 0
    const at = new Date().toISOString()
    commentId = getDb()
      .insert(comments)
      .values({ articleId, authorName: 'Cy', authorEmail: 'cy@example.com', body: 'First.', status: 'approved', createdAt: at, updatedAt: at })
      .returning({ id: comments.id })
      .get().id
    expect(getDb().select().from(articles).all().length).toBeGreaterThan(1)
  })

  it.each(cases().map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const statements = plansOf(c.run)
    expect(statements.length).toBeGreaterThan(0)
    if (process.env.DUMP_QUERY_PLANS) for (const s of statements) console.log(`${c.name}\n  ${s.sql}\n    ${s.plan.join('\n    ')}`)
    const unexplained = statements.flatMap((s) =>
      unboundedSteps(s.plan)
        .filter((step) => !(c.allowed ?? []).some((a) => a.step.test(step)))
        .map((step) => `${step}   ← ${s.sql.slice(0, 160)}`),
    )
    expect(unexplained).toEqual([])
  })

  it('posting reads nothing along the article’s discussion: a busy discussion costs each post no more than a quiet one', () => {
    for (const parentId of [0, commentId]) {
      const statements = plansOf(() =>
        createComment(
          { articleId, parentId, authorName: 'Dee', authorEmail: 'dee@example.com', authorUrl: '', body: 'Again.', ip: '192.0.2.3', userAgent: 'jest' },
          { now: new Date(), threadDepth: 5, closeAfterDays: null },
          () => ({ outcome: 'pending', reason: 'test' }),
        ),
      )
      const reads = statements.filter((st) => /^select/i.test(st.sql) && /from comments/i.test(st.sql))
      expect(reads.length).toBeGreaterThanOrEqual(4)
      for (const read of reads) {
        // By primary key (the parent), by the sender's email or address: never by article.
        expect({ sql: read.sql, plan: read.plan.join(' ') }).toEqual({
          sql: read.sql,
          plan: expect.stringMatching(/^SEARCH comments USING (INTEGER PRIMARY KEY \(rowid=\?\)|(COVERING )?INDEX comments_(email|ip)_created_idx \((author_email|ip)=\?\))$/),
        })
      }
    }
  })
})
