// Admin accounts of the browser tests' own, and signing in as one. A test file that signs in uses an account of its
// own: signing out ends every session of an account, so another file's sign-out test must not end this file's.
import type { Cookie, Page } from 'playwright-core'
import { hashPassword } from '@/lib/auth/password'
import { e2eDb } from './db'

export type TestAdmin = { email: string; password: string }

/** Creates the account unless it exists (the password is then left as it is). */
export async function ensureTestAdmin(admin: TestAdmin): Promise<void> {
  const passwordHash = await hashPassword(admin.password)
  const db = e2eDb()
  db.prepare(`INSERT INTO users (email, name, password_hash, role, created_at) VALUES (?, ?, ?, 'admin', ?) ON CONFLICT(email) DO NOTHING`).run(
    admin.email,
    admin.email.split('@')[0] ?? admin.email,
    passwordHash,
    new Date().toISOString(),
  )
  db.close()
}

/** Signs in through the sign-in page, as a person does, and waits for the dashboard. */
export async function signInThroughForm(page: Page, admin: TestAdmin): Promise<void> {
  await page.goto('/admin/sign-in')
  await page.getByLabel('Email').fill(admin.email)
  await page.getByLabel('Password').fill(admin.password)
  await Promise.all([page.waitForURL((url) => url.pathname === '/admin'), page.getByRole('button', { name: 'Sign in' }).click()])
}

/** The session cookie(s) among a context's cookies: what another context needs to be signed in as the same admin. */
export const sessionCookies = (cookies: Cookie[]): Cookie[] => cookies.filter((c) => c.name.startsWith('authjs.'))
