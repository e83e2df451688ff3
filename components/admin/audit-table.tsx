// Audit entries as a table: when, who, what, which comment, from which state to which, detail, address.
import Link from 'next/link'
import { DateTime } from '@/components/ui/date-time'
import type { AuditEntryDto } from '@/db/queries/audit'

export const auditActionLabels: Record<string, string> = {
  approve: 'Approved',
  unapprove: 'Unapproved',
  spam: 'Marked as spam',
  'not-spam': 'Marked as not spam',
  trash: 'Trashed',
  restore: 'Restored',
  delete: 'Deleted permanently',
  edit: 'Edited',
  reply: 'Replied',
  undo: 'Undid',
  settings: 'Changed settings',
  'close-comments': 'Closed comments',
  'open-comments': 'Opened comments',
  'sign-in': 'Signed in',
  'sign-in-failed': 'Failed sign-in',
  'sign-in-throttled': 'Sign-in refused (too many failures)',
  'sign-out': 'Signed out',
  refused: 'Refused admin action',
  'admin-created': 'Admin created',
  'password-reset': 'Password set',
}

export function AuditTable({ entries, caption, compact = false }: { entries: AuditEntryDto[]; caption: string; compact?: boolean }) {
  return (
    <table className="audit">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">Comment</th>
          <th scope="col">Change</th>
          <th scope="col">Detail</th>
          {!compact && <th scope="col">IP</th>}
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} className={e.action === 'refused' || e.action.startsWith('sign-in-') ? 'audit__row--warning' : undefined}>
            <td>
              <DateTime iso={e.at} withTime />
            </td>
            <td>{e.actorEmail || <span className="admin-muted">unknown</span>}</td>
            <th scope="row">{auditActionLabels[e.action] ?? e.action}</th>
            <td>
              {e.commentId !== null && (
                <Link href={`/admin/log?comment=${e.commentId}`} prefetch={false}>
                  #{e.commentId}
                </Link>
              )}
            </td>
            <td>
              {(e.fromStatus || e.toStatus) && (
                <>
                  {e.fromStatus ?? 'new'} → {e.toStatus ?? 'deleted'}
                </>
              )}
            </td>
            <td className="audit__detail">{e.detail}</td>
            {!compact && <td>{e.ip}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
