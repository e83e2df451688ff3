// Posting the "Leave a Reply" form as a browser without JavaScript does: read the form from the page's HTML (its
// action, the server action's hidden fields and the form token), then send it back as multipart/form-data.

export type CommentFormSpec = {
  /** Absolute URL the form posts to (the article itself). */
  action: string
  /** The hidden inputs React rendered: the server action's reference and bound arguments, the parent, the token. */
  hidden: [string, string][]
  /** The server action's id, as in the `$ACTION_n:0` field. */
  actionId: string
  /** When the token in the form was issued (ms since the epoch). */
  tokenIssuedAt: number
}

const decode = (s: string) =>
  s.replace(/&(quot|amp|lt|gt|#39|#x27);/g, (_, e: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', '#39': "'", '#x27': "'" })[e] ?? _)

export async function readCommentForm(baseUrl: string, pagePath: string): Promise<CommentFormSpec> {
  const response = await fetch(baseUrl + pagePath)
  const html = await response.text()
  if (response.status !== 200) throw new Error(`GET ${pagePath} answered ${response.status}`)
  const formStart = html.indexOf('<form class="comment-form"')
  if (formStart < 0) throw new Error(`no comment form on ${pagePath}`)
  const form = html.slice(formStart, html.indexOf('</form>', formStart))
  const action = decode(/ action="([^"]*)"/.exec(form)?.[1] ?? pagePath).replace(/#.*$/, '')
  const hidden: [string, string][] = [...form.matchAll(/<input type="hidden" name="([^"]*)"(?: value="([^"]*)")?/g)].map((m) => [
    decode(m[1] ?? ''),
    decode(m[2] ?? ''),
  ])
  const ref = hidden.find(([name]) => /^\$ACTION_\d+:0$/.test(name))?.[1]
  const actionId = ref ? (JSON.parse(ref) as { id: string }).id : ''
  const token = hidden.find(([name]) => name === 'comment_token')?.[1] ?? ''
  if (!actionId || !token) throw new Error(`the comment form on ${pagePath} has no server action or no token`)
  return { action: new URL(action, baseUrl).href, hidden, actionId, tokenIssuedAt: Number(token.split('.')[0]) }
}

/** Waits until the form's token is old enough that the "too fast" rule no longer applies (3 s, plus a margin). */
export async function waitForTokenAge(spec: CommentFormSpec, seconds = 3.3): Promise<void> {
  const wait = spec.tokenIssuedAt + seconds * 1000 - Date.now()
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
}

export type PostAnswer = {
  status: number
  ms: number
  html: string
  /** What the answer page says happened: the comment was published, held, or neither (refused or failed). */
  acknowledged: 'published' | 'pending' | null
}

export type CommentValues = { author?: string; email?: string; url?: string; comment?: string; comment_parent?: string }

/** Posts the form with these values from the client address `ip`, as a browser without JavaScript. */
export async function postCommentForm(spec: CommentFormSpec, values: CommentValues, ip: string, timeoutMs = 120_000): Promise<PostAnswer> {
  const body = new FormData()
  for (const [name, value] of spec.hidden) if (!(name in values)) body.append(name, value)
  for (const [name, value] of Object.entries(values)) if (value !== undefined) body.append(name, value)
  const started = Date.now()
  const response = await fetch(spec.action, {
    method: 'POST',
    body,
    headers: { 'X-Forwarded-For': ip, Origin: new URL(spec.action).origin },
    signal: AbortSignal.timeout(timeoutMs),
  })
  const html = await response.text()
  const ms = Date.now() - started
  const acknowledged = /Your comment has been published\./.test(html) ? 'published' : /Your comment is awaiting moderation\./.test(html) ? 'pending' : null
  return { status: response.status, ms, html, acknowledged }
}

let counter = 0
/** A distinct client address per post (the flood rule allows one post per address every 15 s). */
export function nextIp(prefix = 10): string {
  counter++
  return `${prefix}.${(process.pid >> 8) % 250}.${(counter >> 8) % 256}.${counter % 256}`
}
