'use server'
// Signing out ends the session for good: the user's session version moves on, so a copied cookie stops working.
import { redirect } from 'next/navigation'
import { endSessions } from '@/db/queries/users'
import { signOut } from '@/lib/auth'
import { SIGN_IN_PATH } from '@/lib/auth/config'
import { authorizeAction } from '@/lib/auth/guard'

export async function signOutAdmin(): Promise<void> {
  const admin = await authorizeAction('sign-out')
  endSessions(admin.id, admin.actor)
  await signOut({ redirect: false })
  redirect(`${SIGN_IN_PATH}?signedOut=1`)
}
