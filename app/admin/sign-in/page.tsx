// The admin sign-in page: email and password, one generic error, works without JavaScript.
import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { SignInForm } from '@/components/admin/sign-in-form'
import { currentAdmin } from '@/lib/auth/guard'
import { INVALID_CREDENTIALS } from '@/lib/auth/messages'
import { safeAdminPath } from '@/lib/auth/request'
import { site } from '@/lib/site'
import { signInAdmin } from './actions'

export const metadata: Metadata = { title: 'Sign in' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams
  const callbackUrl = safeAdminPath(first(params.callbackUrl))
  if (await currentAdmin()) redirect(callbackUrl)
  const notice = first(params.error)
    ? INVALID_CREDENTIALS
    : first(params.signedOut)
    ? 'You have signed out.'
    : first(params.reason) === 'expired'
      ? 'Your session has ended. Please sign in again.'
      : first(params.callbackUrl)
        ? 'Please sign in to continue.'
        : undefined
  return (
    <div className="admin-sign-in">
      <h1>Sign in</h1>
      <p className="admin-lede">Moderators and editors of {site.name} sign in here.</p>
      <SignInForm action={signInAdmin} callbackUrl={callbackUrl} notice={notice} />
    </div>
  )
}
