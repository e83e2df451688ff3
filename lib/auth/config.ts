// next-auth settings shared by the full set-up (lib/auth/index.ts) and proxy.ts: no database, no providers.
import type { NextAuthConfig } from 'next-auth'
import { z } from 'zod'

export const SESSION_MAX_AGE_S = 12 * 60 * 60
export const SIGN_IN_PATH = '/admin/sign-in'

/** What our JWT carries besides next-auth's own claims. */
export const sessionClaimsSchema = z.object({
  uid: z.number().int().positive(),
  /** The user's session version at sign-in: sign-out bumps it in the database, which revokes this token. */
  sv: z.number().int(),
  /** Sign-in time (ms): a session ends 12 hours after it, however often it is used. */
  sat: z.number().int(),
})
export type SessionClaims = z.infer<typeof sessionClaimsSchema>

export const authConfig = {
  // Self-hosted behind whatever name the operator gives it: the host header is the site's own.
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
  jwt: { maxAge: SESSION_MAX_AGE_S },
  // next-auth's own HTML pages are not used: its sign-out page would post to the host Next thinks it has
  // (localhost), not the one the admin uses. The desk has its own Sign out button.
  pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH, signOut: '/admin' },
  providers: [],
  logger: {
    // A wrong password is an expected answer, already in the audit log: not a server error with a stack trace.
    error(error) {
      // By `type`: class names do not survive minification.
      const type = (error as { type?: string }).type ?? error.name
      if (type === 'CredentialsSignin') return
      console.error(`[auth] ${type}: ${error.message}`)
    },
  },
  callbacks: {
    jwt({ token, user }) {
      // `user` is only there at sign-in: copy what the guard needs into the token, once.
      if (user) {
        const claims = sessionClaimsSchema.safeParse({
          uid: Number(user.id),
          sv: (user as { sessionVersion?: unknown }).sessionVersion,
          sat: Date.now(),
        })
        if (!claims.success) return null
        return { ...token, ...claims.data }
      }
      return token
    },
    session({ session, token }) {
      const claims = sessionClaimsSchema.safeParse(token)
      return { ...session, claims: claims.success ? claims.data : null }
    },
  },
} satisfies NextAuthConfig
