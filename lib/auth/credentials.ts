// Checks an email and password for sign-in: throttling first, then argon2id, recording every attempt.
import 'server-only'
import { countRecentFailures, recordSignInAttempt, verifyUserPassword, type AdminUserDto } from '@/db/queries/users'
import { dummyPasswordHash, PASSWORD_MAX, verifyPassword } from './password'
import { throttleDecision, windowStart } from './throttle'

// Hashed now, not by the first sign-in with an unknown email, which would otherwise take twice as long as the rest.
void dummyPasswordHash()

export type SignInResult = { ok: true; user: AdminUserDto } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'throttled'; retryAfterMs: number }

export async function checkCredentials(input: { email: string; password: string; ip: string; now?: Date }): Promise<SignInResult> {
  const now = input.now ?? new Date()
  const email = input.email.trim().toLowerCase()
  const decision = throttleDecision(countRecentFailures(email, input.ip, windowStart(now)), now)
  if (decision.locked) {
    // Refused even with the right password: the password is not even checked.
    recordSignInAttempt({ email, ip: input.ip, outcome: 'throttled', at: now.toISOString() })
    return { ok: false, reason: 'throttled', retryAfterMs: decision.retryAfterMs }
  }
  const user =
    email && input.password && input.password.length <= PASSWORD_MAX
      ? await verifyUserPassword(email, async (hash) => (await verifyPassword(hash ?? (await dummyPasswordHash()), input.password)) && hash !== null)
      : null
  recordSignInAttempt({ email, ip: input.ip, outcome: user ? 'success' : 'failure', userId: user?.id, at: now.toISOString() })
  return user ? { ok: true, user } : { ok: false, reason: 'invalid' }
}
