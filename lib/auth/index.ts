// next-auth with one Credentials provider: admins from the users table, argon2id passwords, JWT sessions.
import 'server-only'
import NextAuth, { CredentialsSignin } from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { z } from 'zod'
import { authConfig } from './config'
import { checkCredentials } from './credentials'
import { clientIp } from './request'

/** Thrown when too many attempts failed recently; `code` reaches the sign-in action. */
export class ThrottledSignIn extends CredentialsSignin {
  code = 'throttled'
}

const credentialsSchema = z.object({ email: z.string().max(320), password: z.string().max(1024) })

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
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
