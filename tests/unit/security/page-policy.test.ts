import crypto from 'node:crypto'
import { perRequestPolicy, THEME_SCRIPT_HASH } from '@/lib/security/page-policy'
import { THEME_SCRIPT } from '@/lib/theme'

describe('the per-request policy of admin pages', () => {
  it('allows the theme script by the hash of its exact bytes', () => {
    const digest = crypto.createHash('sha256').update(THEME_SCRIPT, 'utf8').digest('base64')
    expect(THEME_SCRIPT_HASH).toBe(`'sha256-${digest}'`)
  })

  it('has a new unguessable nonce every time, scripts only by it, its hash and what they load', () => {
    const policies = Array.from({ length: 50 }, () => perRequestPolicy({ https: false, dev: false }))
    expect(new Set(policies.map((p) => p.nonce)).size).toBe(50)
    for (const { nonce, policy } of policies) {
      expect(Buffer.from(nonce, 'base64')).toHaveLength(18)
      expect(policy).toContain(`script-src 'self' 'nonce-${nonce}' ${THEME_SCRIPT_HASH} 'strict-dynamic';`)
      expect(policy).not.toMatch(/unsafe-inline'[^;]*;[^;]*script|script-src[^;]*unsafe/)
    }
    expect(perRequestPolicy({ https: true, dev: false }).policy).toMatch(/upgrade-insecure-requests/)
  })
})
