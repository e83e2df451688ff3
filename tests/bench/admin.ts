// The moderation desk as a browser without JavaScript drives it: sign in through the real form (next-auth), then post
// a row's Approve form (the server action) and time how long until a fresh reader's GET of the article shows the comment.
import { median } from './load'
import { sleep } from './server'

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')

type Field = [string, string]

/** The named inputs of one <form>…</form> (hidden ones and those with a value), in document order. */
function formFields(form: string): Field[] {
  const fields: Field[] = []
  for (const m of form.matchAll(/<input\b([^>]*)>/g)) {
    const attrs = m[1] ?? ''
    const name = /\bname="([^"]*)"/.exec(attrs)?.[1]
    if (!name) continue
    const type = /\btype="([^"]*)"/.exec(attrs)?.[1] ?? 'text'
    if (type === 'checkbox' || type === 'submit') continue
    fields.push([decode(name), decode(/\bvalue="([^"]*)"/.exec(attrs)?.[1] ?? '')])
  }
  return fields
}

function formsIn(html: string): string[] {
  return [...html.matchAll(/<form\b[\s\S]*?<\/form>/g)].map((m) => m[0])
}

function multipart(fields: Field[]): { body: Buffer; contentType: string } {
  const boundary = `----bench${Math.random().toString(36).slice(2)}`
  const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
  return { body: Buffer.from(parts.join('') + `--${boundary}--\r\n`), contentType: `multipart/form-data; boundary=${boundary}` }
}

function cookiesFrom(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(';')[0] as string)
}

async function postForm(baseUrl: string, path: string, fields: Field[], cookie = ''): Promise<Response> {
  const { body, contentType } = multipart(fields)
  return fetch(baseUrl + path, {
    method: 'POST',
    redirect: 'manual',
    body: new Uint8Array(body),
    headers: { 'content-type': contentType, origin: baseUrl, cookie, 'x-forwarded-for': '198.19.255.1' },
  })
}

/** Signs in through /admin/sign-in and returns the session cookie header, or null when this build has no admin desk. */
export async function signIn(baseUrl: string, credentials: { email: string; password: string }): Promise<string | null> {
  const page = await fetch(baseUrl + '/admin/sign-in')
  if (page.status === 404) return null
  const html = await page.text()
  const form = formsIn(html).find((f) => /name="password"/.test(f))
  if (!form) throw new Error('no sign-in form on /admin/sign-in')
  const fields = formFields(form).map(([k, v]): Field => [k, k === 'email' ? credentials.email : k === 'password' ? credentials.password : v])
  if (!fields.some(([k]) => k === 'password')) fields.push(['email', credentials.email], ['password', credentials.password])
  const initial = cookiesFrom(page)
  const response = await postForm(baseUrl, '/admin/sign-in', fields, initial.join('; '))
  await response.arrayBuffer()
  const cookies = [...initial, ...cookiesFrom(response)]
  if (!cookies.some((c) => /session-token=/.test(c))) throw new Error(`signing in failed (${response.status}): no session cookie`)
  return cookies.join('; ')
}

/** The Approve form of comment `id` on its queue page, ready to post. */
async function approveForm(baseUrl: string, cookie: string, queuePath: string, id: number): Promise<Field[]> {
  const html = await (await fetch(baseUrl + queuePath, { headers: { cookie } })).text()
  const row = new RegExp(`<tr[^>]*id="comment-${id}"[\\s\\S]*?</tr>`).exec(html)?.[0]
  if (!row) throw new Error(`comment ${id} is not on ${queuePath}`)
  const form = formsIn(row).find((f) => />\s*Approve\s*</.test(f))
  if (!form) throw new Error(`comment ${id} has no Approve button`)
  const fields = formFields(form)
  // The button names the action when one form holds several (formAction): send the Approve button's own fields.
  const button = /<button\b([^>]*)>\s*Approve\s*</.exec(form)?.[1] ?? ''
  const buttonName = /\bname="([^"]*)"/.exec(button)?.[1]
  if (buttonName) fields.push([decode(buttonName), decode(/\bvalue="([^"]*)"/.exec(button)?.[1] ?? '')])
  return fields
}

export type ApproveResult = { runs: number[]; medianMs: number; maxMs: number; actionMs: number[] }

/**
 * For each pending comment: read its Approve form from the queue, then time from posting it to the first GET of the
 * article (no cookies) whose HTML holds the comment. Polls as fast as the answers come, one request at a time.
 */
export async function measureApproveToPublic(options: {
  baseUrl: string
  cookie: string
  articlePath: string
  comments: { id: number; body: string }[]
}): Promise<ApproveResult> {
  const runs: number[] = []
  const actionMs: number[] = []
  for (const comment of options.comments) {
    const fields = await approveForm(options.baseUrl, options.cookie, '/admin/comments?status=pending', comment.id)
    const before = await (await fetch(options.baseUrl + options.articlePath)).text()
    if (before.includes(`id="comment-${comment.id}"`)) throw new Error(`comment ${comment.id} is public before approval`)
    const t0 = performance.now()
    const posted = postForm(options.baseUrl, '/admin/comments?status=pending', fields, options.cookie).then(async (r) => {
      await r.arrayBuffer()
      actionMs.push(performance.now() - t0)
      if (r.status >= 400) throw new Error(`approve answered ${r.status}`)
    })
    for (;;) {
      const html = await (await fetch(options.baseUrl + options.articlePath)).text()
      if (html.includes(`id="comment-${comment.id}"`)) break
      if (performance.now() - t0 > 15_000) throw new Error(`comment ${comment.id} was not public 15 s after approval`)
    }
    runs.push(performance.now() - t0)
    await posted
    await sleep(50)
  }
  return { runs, medianMs: median(runs), maxMs: Math.max(...runs), actionMs }
}
