// The real authorisation check, run by every admin page, data read and server action (proxy.ts only redirects early).
import 'server-only'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { recordAudit, type Actor } from '@/db/queries/audit'
import { getUserById, type AdminUserDto } from '@/db/queries/users'
import { auth } from '.'
import { SESSION_MAX_AGE_S, SIGN_IN_PATH, sessionClaimsSchema } from './config'
import { clientIp, isSameOrigin } from './request'

export type Admin = AdminUserDto & { actor: Actor }

type Verdict = { ok: true; user: AdminUserDto } | { ok: false; reason: string; claimed?: AdminUserDto }

/** Valid means: a decodable session cookie, at most 12 hours since sign-in, and not signed out since. */
async function verifySession(now = Date.now()): Promise<Verdict> {
  const session = await auth()
  const claims = sessionClaimsSchema.safeParse((session as { claims?: unknown } | null)?.claims)
  if (!claims.success) return { ok: false, reason: 'no session' }
  const { uid, sv, sat } = claims.data
  if (now - sat > SESSION_MAX_AGE_S * 1000 || now < sat - 60_000) {
    return { ok: false, reason: 'session expired', claimed: getUserById(uid) ?? undefined }
  }
  const user = getUserById(uid)
  if (!user) return { ok: false, reason: 'no such user' }
  if (user.sessionVersion !== sv) return { ok: false, reason: 'session ended by sign-out or password change', claimed: user }
  return { ok: true, user }
}

/** For pages and data reads: the signed-in admin, or a redirect to the sign-in page. */
export async function requireAdmin(): Promise<Admin> {
  const verdict = await verifySession()
  if (!verdict.ok) redirect(SIGN_IN_PATH)
  const h = await headers()
  return { ...verdict.user, actor: { id: verdict.user.id, email: verdict.user.email, ip: clientIp(h) } }
}

/** The signed-in admin for the masthead, or null; never redirects. */
export async function currentAdmin(): Promise<AdminUserDto | null> {
  const verdict = await verifySession()
  return verdict.ok ? verdict.user : null
}

/**
 * For server actions: the admin allowed to perform `action`, or a refusal written to the audit log followed by a
 * redirect to the sign-in page. The post must come from this site (Next lets posts without Origin through).
 */
export async function authorizeAction(action: string, commentIds: readonly number[] = []): Promise<Admin> {
  const h = await headers()
  const ip = clientIp(h)
  const verdict: Verdict = isSameOrigin(h) ? await verifySession() : { ok: false, reason: `cross-origin post (Origin: ${h.get('origin') ?? 'none'})` }
  if (verdict.ok) return { ...verdict.user, actor: { id: verdict.user.id, email: verdict.user.email, ip } }
  recordAudit({
    action: 'refused',
    // Who the cookie claims to be, when it names a real user: useful, though not proven.
    actor: { id: verdict.claimed?.id ?? null, email: verdict.claimed?.email ?? '', ip },
    commentId: commentIds.length === 1 ? commentIds[0] : null,
    detail: `${action}${commentIds.length > 1 ? ` on comments ${commentIds.join(', ')}` : ''}: ${verdict.reason}`,
  })
  redirect(`${SIGN_IN_PATH}?reason=expired`)
}
