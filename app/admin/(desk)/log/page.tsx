// The audit log: every moderation action, refused admin action and sign-in result, newest first.
import type { Metadata } from 'next'
import { AdminPagination } from '@/components/admin/admin-pagination'
import { auditActionLabels, AuditTable } from '@/components/admin/audit-table'
import { auditActions } from '@/db/queries/audit'
import { loadAuditLog } from '@/lib/admin/desk'
import { DeskHeader } from '../desk-header'

export const metadata: Metadata = { title: 'Audit log' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

export default async function LogPage({ searchParams }: Props) {
  const params = await searchParams
  const action = (auditActions as readonly string[]).find((a) => a === one(params.action))
  const commentParam = Number(one(params.comment))
  const commentId = Number.isSafeInteger(commentParam) && commentParam > 0 ? commentParam : undefined
  const pageParam = Number(one(params.page))
  const page = Number.isSafeInteger(pageParam) && pageParam > 0 ? pageParam : 1
  const { admin, pending, log } = await loadAuditLog({ action, commentId }, page)
  const href = (n: number) => {
    const q = new URLSearchParams()
    if (action) q.set('action', action)
    if (commentId) q.set('comment', String(commentId))
    if (n > 1) q.set('page', String(n))
    const s = q.toString()
    return s ? `/admin/log?${s}` : '/admin/log'
  }
  const title = commentId ? `History of comment #${commentId}` : 'Audit log'
  const caption = [title, action && `“${auditActionLabels[action]}” only`, `${log.total} entries`].filter(Boolean).join(', ')
  return (
    <>
      <DeskHeader admin={admin} current="log" pending={pending} title={title} />
      <form method="get" action="/admin/log" className="queue-filters" aria-label="Filter the log">
        {commentId && <input type="hidden" name="comment" value={commentId} />}
        <p className="admin-field admin-field--inline">
          <label htmlFor="log-action">Action</label>
          <select id="log-action" name="action" defaultValue={action ?? ''}>
            <option value="">All actions</option>
            {auditActions.map((a) => (
              <option key={a} value={a}>
                {auditActionLabels[a] ?? a}
              </option>
            ))}
          </select>
        </p>
        <p>
          <button type="submit" className="admin-button">
            Filter
          </button>
        </p>
      </form>
      {log.items.length ? <AuditTable entries={log.items} caption={caption} /> : <p className="admin-empty">No entries.</p>}
      <AdminPagination page={page} pageCount={log.pageCount} href={href} />
    </>
  )
}
