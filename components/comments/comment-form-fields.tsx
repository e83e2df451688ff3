// The WordPress "Leave a Reply" fields, in WordPress's order, with their names, types and limits.
import { COMMENT_LIMITS } from '@/lib/comments/validate'
export type CommentFieldValues = { author: string; email: string; url: string; comment: string; remember: boolean }
export type CommentFieldErrors = Partial<Record<'author' | 'email' | 'url' | 'comment', string>>

export const emptyCommentValues: CommentFieldValues = { author: '', email: '', url: '', comment: '', remember: false }


function Field({
  name,
  label,
  required,
  error,
  noteId,
  children,
}: {
  name: keyof CommentFieldErrors
  label: string
  required?: boolean
  error?: string
  /** An element elsewhere in the form that describes this field. */
  noteId?: string
  children: (describedBy: string | undefined) => React.ReactNode
}) {
  const errorId = `${name}-error`
  const describedBy = [noteId, error ? errorId : undefined].filter(Boolean).join(' ') || undefined
  return (
    <p className={`comment-form-${name}${error ? ' has-error' : ''}`}>
      <label htmlFor={name}>
        {label}
        {required && (
          <>
            {' '}
            <span className="required" aria-hidden="true">
              *
            </span>
          </>
        )}
      </label>
      {children(describedBy)}
      {error && (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      )}
    </p>
  )
}

export function CommentFormFields({
  values = emptyCommentValues,
  errors = {},
}: {
  values?: CommentFieldValues
  errors?: CommentFieldErrors
}) {
  return (
    <>
      <p className="comment-notes">
        <span id="email-notes">Your email address will not be published.</span>{' '}
        <span className="required-field-message">
          Required fields are marked <span className="required">*</span>
        </span>
      </p>
      <Field name="comment" label="Comment" required error={errors.comment}>
        {(describedBy) => (
          <textarea
            id="comment"
            name="comment"
            cols={45}
            rows={8}
            maxLength={COMMENT_LIMITS.comment}
            required
            defaultValue={values.comment}
            aria-invalid={errors.comment ? true : undefined}
            aria-describedby={describedBy}
          />
        )}
      </Field>
      <Field name="author" label="Name" required error={errors.author}>
        {(describedBy) => (
          <input
            id="author"
            name="author"
            type="text"
            autoComplete="name"
            maxLength={COMMENT_LIMITS.author}
            required
            defaultValue={values.author}
            aria-invalid={errors.author ? true : undefined}
            aria-describedby={describedBy}
          />
        )}
      </Field>
      <Field name="email" label="Email" required error={errors.email} noteId="email-notes">
        {(describedBy) => (
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            maxLength={COMMENT_LIMITS.email}
            required
            defaultValue={values.email}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={describedBy}
          />
        )}
      </Field>
      <Field name="url" label="Website" error={errors.url}>
        {(describedBy) => (
          <input
            id="url"
            name="url"
            type="url"
            autoComplete="url"
            maxLength={COMMENT_LIMITS.url}
            defaultValue={values.url}
            aria-invalid={errors.url ? true : undefined}
            aria-describedby={describedBy}
          />
        )}
      </Field>
      <p className="comment-form-cookies-consent">
        <input id="wp-comment-cookies-consent" name="wp-comment-cookies-consent" type="checkbox" value="yes" defaultChecked={values.remember} />{' '}
        <label htmlFor="wp-comment-cookies-consent">Save my name, email, and website in this browser for the next time I comment.</label>
      </p>
    </>
  )
}
