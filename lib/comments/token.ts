// The comment form token: when the form was served, signed, so the "too fast" rule cannot be fooled by a forged time.
import 'server-only'
import crypto from 'node:crypto'

// Without AUTH_SECRET (e.g. `next dev`), a per-process key: tokens then last as long as the process.
const fallbackKey = crypto.randomBytes(32)
const key = () => process.env.AUTH_SECRET || fallbackKey

function sign(ms: number): string {
  return crypto.createHmac('sha256', key()).update(`comment-form:${ms}`).digest('base64url').slice(0, 32)
}

export function issueFormToken(now = Date.now()): string {
  return `${now}.${sign(now)}`
}

/** Seconds since the token was issued, or null when it is missing, forged, or from the future. */
export function formTokenAge(token: unknown, now = Date.now()): number | null {
  if (typeof token !== 'string') return null
  const m = /^(\d{13})\.([\w-]{32})$/.exec(token)
  if (!m) return null
  const ms = Number(m[1])
  const expected = Buffer.from(sign(ms))
  const given = Buffer.from(m[2] ?? '')
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null
  if (ms > now + 5_000) return null
  return (now - ms) / 1000
}
