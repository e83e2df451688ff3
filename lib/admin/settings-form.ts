// Discussion settings as the settings form shows them (strings, one word per line) and back, with plain-language errors.
import { discussionSettingsSchema, type DiscussionSettings } from '@/lib/comments/settings'
import type { FieldErrors } from './form-state'

export type SettingsFormValues = {
  approval: string
  linkThreshold: string
  moderationWords: string
  disallowedWords: string
  threadDepth: string
  commentsPerPage: string
  closeOld: boolean
  closeAfterDays: string
}

export type SettingsField = keyof SettingsFormValues
export type SettingsState = { message: string | null; errors: FieldErrors<SettingsField>; values: SettingsFormValues }

const messages: Partial<Record<SettingsField, string>> = {
  approval: 'Choose who must wait for approval.',
  linkThreshold: 'A whole number from 1 to 100.',
  moderationWords: 'At most 5,000 words or phrases of at most 200 characters each.',
  disallowedWords: 'At most 5,000 words or phrases of at most 200 characters each.',
  threadDepth: 'A whole number from 1 to 10.',
  commentsPerPage: 'A whole number from 5 to 500.',
  closeAfterDays: 'A whole number of days from 1 to 36,500.',
}

export function settingsToForm(s: DiscussionSettings): SettingsFormValues {
  return {
    approval: s.approval,
    linkThreshold: String(s.linkThreshold),
    moderationWords: s.moderationWords.join('\n'),
    disallowedWords: s.disallowedWords.join('\n'),
    threadDepth: String(s.threadDepth),
    commentsPerPage: String(s.commentsPerPage),
    closeOld: s.closeAfterDays !== null,
    closeAfterDays: s.closeAfterDays === null ? '' : String(s.closeAfterDays),
  }
}

export function readSettingsForm(formData: FormData): SettingsFormValues {
  const text = (name: string) => String(formData.get(name) ?? '')
  return {
    approval: text('approval'),
    linkThreshold: text('linkThreshold'),
    moderationWords: text('moderationWords'),
    disallowedWords: text('disallowedWords'),
    threadDepth: text('threadDepth'),
    commentsPerPage: text('commentsPerPage'),
    closeOld: formData.get('closeOld') === 'on',
    closeAfterDays: text('closeAfterDays'),
  }
}

const lines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
const number = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN)

export function parseSettingsForm(values: SettingsFormValues): { ok: true; settings: DiscussionSettings } | { ok: false; errors: FieldErrors<SettingsField> } {
  const parsed = discussionSettingsSchema.safeParse({
    approval: values.approval,
    linkThreshold: number(values.linkThreshold),
    moderationWords: lines(values.moderationWords),
    disallowedWords: lines(values.disallowedWords),
    threadDepth: number(values.threadDepth),
    commentsPerPage: number(values.commentsPerPage),
    closeAfterDays: values.closeOld ? number(values.closeAfterDays) : null,
  })
  if (parsed.success) return { ok: true, settings: parsed.data }
  const errors: FieldErrors<SettingsField> = {}
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0]) as SettingsField
    errors[field] ??= messages[field] ?? issue.message
  }
  return { ok: false, errors }
}

/** What changed, in words, for the audit log. */
export function describeSettingsChange(before: DiscussionSettings, after: DiscussionSettings): string {
  const changed = (Object.keys(after) as (keyof DiscussionSettings)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
  return changed.length ? `Changed ${changed.join(', ')}` : 'Saved without changes'
}

/** Settings that change how article pages render: only these re-render every page. */
export const renderingSettings = ['threadDepth', 'commentsPerPage', 'closeAfterDays'] as const satisfies readonly (keyof DiscussionSettings)[]
