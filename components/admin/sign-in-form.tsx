'use client'
// The sign-in form: a plain post that works without JavaScript; with it, errors show without a reload.
import { useActionState } from 'react'
import { initialSignInState, type SignInState } from '@/lib/auth/messages'

type Props = {
  action: (state: SignInState, formData: FormData) => Promise<SignInState>
  callbackUrl: string
  notice?: string
}

export function SignInForm({ action, callbackUrl, notice }: Props) {
  const [state, formAction, pending] = useActionState(action, initialSignInState)
  const message = state.message
  return (
    <form action={formAction} className="admin-form sign-in-form" aria-describedby={message ? 'sign-in-error' : undefined}>
      {message ? (
        <p id="sign-in-error" className="admin-alert admin-alert--error" role="alert">
          {message}
        </p>
      ) : (
        notice && (
          <p className="admin-alert" role="status">
            {notice}
          </p>
        )
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <p className="admin-field">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email} aria-invalid={message ? true : undefined} />
      </p>
      <p className="admin-field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required aria-invalid={message ? true : undefined} />
      </p>
      <p>
        <button type="submit" className="button" aria-disabled={pending || undefined}>
          Sign in
        </button>
      </p>
    </form>
  )
}
