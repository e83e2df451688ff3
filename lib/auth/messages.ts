// What the sign-in page says: one message for any wrong email or password, so it reveals no account.
export const INVALID_CREDENTIALS = 'Wrong email or password.'
export const WRONG_ORIGIN = 'This form must be sent from this site. Reload the page and try again.'

export type SignInState = { message: string | null; email: string }
export const initialSignInState: SignInState = { message: null, email: '' }

/** Where to go after signing in: an admin page of this site, never elsewhere. */
export function safeAdminPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/admin'
  const url = new URL(value, 'http://localhost')
  if (url.origin !== 'http://localhost') return '/admin'
  if (!(url.pathname === '/admin' || url.pathname.startsWith('/admin/')) || url.pathname.startsWith('/admin/sign-in')) return '/admin'
  return url.pathname + url.search
}
