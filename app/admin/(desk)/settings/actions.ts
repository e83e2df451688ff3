'use server'
// Discussion settings and per-article comment closing. Authorised, validated, saved with their audit row.
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { setArticleCommentsOpen } from '@/db/queries/moderation'
import { getDiscussionSettings, saveDiscussionSettings } from '@/db/queries/settings'
import { publishArticleChanges } from '@/lib/admin/publish'
import { describeSettingsChange, parseSettingsForm, readSettingsForm, renderingSettings, type SettingsState } from '@/lib/admin/settings-form'
import { authorizeAction } from '@/lib/auth/guard'

export async function saveSettings(_previous: SettingsState, formData: FormData): Promise<SettingsState> {
  const admin = await authorizeAction('settings')
  const values = readSettingsForm(formData)
  const parsed = parseSettingsForm(values)
  if (!parsed.ok) return { message: 'Please correct the fields marked below.', errors: parsed.errors, values }
  const before = getDiscussionSettings()
  saveDiscussionSettings(parsed.settings, { actor: admin.actor, detail: describeSettingsChange(before, parsed.settings) })
  // Thread depth, page size and closing change every article page; the other settings only affect new comments.
  if (renderingSettings.some((k) => JSON.stringify(before[k]) !== JSON.stringify(parsed.settings[k]))) revalidatePath('/', 'layout')
  redirect('/admin/settings?saved=1')
}

const openSchema = z.object({ articleId: z.coerce.number().int().positive(), open: z.enum(['0', '1']) })

export async function setCommentsOpen(formData: FormData): Promise<void> {
  const admin = await authorizeAction('close-comments')
  const parsed = openSchema.safeParse({ articleId: formData.get('articleId'), open: formData.get('open') })
  if (!parsed.success) redirect('/admin/settings?error=1')
  const path = setArticleCommentsOpen(parsed.data.articleId, parsed.data.open === '1', admin.actor)
  if (path) publishArticleChanges([path])
  redirect(`/admin/settings?${path ? 'saved=article' : 'error=1'}#articles`)
}
