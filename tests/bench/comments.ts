// Comment posting through the real Server Action of the article page, as a browser sends it: the JavaScript path
// (Next-Action header, the island's encoded arguments) and the no-JavaScript form post (the hidden $ACTION fields).
// Each post has its own author, email and client address (198.18.0.0/15, the range set aside for benchmarks), so the
// flood rule never fires and no test switch exists. Every acknowledged post is then looked up in the database.
import { findStoredComments } from '@/db/bench'
import { runLoadInterleaved, type LoadOptions, type LoadResult } from './load'
import { sleep } from './server'

export type PostingResult = LoadResult & {
  path: 'js' | 'no-js'
  /** The offered rate, when the posts came at a set pace rather than as fast as answered. */
  rate?: number
  /** Acknowledged posts per second: the median request rate times the share of answers that acknowledged a post. */
  acceptedPerSec: number
  acknowledged: number
  /** Answers that were not an acknowledgement (an error page, a refusal): must be zero. */
  refused: number
  /** Acknowledged posts missing from the database afterwards: must be zero. */
  missing: number
  statuses: Record<string, number>
  /** The node:http reference's requests per second in the rounds alternating with these (when given one). */
  referenceRps?: number
}

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')

type FormParts = { actionId: string; bound: unknown[]; hidden: [string, string][]; token: string }

/** Reads the comment form's server-action fields from the article's server-rendered HTML. */
export function readCommentForm(html: string): FormParts {
  const form = /<div id="respond"[\s\S]*?<\/form>/.exec(html)?.[0]
  if (!form) throw new Error('no comment form (#respond) in the article HTML')
  const hidden = [...form.matchAll(/<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?/g)].map(
    (m) => [m[1] as string, decode(m[2] ?? '')] as [string, string],
  )
  const ref = hidden.find(([name]) => /^\$ACTION_\d+:0$/.test(name))
  const args = hidden.find(([name]) => /^\$ACTION_\d+:1$/.test(name))
  const token = /name="comment_token" value="([^"]+)"/.exec(form)?.[1]
  if (!ref || !args || !token) throw new Error('the comment form lacks its $ACTION fields or its token')
  return { actionId: (JSON.parse(ref[1]) as { id: string }).id, bound: JSON.parse(args[1]) as unknown[], hidden, token }
}

function multipart(fields: [string, string][]): { body: Buffer; contentType: string } {
  const boundary = `----bench${Math.random().toString(36).slice(2)}`
  const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
  return { body: Buffer.from(parts.join('') + `--${boundary}--\r\n`), contentType: `multipart/form-data; boundary=${boundary}` }
}

let sequence = 0
/** A client address per post from 198.18.0.0/15 (RFC 2544: set aside for benchmarks). */
function nextIdentity(label: string) {
  const n = ++sequence
  return {
    n,
    ip: `198.${18 + ((n >> 16) & 1)}.${(n >> 8) & 255}.${n & 255}`,
    author: `Bench ${label} ${n}`,
    email: `post-${label}-${n}-${process.pid}@bench.example`,
    comment: `Benchmark comment ${n} (${label}): the figures in this report are medians of several rounds.`,
  }
}

const ACK = /awaiting moderation|has been published/

export async function measurePosting(options: {
  baseUrl: string
  articlePath: string
  databasePath: string
  path: 'js' | 'no-js'
  connections?: number
  /** Post at this offered rate (per second) instead of as fast as the site answers. */
  rate?: number
  /** The reference server's URL: its rounds alternate with the posting rounds, for a ratio that survives noise. */
  referenceUrl?: string
}): Promise<PostingResult> {
  const { baseUrl, articlePath } = options
  const html = await (await fetch(baseUrl + articlePath)).text()
  const form = readCommentForm(html)
  // A form served under 3 s ago counts as spam: the cached page's token is older, but never post with a fresh one.
  const age = Date.now() - Number(form.token.split('.')[0])
  if (age < 3_500) await sleep(3_500 - age)

  const acknowledgedEmails: string[] = []
  const statuses: Record<string, number> = {}
  let refused = 0
  const label = options.path === 'js' ? 'js' : 'nojs'
  const posting: LoadOptions = {
    url: baseUrl + articlePath,
    method: 'POST',
    connections: options.connections,
    overallRate: options.rate,
    setupRequest: (request, context) => {
      const who = nextIdentity(label)
      context.email = who.email
      const values: [string, string][] = [
        ['comment', who.comment],
        ['author', who.author],
        ['email', who.email],
        ['url', ''],
        ['comment_parent', '0'],
        ['comment_token', form.token],
        ['ak_hp_website', ''],
      ]
      const headers: Record<string, string> = { origin: baseUrl, 'x-forwarded-for': who.ip, 'user-agent': 'newsroom-bench' }
      let fields: [string, string][]
      if (options.path === 'js') {
        // What React's encodeReply sends for action(prevState, formData) with the bound article id: the arguments as
        // JSON in field 0, the FormData as reference $K1 with its entries prefixed _1_.
        fields = [...values.map(([k, v]): [string, string] => [`_1_${k}`, v]), ['0', JSON.stringify([...form.bound, '$K1'])]]
        headers['next-action'] = form.actionId
        headers.accept = 'text/x-component'
      } else {
        fields = [...form.hidden, ...values]
      }
      const { body, contentType } = multipart(fields)
      headers['content-type'] = contentType
      return { ...request, method: 'POST', body, headers }
    },
    onResponse: (status, body, _headers, context) => {
      statuses[status] = (statuses[status] ?? 0) + 1
      if (status === 200 && ACK.test(body)) acknowledgedEmails.push(String(context.email))
      else refused++
    },
  }
  const [result, reference] = await runLoadInterleaved(options.referenceUrl ? [posting, { url: options.referenceUrl }] : [posting])
  if (!result) throw new Error('no posting result')
  const stored = findStoredComments(options.databasePath, acknowledgedEmails)
  return {
    ...result,
    path: options.path,
    rate: options.rate,
    acceptedPerSec: result.rps * (acknowledgedEmails.length / Math.max(1, result.requests)),
    acknowledged: acknowledgedEmails.length,
    refused,
    missing: acknowledgedEmails.filter((e) => !stored.has(e)).length,
    statuses,
    referenceRps: reference?.rps,
  }
}
