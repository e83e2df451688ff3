'use client'
// A staff reply: published at once under the comment and marked as staff on the public page.
import { useActionState } from 'react'
import type { ReplyState } from '@/lib/admin/form-state'
import { COMMENT_FIELD_LIMITS } from '@/lib/comments/moderation'

type Props = {
  id: number
  back: string
  cancelHref: string
  authorName: string
  approvesParent: boolean
  action: (state: ReplyState, formData: FormData) => Promise<ReplyState>
}

export function StaffReplyForm({ id, back, cancelHref, authorName, approvesParent, action }: Props) {
  const [state, formAction, pending] = useActionState(action, { message: null, errors: {}, body: '' })
  const fieldId = `reply-${id}-body`
  const error = state.errors.body
  return (
    <form action={formAction} className="admin-form queue-editor">
      {state.message && (
        <p className="admin-alert admin-alert--error" role="alert">
          {state.message}
        </p>
      )}
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="back" value={back} />
      <p className="admin-field">
        <label htmlFor={fieldId}>Reply to {authorName}</label>
        <textarea
          id={fieldId}
          name="body"
          rows={5}
          required
          autoFocus
          maxLength={COMMENT_FIELD_LIMITS.body}
          defaultValue={state.body}
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${fieldId}-note`, error ? `${fieldId}-error` : ''].filter(Boolean).join(' ')}
        />
        {error && (
          <span className="field-error" id={`${fieldId}-error`}>
            {error}
          </span>
        )}
        <span className="admin-note" id={`${fieldId}-note`}>
          Published at once and marked as staff.{approvesParent && ' Replying also approves this comment.'}
        </span>
      </p>
      <p className="queue-editor__buttons">
        <button type="submit" className="admin-button admin-button--primary" aria-disabled={pending || undefined}>
          Post reply
        </button>{' '}
        <a href={cancelHref} className="admin-button">
          Cancel
        </a>
      </p>
    </form>
  )
}
