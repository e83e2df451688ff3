// The moderation queue's URL: its query parameters parsed strictly, and links built from them.
import { z } from 'zod'
import { commentStatuses } from '@/db/schema'
import { moderationActions, type ModerationAction } from '@/lib/comments/moderation'

export const QUEUE_PATH = '/admin/comments'
export const queueStatuses = ['pending', 'approved', 'spam', 'trash', 'all'] as const
export type QueueTab = (typeof queueStatuses)[number]

const positiveInt = z.coerce.number().int().positive().max(1_000_000_000)

/** The view: which tab, search, article filter and page. Anything malformed falls back to the default. */
export type QueueView = { status: QueueTab; q: string; article: number | null; page: number }

export const defaultView: QueueView = { status: 'pending', q: '', article: null, page: 1 }

type Params = URLSearchParams | Record<string, string | string[] | undefined>

function read(params: Params, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined
  const value = params[key]
  return Array.isArray(value) ? value[0] : value
}

export function parseView(params: Params): QueueView {
  const status = z.enum(queueStatuses).safeParse(read(params, 'status'))
  const article = positiveInt.safeParse(read(params, 'article'))
  const page = positiveInt.safeParse(read(params, 'page'))
  return {
    status: status.success ? status.data : defaultView.status,
    q: (read(params, 'q') ?? '').trim().slice(0, 200),
    article: article.success ? article.data : null,
    page: page.success ? page.data : 1,
  }
}

export function viewParams(view: QueueView): URLSearchParams {
  const params = new URLSearchParams()
  if (view.status !== defaultView.status) params.set('status', view.status)
  if (view.q) params.set('q', view.q)
  if (view.article !== null) params.set('article', String(view.article))
  if (view.page > 1) params.set('page', String(view.page))
  return params
}

export function queueHref(view: QueueView, extra: Record<string, string | number> = {}): string {
  const params = viewParams(view)
  for (const [k, v] of Object.entries(extra)) params.set(k, String(v))
  const query = params.toString()
  return query ? `${QUEUE_PATH}?${query}` : QUEUE_PATH
}

/** The view a form came from (its hidden `back` field, a query string), never trusted beyond these fields. */
export function viewFromBack(back: unknown): QueueView {
  if (typeof back !== 'string') return defaultView
  return parseView(new URLSearchParams(back.startsWith('?') ? back.slice(1) : back))
}

/** What the last action did, carried in the URL so it shows without JavaScript too. */
export type Flash =
  | { kind: 'done'; action: ModerationAction | 'undo'; ids: number[]; skipped: number }
  | { kind: 'edited' | 'replied'; id: number }
  | { kind: 'error'; message: 'invalid' | 'not-found' }

export function flashParams(flash: Flash): Record<string, string> {
  switch (flash.kind) {
    case 'done':
      return { done: flash.action, ids: flash.ids.join('.'), ...(flash.skipped ? { skipped: String(flash.skipped) } : {}) }
    case 'edited':
    case 'replied':
      return { [flash.kind]: String(flash.id) }
    case 'error':
      return { error: flash.message }
  }
}

export function parseFlash(params: Params): Flash | null {
  const done = z.enum([...moderationActions, 'undo']).safeParse(read(params, 'done'))
  if (done.success) {
    const ids = (read(params, 'ids') ?? '')
      .split('.')
      .map((s) => positiveInt.safeParse(s))
      .flatMap((r) => (r.success ? [r.data] : []))
      .slice(0, 500)
    const skipped = positiveInt.safeParse(read(params, 'skipped'))
    return { kind: 'done', action: done.data, ids, skipped: skipped.success ? skipped.data : 0 }
  }
  for (const kind of ['edited', 'replied'] as const) {
    const id = positiveInt.safeParse(read(params, kind))
    if (id.success) return { kind, id: id.data }
  }
  const error = z.enum(['invalid', 'not-found']).safeParse(read(params, 'error'))
  return error.success ? { kind: 'error', message: error.data } : null
}

export const isCommentStatus = (s: string): s is (typeof commentStatuses)[number] => (commentStatuses as readonly string[]).includes(s)
