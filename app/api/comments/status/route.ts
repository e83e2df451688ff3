// Statuses of a few comments by id, so an author's browser can stop showing its pending comments once moderated.
// Answers only the status, never the content: the author's browser already holds that.
import type { NextRequest } from 'next/server'
import { getCommentStatuses } from '@/db/queries/comments'

export const dynamic = 'force-dynamic'

export function GET(request: NextRequest) {
  const ids = (request.nextUrl.searchParams.get('ids') ?? '')
    .split(',')
    .filter((s) => /^\d{1,12}$/.test(s))
    .slice(0, 50)
    .map(Number)
  // Spam reads as pending, as in the form's own answer, so a bot learns nothing; trash reads as gone.
  const answer = Object.fromEntries(
    Object.entries(getCommentStatuses(ids)).map(([id, status]) => [id, status === 'spam' ? 'pending' : status === 'trash' ? 'gone' : status]),
  )
  return Response.json(answer, { headers: { 'Cache-Control': 'no-store' } })
}
