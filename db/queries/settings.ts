// Discussion settings: read with defaults filled in, written as one validated JSON value.
import 'server-only'
import { eq } from 'drizzle-orm'
import { getDb } from '../client'
import { settings } from '../schema'
import { writeAudit, type Actor } from './audit'
import { discussionSettingsSchema, type DiscussionSettings } from '@/lib/comments/settings'

const KEY = 'discussion'

export function getDiscussionSettings(): DiscussionSettings {
  const row = getDb().select({ value: settings.value }).from(settings).where(eq(settings.key, KEY)).get()
  const parsed = discussionSettingsSchema.safeParse(row ? JSON.parse(row.value) : {})
  return parsed.success ? parsed.data : discussionSettingsSchema.parse({})
}

/** Saves the settings; with `audit`, the audit row is written in the same transaction. */
export function saveDiscussionSettings(value: DiscussionSettings, audit?: { actor: Actor; detail: string }): void {
  const json = JSON.stringify(discussionSettingsSchema.parse(value))
  const updatedAt = new Date().toISOString()
  getDb().transaction((tx) => {
    tx.insert(settings)
      .values({ key: KEY, value: json, updatedAt })
      .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt } })
      .run()
    if (audit) writeAudit(tx, { action: 'settings', actor: audit.actor, detail: audit.detail, at: updatedAt })
  })
}
