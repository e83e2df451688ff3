// next-auth with one Credentials provider: admins from the users table, argon2id passwords, JWT sessions.
import 'server-only'
import NextAuth, { CredentialsSignin } from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { z } from 'zod'
import { getUserById, endSessions } from '@/db/queries/users'
import { authConfig, sessionClaimsSchema } from './config'
import { checkCredentials } from './credentials'
import { clientIp } from './request'

/** Thrown when too many attempts failed recently; `code` reaches the sign-in action. */
export class ThrottledSignIn extends CredentialsSignin {
  code = 'throttled'
}

const credentialsSchema = z.object({ email: z.string().max(320), password: z.string().max(1024) })

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  events: {
    // Signing out through next-auth's own endpoint (/api/auth/signout) must end the session for good too.
    // The admin's Sign out button has already moved the version on; then this does nothing.
    signOut(message) {
      const claims = sessionClaimsSchema.safeParse('token' in message ? message.token : null)
      if (!claims.success) return
      const user = getUserById(claims.data.uid)
      if (user && user.sessionVersion === claims.data.sv) endSessions(user.id, { id: user.id, email: user.email, ip: '' })
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw)
        if (!parsed.success) return null
        const result = await checkCredentials({ ...parsed.data, ip: clientIp(request.headers) })
        if (result.ok) {
          const { id, email, name, sessionVersion } = result.user
          return { id: String(id), email, name, sessionVersion }
        }
        if (result.reason === 'throttled') {
          const error = new ThrottledSignIn()
          error.code = `throttled:${result.retryAfterMs}`
          throw error
        }
        return null
      },
    }),
  ],
})
