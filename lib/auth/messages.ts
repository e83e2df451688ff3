// What the sign-in page says: one message for any wrong email or password, so it reveals no account.
export const INVALID_CREDENTIALS = 'Wrong email or password.'
export const WRONG_ORIGIN = 'This form must be sent from this site. Reload the page and try again.'

export type SignInState = { message: string | null; email: string }
export const initialSignInState: SignInState = { message: null, email: '' }
