// One comment in the moderation queue: who wrote it, where, why it is in its state, its text and its actions.
import Link from 'next/link'
import { CommentText } from '@/components/comments/comment-text'
import { DateTime } from '@/components/ui/date-time'
import type { ModerationCommentDto } from '@/db/queries/moderation'
import type { EditState, ReplyState } from '@/lib/admin/form-state'
import { QUEUE_PATH, queueHref, viewParams, type QueueView } from '@/lib/admin/queue-params'
import { actionLabels, actionsByStatus, canEditOrReply, type ModerationAction } from '@/lib/comments/moderation'
import { CommentEditForm } from './comment-edit-form'
import { StaffReplyForm } from './staff-reply-form'

export type FormAction = (formData: FormData) => Promise<void>
export type RowActions = Record<ModerationAction, FormAction>

export const statusLabels = { pending: 'Pending', approved: 'Approved', spam: 'Spam', trash: 'Trash' } as const

const excerpt = (text: string, max = 140) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text)

/** A GET button that reopens the queue with one more parameter (edit or reply), keeping the current view. */
function ViewButton({ view, name, id, label, describedBy }: { view: QueueView; name: string; id: number; label: string; describedBy: string }) {
  return (
    <form method="get" action={QUEUE_PATH} className="row-actions__form">
      {[...viewParams(view)].map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <input type="hidden" name={name} value={id} />
      <button type="submit" className="admin-button" data-action={name} aria-describedby={describedBy}>
        {label}
      </button>
    </form>
  )
}

export function CommentRow({
  comment: c,
  view,
  mode,
  actions,
  editAction,
  replyAction,
}: {
  comment: ModerationCommentDto
  view: QueueView
  /** Whether this row shows its editor or reply form (opened by the Edit and Reply buttons). */
  mode: 'view' | 'edit' | 'reply'
  actions: RowActions
  editAction: (state: EditState, formData: FormData) => Promise<EditState>
  replyAction: (state: ReplyState, formData: FormData) => Promise<ReplyState>
}) {
  const back = viewParams(view).toString()
  const authorId = `comment-${c.id}-author`
  const safeUrl = /^https?:\/\//i.test(c.authorUrl) ? c.authorUrl : ''
  const moderated = c.updatedAt !== c.createdAt
  return (
    <tr id={`comment-${c.id}`} className={`queue-row queue-row--${c.status}`} data-comment-row={c.id} tabIndex={-1}>
      <td className="queue-row__select">
        <input type="checkbox" form="bulk-form" name="ids" value={c.id} id={`select-${c.id}`} aria-labelledby={`select-${c.id}-label ${authorId}`} />
        <label htmlFor={`select-${c.id}`} id={`select-${c.id}-label`} className="visually-hidden">
          Select the comment by
        </label>
      </td>
      <th scope="row" className="queue-row__author">
        <b id={authorId}>{c.authorName}</b>
        {c.isStaff && <span className="comment__staff">Staff</span>}
        <dl className="queue-row__facts">
          <dt>Email</dt>
          <dd>
            <a href={`mailto:${c.authorEmail}`}>{c.authorEmail}</a>
          </dd>
          {c.authorUrl && (
            <>
              <dt>Website</dt>
              <dd>{safeUrl ? <a href={safeUrl} rel="nofollow ugc noopener noreferrer">{excerpt(c.authorUrl, 40)}</a> : excerpt(c.authorUrl, 40)}</dd>
            </>
          )}
          {c.ip && (
            <>
              <dt>IP</dt>
              <dd>
                <Link href={queueHref({ ...view, status: 'all', q: c.ip, page: 1 })} prefetch={false} title="Comments from this address">
                  {c.ip}
                </Link>
              </dd>
            </>
          )}
        </dl>
      </th>
      <td className="queue-row__comment">
        <p className="queue-row__state">
          <span className={`status status--${c.status}`}>{statusLabels[c.status]}</span>{' '}
          <span className="queue-row__why">
            <span className="visually-hidden">Why: </span>
            {c.reason || (c.status === 'pending' ? 'Awaiting moderation' : 'No reason recorded')}
          </span>
          {moderated && (
            <>
              {' · '}
              <span className="queue-row__when">
                changed <DateTime iso={c.updatedAt} withTime />
              </span>
            </>
          )}
          {' · '}
          <Link href={`/admin/log?comment=${c.id}`} prefetch={false}>
            History<span className="visually-hidden"> of this comment</span>
          </Link>
        </p>
        {c.parent && (
          <p className="queue-row__parent">
            In reply to{' '}
            <a href={c.parent.status === 'approved' ? `${c.article.url}#comment-${c.parent.id}` : queueHref({ status: 'all', q: '', article: null, page: 1 }, { q: c.parent.authorName })}>
              {c.parent.authorName}
            </a>
            {c.parent.status !== 'approved' && ` (${statusLabels[c.parent.status].toLowerCase()})`}: “{excerpt(c.parent.body)}”
          </p>
        )}
        <CommentText text={c.body} />
        <div className="row-actions">
          <form className="row-actions__form">
            <input type="hidden" name="id" value={c.id} />
            <input type="hidden" name="back" value={back} />
            {actionsByStatus[c.status].map((a) => (
              <button
                key={a}
                type="submit"
                formAction={actions[a]}
                className={`admin-button admin-button--${a}`}
                data-action={a}
                aria-describedby={authorId}
              >
                {actionLabels[a]}
              </button>
            ))}
          </form>
          {canEditOrReply(c.status) && (
            <>
              <ViewButton view={view} name="edit" id={c.id} label="Edit" describedBy={authorId} />
              <ViewButton view={view} name="reply" id={c.id} label="Reply" describedBy={authorId} />
            </>
          )}
        </div>
        {mode === 'edit' && (
          <CommentEditForm
            id={c.id}
            back={back}
            cancelHref={`${queueHref(view)}#comment-${c.id}`}
            values={{ body: c.body, authorName: c.authorName, authorEmail: c.authorEmail, authorUrl: c.authorUrl }}
            action={editAction}
          />
        )}
        {mode === 'reply' && (
          <StaffReplyForm
            id={c.id}
            back={back}
            cancelHref={`${queueHref(view)}#comment-${c.id}`}
            authorName={c.authorName}
            approvesParent={c.status === 'pending'}
            action={replyAction}
          />
        )}
      </td>
      <td className="queue-row__article">
        <a href={`${c.article.url}#comments`}>{c.article.title}</a>
        <br />
        <Link href={queueHref({ ...view, article: c.article.id, page: 1 })} prefetch={false} className="admin-small">
          All comments here
        </Link>
      </td>
      <td className="queue-row__date">
        <DateTime iso={c.createdAt} withTime />
      </td>
    </tr>
  )
}
