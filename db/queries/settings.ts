// Discussion settings: read with defaults filled in, written as one validated JSON value.
import 'server-only'
import { eq } from 'drizzle-orm'
import { getDb } from '../client'
import { settings } from '../schema'
import { discussionSettingsSchema, type DiscussionSettings } from '@/lib/comments/settings'

const KEY = 'discussion'

export function getDiscussionSettings(): DiscussionSettings {
  const row = getDb().select({ value: settings.value }).from(settings).where(eq(settings.key, KEY)).get()
  const parsed = discussionSettingsSchema.safeParse(row ? JSON.parse(row.value) : {})
  return parsed.success ? parsed.data : discussionSettingsSchema.parse({})
}

export function saveDiscussionSettings(value: DiscussionSettings): void {
  const json = JSON.stringify(discussionSettingsSchema.parse(value))
  const updatedAt = new Date().toISOString()
  getDb()
    .insert(settings)
    .values({ key: KEY, value: json, updatedAt })
    .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt } })
    .run()
}
