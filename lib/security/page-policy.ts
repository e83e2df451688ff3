// The Content-Security-Policy of pages rendered per request (the admin desk and its sign-in page): scripts run only
// by a fresh nonce and what those scripts load ('strict-dynamic'), never inline. proxy.ts puts the policy on the
// request, where Next finds the nonce and stamps it on its own scripts, and on the response.
import 'server-only'
import crypto from 'node:crypto'
import { THEME_SCRIPT } from '@/lib/theme'
import { contentSecurityPolicy } from './csp'

/** The theme script is rendered as markup by the root layout, so it carries no nonce: it is allowed by its hash. */
export const THEME_SCRIPT_HASH = `'sha256-${crypto.createHash('sha256').update(THEME_SCRIPT).digest('base64')}'`

/** 18 random bytes: 24 base64 characters, unguessable, new for every request. */
export const newNonce = () => crypto.randomBytes(18).toString('base64')

export function perRequestPolicy({ https, dev }: { https: boolean; dev: boolean }): { nonce: string; policy: string } {
  const nonce = newNonce()
  return { nonce, policy: contentSecurityPolicy({ nonce, scriptHashes: [THEME_SCRIPT_HASH], https, dev }) }
}
