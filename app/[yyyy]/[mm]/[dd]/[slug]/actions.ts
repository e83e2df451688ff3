'use server'
// postComment: the "Leave a Reply" form's server action, with or without JavaScript.
import { headers } from 'next/headers'
import { clientIp } from '@/lib/auth/request'
import { revalidateDiscussion } from '@/lib/cache/revalidate'
import type { CommentFormState } from '@/lib/comments/form-state'
import { postCommentGrouped as runPipeline } from '@/lib/comments/post'

const text = (v: FormDataEntryValue | null) => (typeof v === 'string' ? v : '')

export async function postComment(articleId: number, _prev: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const requestHeaders = await headers()
  const form = Object.fromEntries([...formData.entries()].filter(([k]) => !k.startsWith('$ACTION')).map(([k, v]) => [k, text(v)]))
  const values = {
    author: text(formData.get('author')),
    email: text(formData.get('email')),
    url: text(formData.get('url')),
    comment: text(formData.get('comment')),
    remember: formData.get('wp-comment-cookies-consent') === 'yes',
    parent: text(formData.get('comment_parent')) || '0',
  }
  const ip = clientIp(requestHeaders)
  let result
  try {
    result = await runPipeline({ articleId: Number(articleId), form, ip, userAgent: requestHeaders.get('user-agent') ?? '' })
  } catch (error) {
    console.error('postComment failed', error)
    return {
      status: 'error',
      message: 'Sorry, your comment could not be saved just now. Nothing was posted; please try again in a moment.',
      errors: {},
      values,
      posted: null,
      answeredAt: Date.now(),
    }
  }
  if (!result.ok) return { status: 'error', message: result.message, errors: result.errors, values, posted: null, answeredAt: Date.now() }
  if (result.isPublic) {
    revalidateDiscussion(result.articleUrl)
  }
  const { comment } = result
  return {
    status: 'posted',
    message: result.isPublic ? 'Your comment has been published.' : 'Thank you. Your comment is awaiting moderation.',
    errors: {},
    values: { ...values, comment: '', parent: '0' },
    // Spam is answered like a pending comment, so a bot learns nothing from the reply.
    posted: { ...comment, status: comment.status === 'approved' ? 'approved' : 'pending' },
    answeredAt: Date.now(),
  }
}
