// The article's discussion: the count, the approved comments and the "Leave a Reply" form island.
import type { PublicCommentDto } from '@/db/queries/comments'
import type { CommentFormState } from '@/lib/comments/form-state'
import { CommentForm } from './comment-form'
import { CommentList } from './comment-list'
import { CommentPages } from './comment-pages'

export function commentCountHeading(count: number, title: string): string {
  if (count === 0) return `No comments yet on “${title}”`
  return `${count} ${count === 1 ? 'thought' : 'thoughts'} on “${title}”`
}

type FormProps = {
  action: (state: CommentFormState, formData: FormData) => Promise<CommentFormState>
  initialState: CommentFormState
  token: string
  permalink: string
  replyTo?: { id: number; name: string } | null
}

export function CommentSection({
  articleId,
  articleUrl,
  title,
  comments,
  total,
  page,
  pageCount,
  commentsOpen,
  form,
}: {
  articleId: number
  articleUrl: string
  title: string
  comments: readonly PublicCommentDto[]
  total: number
  page: number
  pageCount: number
  commentsOpen: boolean
  form: FormProps
}) {
  const formNode = <CommentForm articleId={articleId} articleUrl={articleUrl} {...form} />
  return (
    <section id="comments" className="comments" aria-labelledby="comments-title">
      <h2 id="comments-title" className="comments__title">
        {commentCountHeading(total, title)}
      </h2>
      <CommentPages articleUrl={articleUrl} page={page} pageCount={pageCount} />
      {/* On the reply page the form is rendered under the comment it answers; otherwise after the list. */}
      <CommentList comments={comments} articleUrl={articleUrl} reply={form.replyTo && commentsOpen ? { id: form.replyTo.id, form: formNode } : null} />
      {!(form.replyTo && commentsOpen) && (commentsOpen ? formNode : <p className="comments-closed">Comments are closed.</p>)}
    </section>
  )
}
