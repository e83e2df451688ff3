// The audit trail: written inside the transaction of the change it records, read by the admin log page.
import 'server-only'
import { and, count, desc, eq, type SQL } from 'drizzle-orm'
import { getDb } from '../client'
import type { Database } from '../open'
import { auditLog } from '../schema'

/** A transaction handle, or the database itself for a single statement. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0] | Database

export const auditActions = [
  'approve',
  'unapprove',
  'spam',
  'not-spam',
  'trash',
  'restore',
  'delete',
  'edit',
  'reply',
  'undo',
  'settings',
  'close-comments',
  'open-comments',
  'sign-in',
  'sign-in-failed',
  'sign-in-throttled',
  'sign-out',
  'refused',
  'admin-created',
  'password-reset',
] as const
export type AuditAction = (typeof auditActions)[number]

export type Actor = { id: number | null; email: string; ip: string }

export type AuditEntry = {
  action: AuditAction
  actor: Actor
  commentId?: number | null
  fromStatus?: string | null
  toStatus?: string | null
  detail?: string
  at?: string
}

export type AuditEntryDto = {
  id: number
  at: string
  actorEmail: string
  action: string
  commentId: number | null
  fromStatus: string | null
  toStatus: string | null
  detail: string
  ip: string
}

const columns = {
  id: auditLog.id,
  at: auditLog.at,
  actorEmail: auditLog.actorEmail,
  action: auditLog.action,
  commentId: auditLog.commentId,
  fromStatus: auditLog.fromStatus,
  toStatus: auditLog.toStatus,
  detail: auditLog.detail,
  ip: auditLog.ip,
}

export function writeAudit(tx: Tx, entry: AuditEntry): void {
  tx.insert(auditLog)
    .values({
      at: entry.at ?? new Date().toISOString(),
      actorId: entry.actor.id,
      actorEmail: entry.actor.email,
      action: entry.action,
      commentId: entry.commentId ?? null,
      fromStatus: entry.fromStatus ?? null,
      toStatus: entry.toStatus ?? null,
      detail: entry.detail ?? '',
      ip: entry.actor.ip,
    })
    .run()
}

/** For events that change nothing else: refused actions, sign-in results. */
export function recordAudit(entry: AuditEntry): void {
  writeAudit(getDb(), entry)
}

export type AuditFilter = { action?: string; commentId?: number }

export function listAudit(filter: AuditFilter, page: number, perPage = 50): { items: AuditEntryDto[]; total: number; pageCount: number } {
  const db = getDb()
  const conditions: SQL[] = []
  if (filter.action) conditions.push(eq(auditLog.action, filter.action))
  if (filter.commentId !== undefined) conditions.push(eq(auditLog.commentId, filter.commentId))
  const where = conditions.length ? and(...conditions) : undefined
  const total = db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0
  const items = db
    .select(columns)
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(perPage)
    .offset((page - 1) * perPage)
    .all()
  return { items, total, pageCount: Math.max(1, Math.ceil(total / perPage)) }
}
