// The comment policy: rules in WordPress's order, each able to say why. Pure: every fact comes in through `facts`.
import type { DiscussionSettings } from './settings'

export type PolicyFacts = {
  settings: DiscussionSettings
  /** Same article, parent, author and text already posted (and not trashed). */
  isDuplicate: boolean
  /** Seconds since the last comment from the same IP or email, or null if none. */
  secondsSinceLastFromSender: number | null
  honeypotFilled: boolean
  /** Seconds between the form being served and sent, or null when unknown (no valid token). */
  secondsSinceFormServed: number | null
  formTokenValid: boolean
  /** The author has an approved comment under the same name and email. */
  hasApprovedBefore: boolean
}

export type PolicyInput = { author: string; email: string; url: string; comment: string }

export type Decision =
  | { outcome: 'refused'; rule: 'duplicate' | 'flood'; reason: string; message: string }
  | { outcome: 'spam' | 'pending' | 'approved'; rule: string; reason: string }

export const FLOOD_SECONDS = 15
export const MIN_FORM_SECONDS = 3

export const DUPLICATE_MESSAGE = "Duplicate comment detected; it looks as though you've already said that!"
export const FLOOD_MESSAGE = `You are posting comments too quickly. Slow down, and try again in ${FLOOD_SECONDS} seconds.`

export function countLinks(text: string): number {
  return (text.match(/https?:\/\/|www\.|<a\s/gi) ?? []).length
}

/** The first listed word found in the text, matched case-insensitively as in WordPress (substring match). */
export function findListedWord(words: readonly string[], ...fields: string[]): string | null {
  const haystack = fields.join('\n').toLowerCase()
  return words.find((w) => w && haystack.includes(w)) ?? null
}

export function decide(input: PolicyInput, facts: PolicyFacts): Decision {
  if (facts.isDuplicate) return { outcome: 'refused', rule: 'duplicate', reason: 'Duplicate of an earlier comment', message: DUPLICATE_MESSAGE }
  if (facts.secondsSinceLastFromSender !== null && facts.secondsSinceLastFromSender < FLOOD_SECONDS) {
    return { outcome: 'refused', rule: 'flood', reason: `Sent ${facts.secondsSinceLastFromSender.toFixed(1)} s after the previous comment from the same IP or email`, message: FLOOD_MESSAGE }
  }
  if (facts.honeypotFilled) return { outcome: 'spam', rule: 'honeypot', reason: 'Spam: the hidden field that only bots fill in was filled in' }
  if (!facts.formTokenValid) return { outcome: 'spam', rule: 'form-token', reason: 'Spam: sent without a valid form token (not from the site’s form)' }
  if (facts.secondsSinceFormServed !== null && facts.secondsSinceFormServed < MIN_FORM_SECONDS) {
    return { outcome: 'spam', rule: 'too-fast', reason: `Spam: sent ${facts.secondsSinceFormServed.toFixed(1)} s after the form was served (under ${MIN_FORM_SECONDS} s)` }
  }

  const { settings } = facts
  const disallowed = findListedWord(settings.disallowedWords, input.author, input.email, input.url, input.comment)
  // A disallowed word makes it spam even where an earlier rule would only hold it.
  if (disallowed) return { outcome: 'spam', rule: 'disallowed-words', reason: `Spam: contains “${disallowed}” from the disallowed words list` }

  const links = countLinks(input.comment)
  if (links >= settings.linkThreshold) {
    return { outcome: 'pending', rule: 'links', reason: `Held for moderation: ${links} links (the limit is ${settings.linkThreshold - 1})` }
  }
  const moderated = findListedWord(settings.moderationWords, input.author, input.email, input.url, input.comment)
  if (moderated) return { outcome: 'pending', rule: 'moderation-words', reason: `Held for moderation: contains “${moderated}” from the moderation list` }
  if (settings.approval === 'all') return { outcome: 'pending', rule: 'approval-all', reason: 'Held for moderation: every comment needs approval' }
  if (!facts.hasApprovedBefore) return { outcome: 'pending', rule: 'first-time', reason: 'Held for moderation: first comment from this name and email' }
  return { outcome: 'approved', rule: 'known-author', reason: 'Approved automatically: this name and email have an approved comment' }
}
