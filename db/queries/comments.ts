// Comment reads for public pages: approved comments only, and never the email, IP or user agent.
import 'server-only'
import crypto from 'node:crypto'
import type BetterSqlite3 from 'better-sqlite3'
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm'
import { getDb } from '../client'
import { preparedOnce } from '../prepared'
import { comments, type CommentStatus } from '../schema'
import { articlePath } from '@/lib/content/slug'

export type PublicCommentDto = {
  id: number
  parentId: number | null
  authorName: string
  authorUrl: string
  body: string
  createdAt: string
  isStaff: boolean
  /** A short hash of the email: enough to draw an avatar, useless for finding the address. */
  avatarSeed: string
}

export function avatarSeed(email: string): string {
  return crypto.createHash('sha256').update(`avatar:${email.trim().toLowerCase()}`).digest('hex').slice(0, 12)
}

export function listApprovedComments(articleId: number): PublicCommentDto[] {
  return getDb()
    .select({
      id: comments.id,
      parentId: comments.parentId,
      authorName: comments.authorName,
      authorUrl: comments.authorUrl,
      authorEmail: comments.authorEmail,
      body: comments.body,
      createdAt: comments.createdAt,
      isStaff: comments.isStaff,
    })
    .from(comments)
    .where(and(eq(comments.articleId, articleId), eq(comments.status, 'approved')))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .all()
    .map(({ authorEmail, ...c }) => ({ ...c, avatarSeed: avatarSeed(authorEmail) }))
}

export type CommentPage = { comments: PublicCommentDto[]; page: number; pageCount: number; total: number }

/**
 * One page of an article's discussion: `perPage` approved top-level comments, oldest first as in WordPress,
 * each with all its approved replies (a recursive query, so the cost follows the page, not the article).
 * CROSS JOIN fixes the join order (the thread drives, comments are looked up by parent_id and by rowid) and the unary
 * `+` keeps SQLite off the status index: otherwise it walks every approved comment of the site for each thread row
 * (tests/db/query-plans.test.ts checks the plan).
 */
export function listApprovedCommentPage(articleId: number, page: number, perPage: number): CommentPage {
  const db = getDb()
  const topLevel = and(eq(comments.articleId, articleId), eq(comments.status, 'approved'), isNull(comments.parentId))
  const topCount = db.select({ n: count() }).from(comments).where(topLevel).get()?.n ?? 0
  const pageCount = Math.max(1, Math.ceil(topCount / perPage))
  const rows = db.all<{
    id: number
    parentId: number | null
    authorName: string
    authorUrl: string
    authorEmail: string
    body: string
    createdAt: string
    isStaff: number
  }>(sql`
    WITH RECURSIVE roots(id) AS (
      SELECT id FROM comments
      WHERE article_id = ${articleId} AND status = 'approved' AND parent_id IS NULL
      ORDER BY created_at, id LIMIT ${perPage} OFFSET ${(page - 1) * perPage}
    ),
    thread(id) AS (
      SELECT id FROM roots
      UNION ALL
      SELECT c.id FROM thread t CROSS JOIN comments c ON c.parent_id = t.id WHERE +c.status = 'approved'
    )
    SELECT c.id, c.parent_id AS parentId, c.author_name AS authorName, c.author_url AS authorUrl, c.author_email AS authorEmail,
           c.body, c.created_at AS createdAt, c.is_staff AS isStaff
    FROM thread t CROSS JOIN comments c ON c.id = t.id
    ORDER BY c.created_at, c.id`)
  return {
    comments: rows.map(({ authorEmail, isStaff, ...c }) => ({ ...c, isStaff: !!isStaff, avatarSeed: avatarSeed(authorEmail) })),
    page,
    pageCount,
    total: countApprovedComments(articleId),
  }
}

export function countApprovedComments(articleId: number): number {
  return (
    getDb()
      .select({ n: count() })
      .from(comments)
      .where(and(eq(comments.articleId, articleId), eq(comments.status, 'approved')))
      .get()?.n ?? 0
  )
}

export type NewCommentInput = {
  articleId: number
  parentId: number
  authorName: string
  authorEmail: string
  authorUrl: string
  body: string
  ip: string
  userAgent: string
}

/** What the database knows that the policy needs, read inside the writing transaction. */
export type StoredFacts = {
  isDuplicate: boolean
  secondsSinceLastFromSender: number | null
  hasApprovedBefore: boolean
}

export type CreatedComment = {
  id: number
  parentId: number | null
  status: CommentStatus
  authorName: string
  authorUrl: string
  body: string
  createdAt: string
  avatarSeed: string
}

type Decided<D> = { decision: D; comment: CreatedComment | null; articleUrl: string }

export type CreateOptions = { now: Date; threadDepth: number; closeAfterDays: number | null }
export type CreateResult<D> = Decided<D> | { refused: true; field: 'comment_parent' | 'form'; message: string }

/**
 * The posting path's statements, prepared once per connection (db/prepared.ts). Raw SQL, because every one is on
 * the hottest write path of the site; the plans are checked by tests/db/query-plans.test.ts.
 */
function postingStatements(client: BetterSqlite3.Database) {
  const article = client.prepare<[number], { id: number; slug: string; publishedAt: string; commentsOpen: number; isStub: number }>(
    'SELECT id, slug, published_at AS publishedAt, comments_open AS commentsOpen, is_stub AS isStub FROM articles WHERE id = ?',
  )
  const parent = client.prepare<[number], { id: number; parentId: number | null; articleId: number; status: string }>(
    'SELECT id, parent_id AS parentId, article_id AS articleId, status FROM comments WHERE id = ?',
  )
  // The duplicate rule looks among the sender's own comments (the email index), never along the article's: `+`
  // keeps SQLite off the article indexes, which would walk every comment of a busy discussion on every post.
  const duplicate = (parentClause: string) =>
    client.prepare<{ articleId: number; parentId: number | null; email: string; name: string; body: string }, { id: number }>(
      `SELECT id FROM comments INDEXED BY comments_email_created_idx
       WHERE author_email = @email AND +article_id = @articleId AND ${parentClause} AND author_name = @name AND body = @body AND status <> 'trash'
       LIMIT 1`,
    )
  return {
    article,
    parent,
    duplicateTopLevel: duplicate('parent_id IS NULL'),
    duplicateReply: duplicate('parent_id = @parentId'),
    lastByEmail: client.prepare<[string], { at: string | null }>('SELECT max(created_at) AS at FROM comments WHERE author_email = ?'),
    lastByIp: client.prepare<[string], { at: string | null }>('SELECT max(created_at) AS at FROM comments WHERE ip = ?'),
    approvedBefore: client.prepare<[string, string], { id: number }>(
      "SELECT id FROM comments WHERE author_email = ? AND author_name = ? AND status = 'approved' LIMIT 1",
    ),
    insert: client.prepare<Record<string, string | number | null>, { id: number; status: CommentStatus }>(
      `INSERT INTO comments (article_id, parent_id, author_name, author_email, author_url, body, status, reason, ip, user_agent, created_at, updated_at)
       VALUES (@articleId, @parentId, @authorName, @authorEmail, @authorUrl, @body, @status, @reason, @ip, @userAgent, @createdAt, @createdAt)
       RETURNING id, status`,
    ),
  }
}

type PostingStatements = ReturnType<typeof postingStatements>
const posting = preparedOnce(postingStatements)

/**
 * Checks the article and parent, gathers the facts, asks `decide`, and inserts the comment unless refused:
 * all in one IMMEDIATE transaction, so two identical posts racing each other cannot both pass the duplicate rule.
 */
export function createComment<D extends { outcome: string; reason: string }>(
  input: NewCommentInput,
  options: CreateOptions,
  decide: (facts: StoredFacts) => D,
): CreateResult<D> {
  const { client, statements } = posting()
  return client.transaction(() => writeComment(statements, input, options, decide)).immediate()
}

type Job = {
  write: (statements: PostingStatements) => unknown
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

let group: Job[] = []

/**
 * createComment for concurrent posts (the server action): comments that arrive while the event loop is busy are
 * written together in one IMMEDIATE transaction, each inside its own savepoint and in arrival order, so one commit
 * (one fsync under synchronous=FULL) serves them all. Each promise settles only after that commit: an acknowledged
 * comment is on disk. A post that throws rolls back its savepoint alone; a failed commit rejects every post in it.
 */
export function createCommentGrouped<D extends { outcome: string; reason: string }>(
  input: NewCommentInput,
  options: CreateOptions,
  decide: (facts: StoredFacts) => D,
): Promise<CreateResult<D>> {
  return new Promise((resolve, reject) => {
    if (!group.length) setImmediate(commitGroup)
    group.push({ write: (statements) => writeComment(statements, input, options, decide), resolve: resolve as (value: unknown) => void, reject })
  })
}

function commitGroup(): void {
  const jobs = group
  group = []
  let outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[]
  try {
    const { client, statements } = posting()
    // better-sqlite3 runs a transaction function called inside another one as a savepoint.
    const savepoint = client.transaction((job: Job) => job.write(statements))
    outcomes = client
      .transaction(() =>
        jobs.map((job) => {
          try {
            return { ok: true as const, value: savepoint(job) }
          } catch (error) {
            return { ok: false as const, error }
          }
        }),
      )
      .immediate()
  } catch (error) {
    for (const job of jobs) job.reject(error)
    return
  }
  outcomes.forEach((outcome, i) => (outcome.ok ? jobs[i]?.resolve(outcome.value) : jobs[i]?.reject(outcome.error)))
}

function writeComment<D extends { outcome: string; reason: string }>(
  statements: PostingStatements,
  input: NewCommentInput,
  options: CreateOptions,
  decide: (facts: StoredFacts) => D,
): CreateResult<D> {
  const article = statements.article.get(input.articleId)
  if (!article || article.isStub) return { refused: true as const, field: 'form' as const, message: 'This article could not be found, so the comment was not posted.' }
  const ageDays = (options.now.getTime() - Date.parse(article.publishedAt)) / 86_400_000
  if (!article.commentsOpen || (options.closeAfterDays !== null && ageDays > options.closeAfterDays)) {
    return { refused: true as const, field: 'form' as const, message: 'Comments are closed on this article.' }
  }

  let parentId: number | null = null
  if (input.parentId) {
    const ancestors: { id: number; parentId: number | null }[] = []
    let cursor: number | null = input.parentId
    while (cursor !== null && ancestors.length <= options.threadDepth + 1) {
      const row = statements.parent.get(cursor)
      if (!row || row.articleId !== article.id || row.status !== 'approved') {
        return { refused: true as const, field: 'comment_parent' as const, message: 'The comment you are replying to is not available for replies.' }
      }
      ancestors.push({ id: row.id, parentId: row.parentId })
      cursor = row.parentId
    }
    // ancestors[0] is the parent at depth ancestors.length; replies deeper than the limit attach to the deepest allowed level.
    const excess = Math.max(0, ancestors.length - (options.threadDepth - 1))
    parentId = ancestors[excess]?.id ?? input.parentId
  }

  const sender = { articleId: article.id, parentId, email: input.authorEmail, name: input.authorName, body: input.body }
  const isDuplicate = !!(parentId === null ? statements.duplicateTopLevel : statements.duplicateReply).get(sender)
  const lastTimes = [statements.lastByEmail.get(input.authorEmail)?.at, input.ip ? statements.lastByIp.get(input.ip)?.at : null].filter(
    (t): t is string => !!t,
  )
  const last = lastTimes.length ? Math.max(...lastTimes.map((t) => Date.parse(t))) : null
  const hasApprovedBefore = !!statements.approvedBefore.get(input.authorEmail, input.authorName)

  const decision = decide({
    isDuplicate,
    secondsSinceLastFromSender: last === null ? null : (options.now.getTime() - last) / 1000,
    hasApprovedBefore,
  })
  const articleUrl = articlePath(article.publishedAt, article.slug)
  if (decision.outcome === 'refused') return { decision, comment: null, articleUrl }

  const createdAt = options.now.toISOString()
  const row = statements.insert.get({
    articleId: article.id,
    parentId,
    authorName: input.authorName,
    authorEmail: input.authorEmail,
    authorUrl: input.authorUrl,
    body: input.body,
    status: decision.outcome,
    reason: decision.reason,
    ip: input.ip,
    userAgent: input.userAgent,
    createdAt,
  })
  if (!row) throw new Error('the comment insert returned no row')
  return {
    decision,
    articleUrl,
    comment: {
      id: row.id,
      parentId,
      status: row.status,
      authorName: input.authorName,
      authorUrl: input.authorUrl,
      body: input.body,
      createdAt,
      avatarSeed: avatarSeed(input.authorEmail),
    },
  }
}

/** Statuses of the given comments, for an author's browser asking whether its pending comments were moderated. */
export function getCommentStatuses(ids: number[]): Record<number, CommentStatus> {
  if (!ids.length) return {}
  const rows = getDb().select({ id: comments.id, status: comments.status }).from(comments).where(inArray(comments.id, ids)).all()
  return Object.fromEntries(rows.map((r) => [r.id, r.status]))
}
