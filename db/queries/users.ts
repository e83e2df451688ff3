// Admin accounts and sign-in attempts. The password hash never leaves this module: callers pass a checker in.
import 'server-only'
import { and, count, eq, gt, lt, max, min } from 'drizzle-orm'
import { getDb } from '../client'
import { signInAttempts, users } from '../schema'
import { writeAudit, type Actor } from './audit'

export type AdminUserDto = { id: number; email: string; name: string; role: 'admin' | 'editor'; sessionVersion: number }

const columns = { id: users.id, email: users.email, name: users.name, role: users.role, sessionVersion: users.sessionVersion }

export const normaliseEmail = (email: string) => email.trim().toLowerCase()

export function getUserById(id: number): AdminUserDto | null {
  return getDb().select(columns).from(users).where(eq(users.id, id)).get() ?? null
}

export function getUserByEmail(email: string): AdminUserDto | null {
  return getDb().select(columns).from(users).where(eq(users.email, normaliseEmail(email))).get() ?? null
}

export function countUsers(): number {
  return getDb().select({ n: count() }).from(users).get()?.n ?? 0
}

/**
 * Looks the user up and lets `check` judge the password against the stored hash (null when no such user,
 * so the caller can spend the same time on a dummy hash). Returns the user only when `check` said yes.
 */
export async function verifyUserPassword(
  email: string,
  check: (passwordHash: string | null) => Promise<boolean>,
): Promise<AdminUserDto | null> {
  const row = getDb()
    .select({ ...columns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .get()
  const ok = await check(row?.passwordHash ?? null)
  if (!row || !ok) return null
  const { passwordHash: _omit, ...user } = row
  void _omit
  return user
}

/** Creates the admin, or sets a new password on an existing one (which also ends its sessions). */
export function upsertAdmin(input: { email: string; name?: string; passwordHash: string }, actor: Actor): { id: number; created: boolean } {
  const email = normaliseEmail(input.email)
  const now = new Date().toISOString()
  return getDb().transaction((tx) => {
    const existing = tx.select({ id: users.id, sessionVersion: users.sessionVersion }).from(users).where(eq(users.email, email)).get()
    if (existing) {
      tx.update(users)
        .set({ passwordHash: input.passwordHash, sessionVersion: existing.sessionVersion + 1 })
        .where(eq(users.id, existing.id))
        .run()
      writeAudit(tx, { action: 'password-reset', actor, detail: `Password set for ${email}; existing sessions ended` })
      return { id: existing.id, created: false }
    }
    const name = input.name?.trim() || email.split('@')[0] || email
    const { id } = tx
      .insert(users)
      .values({ email, name, passwordHash: input.passwordHash, role: 'admin', createdAt: now })
      .returning({ id: users.id })
      .get()
    writeAudit(tx, { action: 'admin-created', actor, detail: `Admin ${email} created` })
    return { id, created: true }
  })
}

/** Ends every session of the user: JWTs carrying the old version are refused from now on. */
export function endSessions(userId: number, actor: Actor): void {
  getDb().transaction((tx) => {
    const row = tx.select({ v: users.sessionVersion }).from(users).where(eq(users.id, userId)).get()
    if (!row) return
    tx.update(users).set({ sessionVersion: row.v + 1 }).where(eq(users.id, userId)).run()
    writeAudit(tx, { action: 'sign-out', actor })
  })
}

export type FailureWindow = { count: number; oldest: string | null }

/**
 * Failed sign-ins since `since`: for the email (only those after its last success, so signing in
 * clears an account's count) and for the IP address.
 */
export function countRecentFailures(email: string, ip: string, since: string): { email: FailureWindow; ip: FailureWindow } {
  const db = getDb()
  const address = normaliseEmail(email)
  const lastSuccess = db
    .select({ at: max(signInAttempts.at) })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, address), eq(signInAttempts.success, true), gt(signInAttempts.at, since)))
    .get()?.at
  const from = lastSuccess && lastSuccess > since ? lastSuccess : since
  const byEmail = db
    .select({ n: count(), oldest: min(signInAttempts.at) })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, address), eq(signInAttempts.success, false), gt(signInAttempts.at, from)))
    .get()
  const byIp = ip
    ? db
        .select({ n: count(), oldest: min(signInAttempts.at) })
        .from(signInAttempts)
        .where(and(eq(signInAttempts.ip, ip), eq(signInAttempts.success, false), gt(signInAttempts.at, since)))
        .get()
    : undefined
  return {
    email: { count: byEmail?.n ?? 0, oldest: byEmail?.oldest ?? null },
    ip: { count: byIp?.n ?? 0, oldest: byIp?.oldest ?? null },
  }
}

/** Records a sign-in attempt and its audit entry in one transaction; prunes attempts older than a day. */
export function recordSignInAttempt(input: {
  email: string
  ip: string
  outcome: 'success' | 'failure' | 'throttled'
  userId?: number | null
  at?: string
}): void {
  const at = input.at ?? new Date().toISOString()
  const email = normaliseEmail(input.email).slice(0, 320)
  const actor: Actor = { id: input.userId ?? null, email, ip: input.ip }
  getDb().transaction((tx) => {
    // A refused attempt is not counted as a failure, so a lockout ends when the window moves on.
    if (input.outcome !== 'throttled') {
      tx.insert(signInAttempts).values({ email, ip: input.ip, success: input.outcome === 'success', at }).run()
    }
    const action = input.outcome === 'success' ? 'sign-in' : input.outcome === 'failure' ? 'sign-in-failed' : 'sign-in-throttled'
    writeAudit(tx, { action, actor, at })
    const dayAgo = new Date(Date.parse(at) - 24 * 3600_000).toISOString()
    tx.delete(signInAttempts).where(lt(signInAttempts.at, dayAgo)).run()
  })
}
