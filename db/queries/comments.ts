// Comment reads for public pages: approved comments only, and never the email, IP or user agent.
import 'server-only'
import crypto from 'node:crypto'
import { and, asc, count, eq } from 'drizzle-orm'
import { getDb } from '../client'
import { comments } from '../schema'

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

export function countApprovedComments(articleId: number): number {
  return (
    getDb()
      .select({ n: count() })
      .from(comments)
      .where(and(eq(comments.articleId, articleId), eq(comments.status, 'approved')))
      .get()?.n ?? 0
  )
}
