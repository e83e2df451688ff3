'use server'
// Signing in: next-auth's Credentials provider checks the password (and the throttle); this maps its errors to one message.
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { AuthError } from 'next-auth'
import { signIn } from '@/lib/auth'
import { INVALID_CREDENTIALS, WRONG_ORIGIN, type SignInState } from '@/lib/auth/messages'
import { isSameOrigin, safeAdminPath } from '@/lib/auth/request'
import { retryMessage } from '@/lib/auth/throttle'

export async function signInAdmin(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get('email') ?? '').trim().slice(0, 320)
  const password = String(formData.get('password') ?? '')
  const destination = safeAdminPath(formData.get('callbackUrl'))
  if (!isSameOrigin(await headers())) return { message: WRONG_ORIGIN, email }
  if (!email || !password) return { message: INVALID_CREDENTIALS, email }
  try {
    await signIn('credentials', { email, password, redirect: false })
  } catch (error) {
    if (!(error instanceof AuthError)) throw error
    const code = 'code' in error && typeof error.code === 'string' ? error.code : ''
    if (code.startsWith('throttled:')) return { message: retryMessage(Number(code.slice('throttled:'.length))), email }
    return { message: INVALID_CREDENTIALS, email }
  }
  redirect(destination)
}
