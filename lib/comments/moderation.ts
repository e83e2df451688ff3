// Moderation rules: which actions each status offers, where each leads, and how a moderator's decision is worded.
import { z } from 'zod'
import type { CommentStatus } from '@/db/schema'

export const moderationActions = ['approve', 'unapprove', 'spam', 'not-spam', 'trash', 'restore', 'delete'] as const
export type ModerationAction = (typeof moderationActions)[number]

/** The buttons a row shows for its status, in order (Edit and Reply are added where the comment can be public). */
export const actionsByStatus: Record<CommentStatus, readonly ModerationAction[]> = {
  pending: ['approve', 'spam', 'trash'],
  approved: ['unapprove', 'spam', 'trash'],
  spam: ['not-spam', 'delete'],
  trash: ['restore', 'delete'],
}

export const canApply = (action: ModerationAction, status: CommentStatus) => actionsByStatus[status].includes(action)

/** Can a moderator edit or reply to a comment in this status? Not to spam or trash: restore it first. */
export const canEditOrReply = (status: CommentStatus) => status === 'pending' || status === 'approved'

/** The button names the design fixes (DESIGN.md). */
export const actionLabels: Record<ModerationAction, string> = {
  approve: 'Approve',
  unapprove: 'Unapprove',
  spam: 'Spam',
  'not-spam': 'Not spam',
  trash: 'Trash',
  restore: 'Restore',
  delete: 'Delete permanently',
}

export const actionPastTense: Record<ModerationAction, string> = {
  approve: 'approved',
  unapprove: 'unapproved',
  spam: 'marked as spam',
  'not-spam': 'marked as not spam',
  trash: 'moved to the trash',
  restore: 'restored',
  delete: 'deleted permanently',
}

/**
 * Where the action takes a comment; null for a permanent delete. "Not spam" and "Restore" go back to the status
 * the comment had before (when known and itself neither spam nor trash), else to pending: nothing becomes public
 * that a moderator has not approved.
 */
export function targetStatus(action: ModerationAction, previous: CommentStatus | null = null): CommentStatus | null {
  switch (action) {
    case 'approve':
      return 'approved'
    case 'unapprove':
      return 'pending'
    case 'spam':
      return 'spam'
    case 'trash':
      return 'trash'
    case 'not-spam':
    case 'restore':
      return previous === 'approved' || previous === 'pending' ? previous : 'pending'
    case 'delete':
      return null
  }
}

/** The `reason` a moderator's decision leaves on the comment, shown on the desk as why it is in its state. */
export function moderatorReason(action: ModerationAction | 'edit' | 'reply' | 'undo', email: string): string {
  switch (action) {
    case 'approve':
      return `Approved by ${email}`
    case 'unapprove':
      return `Unapproved by ${email}`
    case 'spam':
      return `Marked as spam by ${email}`
    case 'not-spam':
      return `Marked as not spam by ${email}`
    case 'trash':
      return `Trashed by ${email}`
    case 'restore':
      return `Restored from the trash by ${email}`
    case 'delete':
      return `Deleted by ${email}`
    case 'edit':
      return `Edited by ${email}`
    case 'reply':
      return `Approved by ${email} when replying`
    case 'undo':
      return `Previous action undone by ${email}`
  }
}

/** Does a change from `from` to `to` change what readers see? Only then is the article's page re-rendered. */
export const isPublicChange = (from: CommentStatus | null, to: CommentStatus | null) => from !== to && (from === 'approved' || to === 'approved')

// Limits as WordPress has them (and the public form enforces).
export const COMMENT_FIELD_LIMITS = { authorName: 245, authorEmail: 100, authorUrl: 200, body: 65525 } as const

const httpUrl = z
  .string()
  .trim()
  .max(COMMENT_FIELD_LIMITS.authorUrl, `At most ${COMMENT_FIELD_LIMITS.authorUrl} characters.`)
  .refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), 'A web address starting with http:// or https://, or nothing.')

export const commentEditSchema = z.object({
  body: z.string().trim().min(1, 'The comment cannot be empty.').max(COMMENT_FIELD_LIMITS.body, 'The comment is too long.'),
  authorName: z.string().trim().min(1, 'A name is required.').max(COMMENT_FIELD_LIMITS.authorName, 'The name is too long.'),
  authorEmail: z.string().trim().max(COMMENT_FIELD_LIMITS.authorEmail, 'The email is too long.').pipe(z.email('A valid email address is required.')),
  authorUrl: httpUrl,
})
export type CommentEdit = z.infer<typeof commentEditSchema>

export const staffReplySchema = z.object({
  body: z.string().trim().min(1, 'The reply cannot be empty.').max(COMMENT_FIELD_LIMITS.body, 'The reply is too long.'),
})
