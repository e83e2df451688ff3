// What the admin code reads from a request: the client's address, whether a post came from this site, where to go next.
import { env } from '@/lib/env'

type HeaderReader = { get(name: string): string | null }

/**
 * The client's IP address. `next start` fills X-Forwarded-For with the socket address only when the header is
 * absent, and a proxy in front appends what it saw: the last entry is the one the nearest hop vouches for.
 */
export function clientIp(headers: HeaderReader): string {
  const forwarded = headers.get('x-forwarded-for')
  const last = forwarded?.split(',').map((s) => s.trim()).filter(Boolean).at(-1)
  return (last ?? headers.get('x-real-ip') ?? '').slice(0, 64)
}

/** The origins an admin form may be posted from: SITE_URL's, and the one this request was addressed to. */
export function allowedOrigins(headers: HeaderReader): string[] {
  const origins = [new URL(env().siteUrl).origin]
  const host = headers.get('x-forwarded-host') ?? headers.get('host')
  if (host) {
    const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || 'http'
    origins.push(`${proto}://${host}`)
  }
  return origins
}

/** Next lets a server action post without an Origin header through: admin actions refuse it. */
export function isSameOrigin(headers: HeaderReader): boolean {
  const origin = headers.get('origin')
  if (!origin || origin === 'null') return false
  return allowedOrigins(headers).includes(origin)
}

/** Where to go after signing in: an admin page of this site, never elsewhere. */
export function safeAdminPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/admin'
  const url = new URL(value, 'http://localhost')
  if (url.origin !== 'http://localhost') return '/admin'
  if (!(url.pathname === '/admin' || url.pathname.startsWith('/admin/')) || url.pathname.startsWith('/admin/sign-in')) return '/admin'
  return url.pathname + url.search
}
