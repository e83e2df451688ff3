// Discussion settings: their keys, defaults and validation. Stored as JSON in the settings table.
import { z } from 'zod'

const wordList = z
  .array(z.string().trim().min(1).max(200))
  .max(5000)
  .transform((words) => [...new Set(words.map((w) => w.toLowerCase()))])

export const discussionSettingsSchema = z.object({
  /** 'all': every comment waits for a moderator; 'first-time': only authors with no approved comment yet. */
  approval: z.enum(['all', 'first-time']).default('first-time'),
  /** A comment with this many links or more is held for moderation. */
  linkThreshold: z.number().int().min(1).max(100).default(2),
  moderationWords: wordList.default([]),
  disallowedWords: wordList.default([]),
  threadDepth: z.number().int().min(1).max(10).default(5),
  commentsPerPage: z.number().int().min(5).max(500).default(50),
  /** Close comments on articles older than this many days; null keeps them open. */
  closeAfterDays: z.number().int().min(1).max(36500).nullable().default(null),
})

export type DiscussionSettings = z.infer<typeof discussionSettingsSchema>

export const defaultDiscussionSettings: DiscussionSettings = discussionSettingsSchema.parse({})
