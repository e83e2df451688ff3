'use client'
// The discussion settings form: a plain post, errors linked to their fields.
import { useActionState } from 'react'
import type { SettingsField, SettingsFormValues, SettingsState } from '@/lib/admin/settings-form'

type Props = { values: SettingsFormValues; action: (state: SettingsState, formData: FormData) => Promise<SettingsState> }

function ErrorText({ field, errors }: { field: SettingsField; errors: SettingsState['errors'] }) {
  const error = errors[field]
  return error ? (
    <span className="field-error" id={`${field}-error`}>
      {error}
    </span>
  ) : null
}

export function SettingsForm({ values: initial, action }: Props) {
  const [state, formAction, pending] = useActionState(action, { message: null, errors: {}, values: initial })
  const { values, errors } = state
  const describe = (field: SettingsField, note?: string) => [note, errors[field] ? `${field}-error` : undefined].filter(Boolean).join(' ') || undefined
  const invalid = (field: SettingsField) => (errors[field] ? true : undefined)
  return (
    <form action={formAction} className="admin-form settings-form">
      {state.message && (
        <p className="admin-alert admin-alert--error" role="alert">
          {state.message}
        </p>
      )}
      <fieldset>
        <legend>Before a comment appears</legend>
        <p className="admin-choice">
          <input type="radio" id="approval-first-time" name="approval" value="first-time" defaultChecked={values.approval !== 'all'} />
          <label htmlFor="approval-first-time">Hold only comments from first-time commenters (an author with no approved comment yet)</label>
        </p>
        <p className="admin-choice">
          <input type="radio" id="approval-all" name="approval" value="all" defaultChecked={values.approval === 'all'} />
          <label htmlFor="approval-all">Hold every comment for approval</label>
        </p>
        <ErrorText field="approval" errors={errors} />
      </fieldset>
      <fieldset>
        <legend>Comment moderation</legend>
        <p className="admin-field">
          <label htmlFor="linkThreshold">Hold a comment with this many links or more</label>
          <input id="linkThreshold" name="linkThreshold" type="number" inputMode="numeric" min={1} max={100} required defaultValue={values.linkThreshold} aria-invalid={invalid('linkThreshold')} aria-describedby={describe('linkThreshold')} />
          <ErrorText field="linkThreshold" errors={errors} />
        </p>
        <p className="admin-field">
          <label htmlFor="moderationWords">Hold comments containing any of these words (one per line)</label>
          <textarea id="moderationWords" name="moderationWords" rows={6} defaultValue={values.moderationWords} aria-invalid={invalid('moderationWords')} aria-describedby={describe('moderationWords', 'words-note')} />
          <ErrorText field="moderationWords" errors={errors} />
        </p>
        <p className="admin-field">
          <label htmlFor="disallowedWords">Send comments containing any of these words to the trash (one per line)</label>
          <textarea id="disallowedWords" name="disallowedWords" rows={6} defaultValue={values.disallowedWords} aria-invalid={invalid('disallowedWords')} aria-describedby={describe('disallowedWords', 'words-note')} />
          <ErrorText field="disallowedWords" errors={errors} />
        </p>
        <p className="admin-note" id="words-note">
          One word or phrase per line; case is ignored.
        </p>
      </fieldset>
      <fieldset>
        <legend>Threads and pages</legend>
        <p className="admin-field">
          <label htmlFor="threadDepth">Nest replies this many levels deep</label>
          <input id="threadDepth" name="threadDepth" type="number" inputMode="numeric" min={1} max={10} required defaultValue={values.threadDepth} aria-invalid={invalid('threadDepth')} aria-describedby={describe('threadDepth')} />
          <ErrorText field="threadDepth" errors={errors} />
        </p>
        <p className="admin-field">
          <label htmlFor="commentsPerPage">Comments per page</label>
          <input id="commentsPerPage" name="commentsPerPage" type="number" inputMode="numeric" min={5} max={500} required defaultValue={values.commentsPerPage} aria-invalid={invalid('commentsPerPage')} aria-describedby={describe('commentsPerPage')} />
          <ErrorText field="commentsPerPage" errors={errors} />
        </p>
      </fieldset>
      <fieldset>
        <legend>Closing comments</legend>
        <p className="admin-choice">
          <input type="checkbox" id="closeOld" name="closeOld" defaultChecked={values.closeOld} />
          <label htmlFor="closeOld">Close comments on articles older than the number of days below</label>
        </p>
        <p className="admin-field">
          <label htmlFor="closeAfterDays">Days</label>
          <input id="closeAfterDays" name="closeAfterDays" type="number" inputMode="numeric" min={1} max={36500} defaultValue={values.closeAfterDays} aria-invalid={invalid('closeAfterDays')} aria-describedby={describe('closeAfterDays')} />
          <ErrorText field="closeAfterDays" errors={errors} />
        </p>
      </fieldset>
      <p>
        <button type="submit" className="button" aria-disabled={pending || undefined}>
          Save settings
        </button>
      </p>
    </form>
  )
}
