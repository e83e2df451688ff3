// The admin dashboard: what waits for a moderator, how busy the comments are, and what happened lately.
import type { Metadata } from 'next'
import Link from 'next/link'
import { AuditTable } from '@/components/admin/audit-table'
import { DailyChart } from '@/components/admin/daily-chart'
import { loadDashboard } from '@/lib/admin/desk'
import { DeskHeader } from './desk-header'

export const metadata: Metadata = { title: 'Dashboard' }

export default async function DashboardPage() {
  const { admin, counts, days, activity } = await loadDashboard()
  return (
    <>
      <DeskHeader admin={admin} current="dashboard" pending={counts.pending} title="Dashboard" />
      <section aria-labelledby="queue-summary" className="admin-panel">
        <h2 id="queue-summary">Moderation queue</h2>
        <p className="dashboard-pending">
          <Link href="/admin/comments" prefetch={false}>
            <span className="dashboard-pending__count">{counts.pending}</span> {counts.pending === 1 ? 'comment' : 'comments'} waiting for moderation
          </Link>
        </p>
        <ul className="dashboard-counts">
          <li>
            <Link href="/admin/comments?status=approved" prefetch={false}>
              {counts.approved} approved
            </Link>
          </li>
          <li>
            <Link href="/admin/comments?status=spam" prefetch={false}>
              {counts.spam} spam
            </Link>
          </li>
          <li>
            <Link href="/admin/comments?status=trash" prefetch={false}>
              {counts.trash} in the trash
            </Link>
          </li>
        </ul>
      </section>
      <section aria-labelledby="activity-chart" className="admin-panel">
        <h2 id="activity-chart">Comments</h2>
        <DailyChart days={days} />
      </section>
      <section aria-labelledby="latest-activity" className="admin-panel">
        <h2 id="latest-activity">Latest activity</h2>
        {activity.length ? (
          <AuditTable entries={activity} caption="The ten latest entries of the audit log" compact />
        ) : (
          <p>Nothing yet.</p>
        )}
        <p>
          <Link href="/admin/log" prefetch={false}>
            The whole audit log
          </Link>
        </p>
      </section>
    </>
  )
}
