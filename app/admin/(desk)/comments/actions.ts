'use server'
// The moderation desk's actions. Each: authorise (session, session version, same origin) → validate →
// one transaction with its audit rows → re-render the affected article pages only → redirect back to the queue.
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { editComment, moderateComments, postStaffReply, undoModeration as undoInDb } from '@/db/queries/moderation'
import { fieldErrors, type EditState, type ReplyState } from '@/lib/admin/form-state'
import { publishArticleChanges } from '@/lib/admin/publish'
import { flashParams, queueHref, viewFromBack, type Flash } from '@/lib/admin/queue-params'
import { authorizeAction } from '@/lib/auth/guard'
import { commentEditSchema, moderationActions, staffReplySchema, type ModerationAction } from '@/lib/comments/moderation'

const commentId = z.coerce.number().int().positive().max(2 ** 53)
const idList = z
  .string()
  .transform((s): unknown[] => s.split('.'))
  .pipe(z.array(commentId).min(1).max(500))

/** Ids named by a form, read leniently: only to say in the audit log what a refused request was after. */
function claimedIds(formData: FormData): number[] {
  const raw = [...formData.getAll('id'), ...formData.getAll('ids')].flatMap((v) => String(v).split('.'))
  return raw.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0).slice(0, 50)
}

function backTo(formData: FormData, flash: Flash): never {
  redirect(queueHref(viewFromBack(formData.get('back')), flashParams(flash)))
}

async function moderateOne(action: ModerationAction, formData: FormData): Promise<void> {
  const admin = await authorizeAction(action, claimedIds(formData))
  const id = commentId.safeParse(formData.get('id'))
  if (!id.success) backTo(formData, { kind: 'error', message: 'invalid' })
  const result = moderateComments([id.data], action, admin.actor)
  publishArticleChanges(result.articlePaths)
  backTo(formData, { kind: 'done', action, ids: result.changed.map((c) => c.id), skipped: result.skipped.length })
}

export async function approveComment(formData: FormData): Promise<void> {
  await moderateOne('approve', formData)
}

export async function unapproveComment(formData: FormData): Promise<void> {
  await moderateOne('unapprove', formData)
}

export async function spamComment(formData: FormData): Promise<void> {
  await moderateOne('spam', formData)
}

export async function notSpamComment(formData: FormData): Promise<void> {
  await moderateOne('not-spam', formData)
}

export async function trashComment(formData: FormData): Promise<void> {
  await moderateOne('trash', formData)
}

export async function restoreComment(formData: FormData): Promise<void> {
  await moderateOne('restore', formData)
}

export async function deleteComment(formData: FormData): Promise<void> {
  await moderateOne('delete', formData)
}

const bulkSchema = z.object({
  action: z.enum(moderationActions),
  ids: z.array(commentId).min(1).max(500),
})

/** The bulk bar: one action on every checked row, in one transaction. */
export async function bulkModerate(formData: FormData): Promise<void> {
  const ids = formData.getAll('ids').map(String)
  const admin = await authorizeAction(`bulk ${String(formData.get('action'))}`, claimedIds(formData))
  const parsed = bulkSchema.safeParse({ action: formData.get('action'), ids })
  if (!parsed.success) backTo(formData, { kind: 'error', message: 'invalid' })
  const { action } = parsed.data
  const result = moderateComments(parsed.data.ids, action, admin.actor)
  publishArticleChanges(result.articlePaths)
  backTo(formData, { kind: 'done', action, ids: result.changed.map((c) => c.id), skipped: result.skipped.length })
}

const undoSchema = z.object({ action: z.enum(moderationActions).exclude(['delete']), ids: idList })

/** Undo (button in the message after an action, or the u key): puts those comments back where they were. */
export async function undoModeration(formData: FormData): Promise<void> {
  const admin = await authorizeAction('undo', claimedIds(formData))
  const parsed = undoSchema.safeParse({ action: formData.get('action'), ids: formData.get('ids') })
  if (!parsed.success) backTo(formData, { kind: 'error', message: 'invalid' })
  const result = undoInDb(parsed.data.ids, parsed.data.action, admin.actor)
  publishArticleChanges(result.articlePaths)
  backTo(formData, { kind: 'done', action: 'undo', ids: result.changed.map((c) => c.id), skipped: result.skipped.length })
}

/** Edit: text, name, email and website. Returns the errors for the form, or redirects back to the queue. */
export async function saveCommentEdit(_previous: EditState, formData: FormData): Promise<EditState> {
  const admin = await authorizeAction('edit', claimedIds(formData))
  const values = {
    body: String(formData.get('body') ?? ''),
    authorName: String(formData.get('authorName') ?? ''),
    authorEmail: String(formData.get('authorEmail') ?? ''),
    authorUrl: String(formData.get('authorUrl') ?? ''),
  }
  const id = commentId.safeParse(formData.get('id'))
  if (!id.success) backTo(formData, { kind: 'error', message: 'invalid' })
  const parsed = commentEditSchema.safeParse(values)
  if (!parsed.success) return { message: 'Please correct the fields marked below.', errors: fieldErrors(parsed.error), values }
  const result = editComment(id.data, parsed.data, admin.actor)
  if (!result.ok) {
    if (result.reason === 'not-found') backTo(formData, { kind: 'error', message: 'not-found' })
    return { message: 'Comments in the spam or the trash cannot be edited: restore it first.', errors: {}, values }
  }
  if (result.articlePath) publishArticleChanges([result.articlePath])
  redirect(`${queueHref(viewFromBack(formData.get('back')), flashParams({ kind: 'edited', id: id.data }))}#comment-${id.data}`)
}

/** Reply: an approved staff comment under this one, published at once. */
export async function replyToComment(_previous: ReplyState, formData: FormData): Promise<ReplyState> {
  const admin = await authorizeAction('reply', claimedIds(formData))
  const body = String(formData.get('body') ?? '')
  const id = commentId.safeParse(formData.get('id'))
  if (!id.success) backTo(formData, { kind: 'error', message: 'invalid' })
  const parsed = staffReplySchema.safeParse({ body })
  if (!parsed.success) return { message: null, errors: fieldErrors(parsed.error), body }
  const userAgent = (await headers()).get('user-agent') ?? ''
  const result = postStaffReply(id.data, parsed.data.body, admin, admin.actor, userAgent)
  if (!result.ok) {
    if (result.reason === 'not-found') backTo(formData, { kind: 'error', message: 'not-found' })
    return { message: 'Comments in the spam or the trash cannot be replied to: restore it first.', errors: {}, body }
  }
  publishArticleChanges([result.articlePath])
  redirect(queueHref(viewFromBack(formData.get('back')), flashParams({ kind: 'replied', id: result.id })))
}
