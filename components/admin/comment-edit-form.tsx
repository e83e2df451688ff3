'use client'
// A moderator's edit of a comment's text, name, email and website. A plain post; errors are shown per field.
import { useActionState } from 'react'
import type { EditState } from '@/lib/admin/form-state'
import { COMMENT_FIELD_LIMITS, type CommentEdit } from '@/lib/comments/moderation'

type Props = {
  id: number
  back: string
  cancelHref: string
  values: CommentEdit
  action: (state: EditState, formData: FormData) => Promise<EditState>
}

const fields: { name: keyof CommentEdit; label: string; type: 'text' | 'email' | 'url' | 'textarea' }[] = [
  { name: 'body', label: 'Comment', type: 'textarea' },
  { name: 'authorName', label: 'Name', type: 'text' },
  { name: 'authorEmail', label: 'Email', type: 'email' },
  { name: 'authorUrl', label: 'Website', type: 'url' },
]

export function CommentEditForm({ id, back, cancelHref, values, action }: Props) {
  const [state, formAction, pending] = useActionState(action, { message: null, errors: {}, values })
  const prefix = `edit-${id}`
  return (
    <form action={formAction} className="admin-form queue-editor" aria-labelledby={`${prefix}-title`}>
      {/* h2: under the page’s h1 the queue has no other heading. */}
      <h2 id={`${prefix}-title`} className="queue-editor__title">
        Edit comment
      </h2>
      {state.message && (
        <p className="admin-alert admin-alert--error" role="alert">
          {state.message}
        </p>
      )}
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="back" value={back} />
      {fields.map((f) => {
        const error = state.errors[f.name]
        const errorId = `${prefix}-${f.name}-error`
        const common = {
          id: `${prefix}-${f.name}`,
          name: f.name,
          defaultValue: state.values[f.name],
          maxLength: COMMENT_FIELD_LIMITS[f.name],
          'aria-invalid': error ? true : undefined,
          'aria-describedby': error ? errorId : undefined,
        }
        return (
          <p key={f.name} className="admin-field">
            <label htmlFor={common.id}>{f.label}</label>
            {f.type === 'textarea' ? <textarea {...common} rows={6} required autoFocus /> : <input {...common} type={f.type} required={f.name !== 'authorUrl'} />}
            {error && (
              <span className="field-error" id={errorId}>
                {error}
              </span>
            )}
          </p>
        )
      })}
      <p className="queue-editor__buttons">
        <button type="submit" className="admin-button admin-button--primary" aria-disabled={pending || undefined}>
          Save changes
        </button>{' '}
        <a href={cancelHref} className="admin-button">
          Cancel
        </a>
      </p>
    </form>
  )
}
