// A fresh comment form token, fetched when a reader starts typing (the cached page's token may be old).
import { issueFormToken } from '@/lib/comments/token'

export const dynamic = 'force-dynamic'

export function GET() {
  return Response.json({ token: issueFormToken() }, { headers: { 'Cache-Control': 'no-store' } })
}
