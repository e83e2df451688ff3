// Runs before routing. Three jobs:
// 1. Convenience only: sends signed-out visitors of /admin pages to the sign-in page before anything renders.
//    The real check is lib/auth/guard.ts, run by every admin page and server action.
// 2. Admin and sign-in pages (rendered per request anyway) get a Content-Security-Policy with a fresh nonce, on the
//    request (Next reads the nonce from it and stamps its own scripts) and on the response, replacing the static
//    policy next.config.js gives public pages. Public pages keep theirs, so they stay cached.
// 3. A post to an admin page from another site (or from a sandboxed page: Origin `null`) is refused here with 403 and
//    written to the audit log; Next would abort it too, but only in the server's log. A post without Origin goes on
//    to the action, whose own check refuses and logs it.
// 4. A request body over 1 MB (by its Content-Length) is refused with 413 before anything reads it. Next's own limit
//    for Server Actions (next.config.js) answers the same bodies with a generic 500 after reading a megabyte.
// 5. Unknown articles, sections, authors and tags are rewritten to an unmatched path, so Next answers them with
//    app/not-found.tsx rendered into the HTML. (Next 16 answers a notFound() thrown by a page with an empty body that
//    only JavaScript fills in: blank for crawlers and readers without JavaScript. The pages still call notFound().)
import NextAuth from 'next-auth'
import { NextResponse, type NextRequest } from 'next/server'
import { recordAudit } from '@/db/queries/audit'
import { slugExists } from '@/db/queries/exists'
import { authConfig, SIGN_IN_PATH } from '@/lib/auth/config'
import { clientIp, isSameOrigin } from '@/lib/auth/request'
import { slugInPath } from '@/lib/not-found-paths'
import { perRequestPolicy } from '@/lib/security/page-policy'

const { auth } = NextAuth(authConfig)

const dev = process.env.NODE_ENV === 'development'

/** Lets the request through with a per-request nonce policy (see 2. above). */
function nextWithNonce(request: NextRequest): NextResponse {
  const { policy } = perRequestPolicy({ https: request.headers.get('x-forwarded-proto') === 'https', dev })
  const headers = new Headers(request.headers)
  headers.set('content-security-policy', policy)
  const response = NextResponse.next({ request: { headers } })
  response.headers.set('content-security-policy', policy)
  return response
}

const adminProxy = auth((request) => {
  // Server actions post to the page's URL: let them through so the action refuses and logs it itself.
  if (request.method !== 'GET' && request.method !== 'HEAD') return nextWithNonce(request)
  if (request.auth?.user) return nextWithNonce(request)
  const url = new URL(SIGN_IN_PATH, request.nextUrl)
  url.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search)
  return NextResponse.redirect(url)
})

/** 3. above: the refusal of a cross-site post, or null to let the request go on. */
function refuseCrossSite(request: NextRequest): NextResponse | null {
  const origin = request.headers.get('origin')
  if (request.method === 'GET' || request.method === 'HEAD' || origin === null || isSameOrigin(request.headers)) return null
  const action = request.headers.get('next-action')
  recordAudit({
    action: 'refused',
    actor: { id: null, email: '', ip: clientIp(request.headers) },
    detail: `${request.method} ${request.nextUrl.pathname}${action ? ` (action ${action.slice(0, 64)})` : ''}: cross-origin post (Origin: ${origin.slice(0, 200)})`,
  })
  return new NextResponse('This form can only be sent from this site.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } })
}

/** The largest request body the site accepts: Next's Server Action limit (next.config.js), 1 MB. */
export const MAX_BODY_BYTES = 1024 * 1024

export function proxy(request: NextRequest, event: unknown) {
  const { pathname } = request.nextUrl
  if (Number(request.headers.get('content-length')) > MAX_BODY_BYTES) {
    return new NextResponse('This request is too large: the site accepts at most 1 MB.', { status: 413, headers: { 'content-type': 'text/plain; charset=utf-8', connection: 'close' } })
  }
  if (pathname === '/admin' || pathname.startsWith('/admin/')) {
    const refused = refuseCrossSite(request)
    if (refused) return refused
  }
  if (pathname === SIGN_IN_PATH || pathname.startsWith(`${SIGN_IN_PATH}/`)) return nextWithNonce(request)
  if (pathname === '/admin' || pathname.startsWith('/admin/')) {
    return (adminProxy as unknown as (r: NextRequest, e: unknown) => Response)(request, event)
  }
  const named = slugInPath(pathname)
  if (named && (!named.slug || !slugExists(named.kind, named.slug))) {
    return NextResponse.rewrite(new URL('/_unknown', request.url))
  }
  return NextResponse.next()
}

// A Server Action call (the comment island posting, with its Next-Action header) skips the slug check: its page exists
// or the action refuses the post itself, and running the proxy copied every posted body into a web stream.
// (Written out in full: Next reads the matcher statically at build time.)
export const config = {
  matcher: [
    '/admin',
    '/admin/:path*',
    // Any request announcing a body of a million bytes or more (4. above); the proxy compares it with the limit.
    { source: '/:path*', has: [{ type: 'header', key: 'content-length', value: '[1-9][0-9]{6,}' }] },
    { source: '/:yyyy(\\d{4})/:mm/:dd/:slug/:rest*', missing: [{ type: 'header', key: 'next-action' }] },
    { source: '/section/:slug/:rest*', missing: [{ type: 'header', key: 'next-action' }] },
    { source: '/author/:slug/:rest*', missing: [{ type: 'header', key: 'next-action' }] },
    { source: '/tag/:slug/:rest*', missing: [{ type: 'header', key: 'next-action' }] },
  ],
}
