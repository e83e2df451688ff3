// The moderation desk's reads and writes: the queue with its counts, status changes, edits and staff replies,
// each write in one transaction together with its audit rows.
import 'server-only'
import { and, count, desc, eq, gte, inArray, or, sql, type SQL } from 'drizzle-orm'
import { alias, type SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { getDb } from '../client'
import { articles, auditLog, comments, commentStatusCounts, commentStatuses, type CommentStatus } from '../schema'
import { writeAudit, type Actor, type Tx } from './audit'
import { articlePath } from '@/lib/content/slug'
import {
  canApply,
  canEditOrReply,
  isPublicChange,
  moderatorReason,
  targetStatus,
  type CommentEdit,
  type ModerationAction,
} from '@/lib/comments/moderation'

export type QueueStatus = CommentStatus | 'all'
export type QueueFilter = { status: QueueStatus; q?: string; articleId?: number }

export type ModerationCommentDto = {
  id: number
  status: CommentStatus
  reason: string
  authorName: string
  authorEmail: string
  authorUrl: string
  ip: string
  userAgent: string
  body: string
  isStaff: boolean
  createdAt: string
  updatedAt: string
  article: { id: number; title: string; url: string; commentsOpen: boolean }
  parent: { id: number; authorName: string; body: string; status: CommentStatus } | null
}

export type QueuePage = { items: ModerationCommentDto[]; total: number; page: number; pageCount: number }

const parents = alias(comments, 'parents')

const rowColumns = {
  id: comments.id,
  status: comments.status,
  reason: comments.reason,
  authorName: comments.authorName,
  authorEmail: comments.authorEmail,
  authorUrl: comments.authorUrl,
  ip: comments.ip,
  userAgent: comments.userAgent,
  body: comments.body,
  isStaff: comments.isStaff,
  createdAt: comments.createdAt,
  updatedAt: comments.updatedAt,
  articleId: articles.id,
  articleTitle: articles.title,
  articleSlug: articles.slug,
  articlePublishedAt: articles.publishedAt,
  articleCommentsOpen: articles.commentsOpen,
  parentId: parents.id,
  parentAuthorName: parents.authorName,
  parentBody: parents.body,
  parentStatus: parents.status,
}

function selectRows() {
  return getDb()
    .select(rowColumns)
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .leftJoin(parents, eq(parents.id, comments.parentId))
}

type Row = ReturnType<ReturnType<typeof selectRows>['all']>[number]

function toDto(r: Row): ModerationCommentDto {
  return {
    id: r.id,
    status: r.status,
    reason: r.reason,
    authorName: r.authorName,
    authorEmail: r.authorEmail,
    authorUrl: r.authorUrl,
    ip: r.ip,
    userAgent: r.userAgent,
    body: r.body,
    isStaff: r.isStaff,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    article: { id: r.articleId, title: r.articleTitle, url: articlePath(r.articlePublishedAt, r.articleSlug), commentsOpen: r.articleCommentsOpen },
    parent:
      r.parentId !== null && r.parentAuthorName !== null && r.parentBody !== null && r.parentStatus !== null
        ? { id: r.parentId, authorName: r.parentAuthorName, body: r.parentBody, status: r.parentStatus }
        : null,
  }
}

/** LIKE with the user's % and _ taken literally. */
function contains(column: SQLiteColumn, text: string): SQL {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  return sql`${column} LIKE ${pattern} ESCAPE '\\'`
}

function searchCondition(q: string | undefined): SQL | undefined {
  const text = q?.trim()
  if (!text) return undefined
  return or(...[comments.authorName, comments.authorEmail, comments.ip, comments.body].map((c) => contains(c, text)))
}

function filterConditions(filter: Omit<QueueFilter, 'status'>): SQL[] {
  const conditions: SQL[] = []
  const search = searchCondition(filter.q)
  if (search) conditions.push(search)
  if (filter.articleId !== undefined) conditions.push(eq(comments.articleId, filter.articleId))
  return conditions
}

/** One page of the queue, newest first; on the "all" tab pending comments come first. */
export function listQueue(filter: QueueFilter, page: number, perPage = 20): QueuePage {
  const db = getDb()
  const conditions = filterConditions(filter)
  const filtered = conditions.length > 0
  if (filter.status !== 'all') conditions.push(eq(comments.status, filter.status))
  const where = conditions.length ? and(...conditions) : undefined
  const total = filtered ? (db.select({ n: count() }).from(comments).where(where).get()?.n ?? 0) : countByStatus()[filter.status]
  const pageCount = Math.max(1, Math.ceil(total / perPage))
  // A page past the end (after a bulk action emptied it) shows the last one.
  page = Math.min(page, pageCount)
  const order = filter.status === 'all' ? [desc(sql`${comments.status} = 'pending'`), desc(comments.createdAt), desc(comments.id)] : [desc(comments.createdAt), desc(comments.id)]
  const rows = selectRows()
    .where(where)
    .orderBy(...order)
    .limit(perPage)
    .offset((page - 1) * perPage)
    .all()
  return { items: rows.map(toDto), total, page, pageCount }
}

/** Counts for the tabs, with the same search and article filter as the list. */
export function countByStatus(filter: Omit<QueueFilter, 'status'> = {}): Record<QueueStatus, number> {
  const conditions = filterConditions(filter)
  // Unfiltered (every page of the desk): the counts the comments triggers keep, not a count of the whole table.
  const rows = conditions.length
    ? getDb().select({ status: comments.status, n: count() }).from(comments).where(and(...conditions)).groupBy(comments.status).all()
    : getDb().select({ status: commentStatusCounts.status, n: commentStatusCounts.count }).from(commentStatusCounts).all()
  const counts = Object.fromEntries(commentStatuses.map((s) => [s, 0])) as Record<QueueStatus, number>
  for (const r of rows) counts[r.status] = r.n
  counts.all = rows.reduce((sum, r) => sum + r.n, 0)
  return counts
}

export function getModerationComment(id: number): ModerationCommentDto | null {
  const row = selectRows().where(eq(comments.id, id)).get()
  return row ? toDto(row) : null
}

/**
 * The queue's article filter: the latest `limit` articles (by publication) that have comments, plus the one being
 * filtered on, by title. Bounded: it walks articles newest first and stops, instead of grouping every comment of the
 * site (each row's "All comments here" link filters on any other article).
 */
export function listCommentedArticles(limit = 50, include?: number): { id: number; title: string; count: number }[] {
  const db = getDb()
  // Qualified by hand: drizzle leaves column names bare in a one-table select, and a bare "id" here is the comment's.
  const commentCount = sql<number>`(select count(*) from comments c where c.article_id = "articles"."id")`
  const hasComments = sql`exists (select 1 from comments c where c.article_id = "articles"."id")`
  const rows = db
    .select({ id: articles.id, title: articles.title, count: commentCount })
    .from(articles)
    .where(and(eq(articles.isStub, false), hasComments))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .all()
  if (include !== undefined && !rows.some((r) => r.id === include)) {
    const extra = db.select({ id: articles.id, title: articles.title, count: commentCount }).from(articles).where(and(eq(articles.id, include), hasComments)).get()
    if (extra) rows.push(extra)
  }
  return rows.sort((a, b) => a.title.localeCompare(b.title))
}

export type Change = { id: number; from: CommentStatus; to: CommentStatus | null }
export type ModerationResult = {
  changed: Change[]
  /** Ids not found or whose status does not offer the action. */
  skipped: number[]
  /** Canonical paths of articles whose public page shows something different now. */
  articlePaths: string[]
}

type Target = { id: number; status: CommentStatus; articleId: number; parentId: number | null; reason: string; path: string }

function loadTargets(tx: Tx, ids: readonly number[]): Target[] {
  if (!ids.length) return []
  return tx
    .select({
      id: comments.id,
      status: comments.status,
      articleId: comments.articleId,
      parentId: comments.parentId,
      reason: comments.reason,
      slug: articles.slug,
      publishedAt: articles.publishedAt,
    })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(inArray(comments.id, [...ids]))
    .all()
    .map(({ slug, publishedAt, ...t }) => ({ ...t, path: articlePath(publishedAt, slug) }))
}

/** The status a spammed or trashed comment had before, from the audit trail; null when unknown. */
function statusBefore(tx: Tx, commentId: number, current: CommentStatus): CommentStatus | null {
  const row = tx
    .select({ from: auditLog.fromStatus })
    .from(auditLog)
    .where(and(eq(auditLog.commentId, commentId), eq(auditLog.toStatus, current)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .get()
  const from = row?.from
  return from && (commentStatuses as readonly string[]).includes(from) ? (from as CommentStatus) : null
}

/** Applies one action to many comments in one transaction; comments whose status does not offer it are skipped. */
export function moderateComments(ids: readonly number[], action: ModerationAction, actor: Actor, now = new Date()): ModerationResult {
  const at = now.toISOString()
  return getDb().transaction((tx) => {
    const targets = loadTargets(tx, ids)
    const found = new Set(targets.map((t) => t.id))
    const result: ModerationResult = { changed: [], skipped: ids.filter((id) => !found.has(id)), articlePaths: [] }
    const paths = new Set<string>()
    for (const t of targets) {
      if (!canApply(action, t.status)) {
        result.skipped.push(t.id)
        continue
      }
      const to = targetStatus(action, action === 'not-spam' || action === 'restore' ? statusBefore(tx, t.id, t.status) : null)
      if (to === null) {
        // Replies keep their place in the thread: they move up to the deleted comment's parent.
        const orphans = tx
          .update(comments)
          .set({ parentId: t.parentId })
          .where(eq(comments.parentId, t.id))
          .returning({ status: comments.status })
          .all()
        if (orphans.some((o) => o.status === 'approved')) paths.add(t.path)
        tx.delete(comments).where(eq(comments.id, t.id)).run()
      } else {
        tx.update(comments)
          .set({ status: to, reason: moderatorReason(action, actor.email), updatedAt: at })
          .where(eq(comments.id, t.id))
          .run()
      }
      writeAudit(tx, { action, actor, commentId: t.id, fromStatus: t.status, toStatus: to, detail: t.reason ? `Reason before: ${t.reason}` : '', at })
      if (isPublicChange(t.status, to)) paths.add(t.path)
      result.changed.push({ id: t.id, from: t.status, to })
    }
    result.articlePaths = [...paths]
    return result
  })
}

/**
 * Undoes `action` on these comments: each one still in the status this moderator's latest `action` left it in
 * goes back to the status it had before.
 */
export function undoModeration(ids: readonly number[], action: ModerationAction, actor: Actor, now = new Date()): ModerationResult {
  const at = now.toISOString()
  return getDb().transaction((tx) => {
    const result: ModerationResult = { changed: [], skipped: [], articlePaths: [] }
    const paths = new Set<string>()
    for (const t of loadTargets(tx, ids)) {
      const last = tx
        .select({ from: auditLog.fromStatus, to: auditLog.toStatus })
        .from(auditLog)
        .where(and(eq(auditLog.commentId, t.id), eq(auditLog.action, action), actor.id === null ? undefined : eq(auditLog.actorId, actor.id)))
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .get()
      const from = last?.from as CommentStatus | undefined
      if (!last || last.to !== t.status || !from || !(commentStatuses as readonly string[]).includes(from)) {
        result.skipped.push(t.id)
        continue
      }
      tx.update(comments).set({ status: from, reason: moderatorReason('undo', actor.email), updatedAt: at }).where(eq(comments.id, t.id)).run()
      writeAudit(tx, { action: 'undo', actor, commentId: t.id, fromStatus: t.status, toStatus: from, detail: `Undid “${action}”`, at })
      if (isPublicChange(t.status, from)) paths.add(t.path)
      result.changed.push({ id: t.id, from: t.status, to: from })
    }
    result.skipped.push(...ids.filter((id) => !result.changed.some((c) => c.id === id) && !result.skipped.includes(id)))
    result.articlePaths = [...paths]
    return result
  })
}

export type EditResult = { ok: true; articlePath: string | null } | { ok: false; reason: 'not-found' | 'not-editable' }

/** Saves a moderator's edit of the text, name, email and website; the audit row names the fields changed. */
export function editComment(id: number, fields: CommentEdit, actor: Actor, now = new Date()): EditResult {
  const at = now.toISOString()
  return getDb().transaction((tx) => {
    const current = tx
      .select({
        status: comments.status,
        body: comments.body,
        authorName: comments.authorName,
        authorEmail: comments.authorEmail,
        authorUrl: comments.authorUrl,
        slug: articles.slug,
        publishedAt: articles.publishedAt,
      })
      .from(comments)
      .innerJoin(articles, eq(articles.id, comments.articleId))
      .where(eq(comments.id, id))
      .get()
    if (!current) return { ok: false, reason: 'not-found' }
    if (!canEditOrReply(current.status)) return { ok: false, reason: 'not-editable' }
    const changedFields = (['body', 'authorName', 'authorEmail', 'authorUrl'] as const).filter((k) => current[k] !== fields[k])
    if (!changedFields.length) return { ok: true, articlePath: null }
    tx.update(comments)
      .set({ ...fields, updatedAt: at, reason: moderatorReason('edit', actor.email) })
      .where(eq(comments.id, id))
      .run()
    const names = { body: 'text', authorName: 'name', authorEmail: 'email', authorUrl: 'website' } as const
    writeAudit(tx, {
      action: 'edit',
      actor,
      commentId: id,
      fromStatus: current.status,
      toStatus: current.status,
      detail: `Changed ${changedFields.map((k) => names[k]).join(', ')}`,
      at,
    })
    return { ok: true, articlePath: current.status === 'approved' ? articlePath(current.publishedAt, current.slug) : null }
  })
}

export type ReplyResult = { ok: true; id: number; articlePath: string } | { ok: false; reason: 'not-found' | 'not-replyable' }

/**
 * A staff reply: approved at once and marked as staff. Replying to a pending comment approves it too (as
 * WordPress's "Approve and reply" does), since a public answer to a hidden comment would make no sense.
 */
export function postStaffReply(
  parentId: number,
  body: string,
  author: { id: number; name: string; email: string },
  actor: Actor,
  userAgent = '',
  now = new Date(),
): ReplyResult {
  const at = now.toISOString()
  return getDb().transaction((tx) => {
    const [parent] = loadTargets(tx, [parentId])
    if (!parent) return { ok: false, reason: 'not-found' }
    if (!canEditOrReply(parent.status)) return { ok: false, reason: 'not-replyable' }
    if (parent.status === 'pending') {
      tx.update(comments).set({ status: 'approved', reason: moderatorReason('reply', actor.email), updatedAt: at }).where(eq(comments.id, parent.id)).run()
      writeAudit(tx, { action: 'approve', actor, commentId: parent.id, fromStatus: 'pending', toStatus: 'approved', detail: 'Approved when replying', at })
    }
    const { id } = tx
      .insert(comments)
      .values({
        articleId: parent.articleId,
        parentId: parent.id,
        authorName: author.name || author.email,
        authorEmail: author.email,
        authorUrl: '',
        body,
        status: 'approved',
        reason: `Staff reply by ${actor.email}`,
        isStaff: true,
        ip: actor.ip,
        userAgent: userAgent.slice(0, 500),
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: comments.id })
      .get()
    writeAudit(tx, { action: 'reply', actor, commentId: id, fromStatus: null, toStatus: 'approved', detail: `Reply to comment ${parent.id}`, at })
    return { ok: true, id, articlePath: parent.path }
  })
}

/** Opens or closes comments on one article; returns its path, or null when there is no such article. */
export function setArticleCommentsOpen(articleId: number, open: boolean, actor: Actor): string | null {
  return getDb().transaction((tx) => {
    const row = tx.select({ slug: articles.slug, publishedAt: articles.publishedAt, title: articles.title }).from(articles).where(eq(articles.id, articleId)).get()
    if (!row) return null
    tx.update(articles).set({ commentsOpen: open }).where(eq(articles.id, articleId)).run()
    writeAudit(tx, { action: open ? 'open-comments' : 'close-comments', actor, detail: `“${row.title}”` })
    return articlePath(row.publishedAt, row.slug)
  })
}

export function listArticlesForSettings(): { id: number; title: string; commentsOpen: boolean; publishedAt: string }[] {
  return getDb()
    .select({ id: articles.id, title: articles.title, commentsOpen: articles.commentsOpen, publishedAt: articles.publishedAt })
    .from(articles)
    .where(eq(articles.isStub, false))
    .orderBy(desc(articles.publishedAt))
    .all()
}

/** Comments received per UTC day over the last `days` days (today included), oldest first, zeros filled in. */
export function dailyCommentCounts(days: number, now = new Date()): { day: string; count: number }[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  const first = new Date(today - (days - 1) * 86_400_000)
  const rows = getDb()
    .select({ day: sql<string>`substr(${comments.createdAt}, 1, 10)`, n: count() })
    .from(comments)
    .where(gte(comments.createdAt, first.toISOString()))
    .groupBy(sql`substr(${comments.createdAt}, 1, 10)`)
    .all()
  const byDay = new Map(rows.map((r) => [r.day, r.n]))
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(first.getTime() + i * 86_400_000).toISOString().slice(0, 10)
    return { day, count: byDay.get(day) ?? 0 }
  })
}
