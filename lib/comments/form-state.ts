// The comment form's state, shared by the server action that returns it and the island that renders it.
import type { CreatedComment } from '@/db/queries/comments'
import type { FieldErrors } from './validate'

export type CommentFormValues = { author: string; email: string; url: string; comment: string; remember: boolean; parent: string }

export type CommentFormState = {
  status: 'idle' | 'error' | 'posted'
  message: string
  errors: FieldErrors
  values: CommentFormValues
  /** The comment just posted, shown to its author (with "awaiting moderation" when pending). */
  posted: (Omit<CreatedComment, 'status'> & { status: 'approved' | 'pending' }) | null
  /** Changes on every answer, so the island can move focus to it. */
  answeredAt: number
}

export function initialCommentFormState(parent = '0'): CommentFormState {
  return {
    status: 'idle',
    message: '',
    errors: {},
    values: { author: '', email: '', url: '', comment: '', remember: false, parent },
    posted: null,
    answeredAt: 0,
  }
}
