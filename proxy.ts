// Convenience only: sends signed-out visitors of /admin pages to the sign-in page before anything renders.
// The real check is lib/auth/guard.ts, run by every admin page and server action.
import NextAuth from 'next-auth'
import { NextResponse } from 'next/server'
import { authConfig, SIGN_IN_PATH } from '@/lib/auth/config'

const { auth } = NextAuth(authConfig)

export const proxy = auth((request) => {
  // Server actions post to the page's URL: let them through so the action refuses and logs it itself.
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next()
  if (request.auth?.user) return NextResponse.next()
  const url = new URL(SIGN_IN_PATH, request.nextUrl)
  url.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search)
  return NextResponse.redirect(url)
})

export const config = {
  matcher: ['/admin', '/admin/((?!sign-in).*)'],
}
