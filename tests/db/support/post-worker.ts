// A separate process posting one comment through the real pipeline at an agreed instant (for race tests).
import { postComment } from '@/lib/comments/post'
import { issueFormToken } from '@/lib/comments/token'

const [articleId, startAt, author] = process.argv.slice(2)
const form = { author, email: `${author?.toLowerCase()}@example.com`, url: '', comment: 'Same words, same time.', comment_parent: '0', comment_token: issueFormToken(Date.now() - 60_000) }

const wait = Number(startAt) - Date.now()
setTimeout(() => {
  const result = postComment({ articleId: Number(articleId), form, ip: '', userAgent: 'race' })
  process.stdout.write(JSON.stringify(result.ok ? { ok: true } : { ok: false, rule: result.rule ?? null }))
}, Math.max(0, wait))
