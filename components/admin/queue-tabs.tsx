// The status tabs of the moderation queue, each with its count.
import Link from 'next/link'
import { queueHref, queueStatuses, type QueueTab, type QueueView } from '@/lib/admin/queue-params'

export const tabLabels: Record<QueueTab, string> = {
  pending: 'Pending',
  approved: 'Approved',
  spam: 'Spam',
  trash: 'Trash',
  all: 'All',
}

export function QueueTabs({ view, counts }: { view: QueueView; counts: Record<QueueTab, number> }) {
  return (
    <nav aria-label="Comments by status" className="queue-tabs">
      <ul>
        {queueStatuses.map((status) => (
          <li key={status}>
            <Link href={queueHref({ ...view, status, page: 1 })} aria-current={status === view.status ? 'page' : undefined} prefetch={false}>
              {tabLabels[status]} <span className="queue-tabs__count">({counts[status]})</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
