// Brute-force rule: 10 failed sign-ins for one email or one IP address within 10 minutes lock further attempts.
import type { FailureWindow } from '@/db/queries/users'

export const MAX_FAILURES = 10
export const WINDOW_MS = 10 * 60_000

export const windowStart = (now: Date) => new Date(now.getTime() - WINDOW_MS).toISOString()

export type ThrottleDecision = { locked: false } | { locked: true; retryAfterMs: number }

/** Locked while either count is at the limit; it opens again when the oldest failure counted leaves the window. */
export function throttleDecision(counts: { email: FailureWindow; ip: FailureWindow }, now: Date): ThrottleDecision {
  const waits = [counts.email, counts.ip]
    .filter((w) => w.count >= MAX_FAILURES && w.oldest)
    .map((w) => Date.parse(w.oldest as string) + WINDOW_MS - now.getTime())
  if (!waits.length) return { locked: false }
  return { locked: true, retryAfterMs: Math.max(60_000, Math.max(...waits)) }
}

export function retryMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000))
  return `Too many failed sign-in attempts. For your security, signing in is paused: try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
}
