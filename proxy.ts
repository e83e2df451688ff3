// Runs before routing. Two jobs:
// 1. Convenience only: sends signed-out visitors of /admin pages to the sign-in page before anything renders.
//    The real check is lib/auth/guard.ts, run by every admin page and server action.
// 2. Unknown articles, sections, authors and tags are rewritten to an unmatched path, so Next answers them with
//    app/not-found.tsx rendered into the HTML. (Next 16 answers a notFound() thrown by a page with an empty body that
//    only JavaScript fills in: blank for crawlers and readers without JavaScript. The pages still call notFound().)
import NextAuth from 'next-auth'
import { NextResponse, type NextRequest } from 'next/server'
import { slugExists } from '@/db/queries/exists'
import { authConfig, SIGN_IN_PATH } from '@/lib/auth/config'
import { slugInPath } from '@/lib/not-found-paths'

const { auth } = NextAuth(authConfig)

const adminProxy = auth((request) => {
  // Server actions post to the page's URL: let them through so the action refuses and logs it itself.
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next()
  if (request.auth?.user) return NextResponse.next()
  const url = new URL(SIGN_IN_PATH, request.nextUrl)
  url.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search)
  return NextResponse.redirect(url)
})

export function proxy(request: NextRequest, event: unknown) {
  const { pathname } = request.nextUrl
  if (pathname === '/admin' || (pathname.startsWith('/admin/') && !pathname.startsWith(SIGN_IN_PATH))) {
    return (adminProxy as unknown as (r: NextRequest, e: unknown) => Response)(request, event)
  }
  const named = slugInPath(pathname)
  if (named && (!named.slug || !slugExists(named.kind, named.slug))) {
    return NextResponse.rewrite(new URL('/_unknown', request.url))
  }
  return NextResponse.next()
}

export const config = {
  matcher: ['/admin', '/admin/((?!sign-in).*)', '/:yyyy(\\d{4})/:mm/:dd/:slug/:rest*', '/section/:slug/:rest*', '/author/:slug/:rest*', '/tag/:slug/:rest*'],
}
