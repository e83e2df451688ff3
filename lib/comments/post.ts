// The one path for every comment: validate → normalise → policy → one transaction → answer.
// Revalidating the article's cache is the caller's (the server action's), so this module runs under plain Node too.
import 'server-only'
import { createComment, createCommentGrouped, type CreatedComment, type CreateResult } from '@/db/queries/comments'
import { getDiscussionSettings } from '@/db/queries/settings'
import { decide, type Decision } from './policy'
import { formTokenAge } from './token'
import { validateComment, type FieldErrors } from './validate'

export type Submission = {
  articleId: number
  form: Record<string, unknown>
  ip: string
  userAgent: string
  now?: Date
}

export type PostResult =
  | { ok: false; errors: FieldErrors; message: string; rule?: 'duplicate' | 'flood' }
  | { ok: true; comment: CreatedComment; articleUrl: string; isPublic: boolean; decision: Decision }

/** The honeypot field: hidden from people, tempting to bots. */
export const HONEYPOT_FIELD = 'ak_hp_website'
export const TOKEN_FIELD = 'comment_token'

type Prepared =
  | { done: PostResult }
  | { args: Parameters<typeof createComment<Decision>> }

/** Validation, settings and the form token: everything decided before the transaction. */
function prepare(submission: Submission): Prepared {
  const now = submission.now ?? new Date()
  const checked = validateComment(submission.form)
  if (!checked.ok) {
    const count = Object.keys(checked.errors).length
    return { done: { ok: false, errors: checked.errors, message: count === 1 ? 'Please correct the field marked below.' : `Please correct the ${count} fields marked below.` } }
  }
  const input = checked.value
  const settings = getDiscussionSettings()
  const honeypot = submission.form[HONEYPOT_FIELD]
  const tokenAge = formTokenAge(submission.form[TOKEN_FIELD], now.getTime())
  return {
    args: [
      {
        articleId: submission.articleId,
        parentId: input.parentId,
        authorName: input.author,
        authorEmail: input.email,
        authorUrl: input.url,
        body: input.comment,
        ip: submission.ip.slice(0, 64),
        userAgent: submission.userAgent.slice(0, 512),
      },
      { now, threadDepth: settings.threadDepth, closeAfterDays: settings.closeAfterDays },
      (facts) =>
        decide(input, {
          ...facts,
          settings,
          honeypotFilled: typeof honeypot === 'string' && honeypot.length > 0,
          formTokenValid: tokenAge !== null,
          secondsSinceFormServed: tokenAge,
        }),
    ],
  }
}

/** The answer, from what the transaction decided. */
function answer(result: CreateResult<Decision>): PostResult {
  if ('refused' in result) {
    return result.field === 'comment_parent'
      ? { ok: false, errors: { comment_parent: result.message }, message: result.message }
      : { ok: false, errors: {}, message: result.message }
  }
  const { decision, comment, articleUrl } = result
  if (decision.outcome === 'refused' || !comment) {
    const rule = decision.outcome === 'refused' ? decision.rule : undefined
    const message = decision.outcome === 'refused' ? decision.message : 'Your comment could not be posted.'
    return { ok: false, errors: rule === 'duplicate' ? { comment: message } : {}, message, rule }
  }
  return { ok: true, comment, articleUrl, isPublic: comment.status === 'approved', decision }
}

/** The pipeline with its own transaction (scripts, tests). */
export function postComment(submission: Submission): PostResult {
  const prepared = prepare(submission)
  return 'done' in prepared ? prepared.done : answer(createComment(...prepared.args))
}

/**
 * The same pipeline for the server action: concurrent posts share one commit (createCommentGrouped), and the answer
 * comes once that commit is on disk.
 */
export async function postCommentGrouped(submission: Submission): Promise<PostResult> {
  const prepared = prepare(submission)
  return 'done' in prepared ? prepared.done : answer(await createCommentGrouped(...prepared.args))
}
