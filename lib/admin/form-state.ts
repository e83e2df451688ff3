// The states the admin's useActionState forms return: a message, an error per field, and what was typed.
import type { z } from 'zod'
import type { CommentEdit } from '@/lib/comments/moderation'

export type FieldErrors<K extends string> = Partial<Record<K, string>>

export type EditState = { message: string | null; errors: FieldErrors<keyof CommentEdit>; values: CommentEdit }
export type ReplyState = { message: string | null; errors: FieldErrors<'body'>; body: string }

/** The first message for each field of a failed zod parse. */
export function fieldErrors<K extends string>(error: z.ZodError): FieldErrors<K> {
  const errors: FieldErrors<K> = {}
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '') as K
    errors[key] ??= issue.message
  }
  return errors
}
