import { decide, DUPLICATE_MESSAGE, type PolicyFacts } from '@/lib/comments/policy'
import { defaultDiscussionSettings } from '@/lib/comments/settings'

const input = { author: 'Ann', email: 'ann@example.com', url: '', comment: 'A fair point.' }
const facts = (over: Partial<PolicyFacts> = {}): PolicyFacts => ({
  settings: defaultDiscussionSettings,
  isDuplicate: false,
  secondsSinceLastFromSender: null,
  honeypotFilled: false,
  secondsSinceFormServed: 60,
  formTokenValid: true,
  hasApprovedBefore: true,
  ...over,
})

describe('comment policy, in order', () => {
  it('approves a known author', () => {
    expect(decide(input, facts())).toMatchObject({ outcome: 'approved', rule: 'known-author' })
  })

  it('holds a first-time commenter', () => {
    expect(decide(input, facts({ hasApprovedBefore: false }))).toMatchObject({ outcome: 'pending', rule: 'first-time' })
  })

  it('refuses a duplicate first, with the WordPress message', () => {
    const d = decide(input, facts({ isDuplicate: true, honeypotFilled: true, secondsSinceLastFromSender: 1 }))
    expect(d).toMatchObject({ outcome: 'refused', rule: 'duplicate', message: DUPLICATE_MESSAGE })
  })

  it('refuses a flood inside 15 seconds and allows one at 15 seconds', () => {
    expect(decide(input, facts({ secondsSinceLastFromSender: 14.999 }))).toMatchObject({ outcome: 'refused', rule: 'flood' })
    expect(decide(input, facts({ secondsSinceLastFromSender: 15 })).outcome).toBe('approved')
  })

  it('marks a filled honeypot, a missing token and a form sent under 3 seconds as spam', () => {
    expect(decide(input, facts({ honeypotFilled: true }))).toMatchObject({ outcome: 'spam', rule: 'honeypot' })
    expect(decide(input, facts({ formTokenValid: false, secondsSinceFormServed: null }))).toMatchObject({ outcome: 'spam', rule: 'form-token' })
    expect(decide(input, facts({ secondsSinceFormServed: 2.9 }))).toMatchObject({ outcome: 'spam', rule: 'too-fast' })
    expect(decide(input, facts({ secondsSinceFormServed: 3 })).outcome).toBe('approved')
  })

  it('holds a comment with 2 or more links, and not one with 1', () => {
    expect(decide({ ...input, comment: 'see http://a.example' }, facts()).outcome).toBe('approved')
    const d = decide({ ...input, comment: 'see http://a.example and https://b.example' }, facts())
    expect(d).toMatchObject({ outcome: 'pending', rule: 'links' })
    expect(d.reason).toMatch(/2 links/)
  })

  it('holds on a moderation word in any field, case-insensitively', () => {
    const settings = { ...defaultDiscussionSettings, moderationWords: ['casino'] }
    expect(decide({ ...input, url: 'http://CASINO.example/' }, facts({ settings }))).toMatchObject({ outcome: 'pending', rule: 'moderation-words' })
  })

  it('marks a disallowed word as spam, even when a hold rule would also apply', () => {
    const settings = { ...defaultDiscussionSettings, disallowedWords: ['viagra'], moderationWords: ['cheap'] }
    const d = decide({ ...input, comment: 'cheap Viagra http://a http://b' }, facts({ settings }))
    expect(d).toMatchObject({ outcome: 'spam', rule: 'disallowed-words' })
    expect(d.reason).toContain('viagra')
  })

  it('holds everything when every comment needs approval', () => {
    const settings = { ...defaultDiscussionSettings, approval: 'all' as const }
    expect(decide(input, facts({ settings }))).toMatchObject({ outcome: 'pending', rule: 'approval-all' })
  })
})
