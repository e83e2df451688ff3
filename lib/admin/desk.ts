// The desk's data access: every read of admin data goes through here and checks the session first,
// so a page that forgot to would still show nothing to a signed-out visitor.
import 'server-only'
import { listAudit, type AuditFilter } from '@/db/queries/audit'
import { countByStatus, dailyCommentCounts, listArticlesForSettings, listCommentedArticles, listQueue } from '@/db/queries/moderation'
import { getDiscussionSettings } from '@/db/queries/settings'
import { requireAdmin } from '@/lib/auth/guard'
import type { QueueView } from './queue-params'

export const QUEUE_PER_PAGE = 20

export async function loadQueue(view: QueueView) {
  const admin = await requireAdmin()
  const filter = { q: view.q || undefined, articleId: view.article ?? undefined }
  const counts = countByStatus(filter)
  return {
    admin,
    counts,
    pendingTotal: filter.q || filter.articleId ? countByStatus().pending : counts.pending,
    page: listQueue({ status: view.status, ...filter }, view.page, QUEUE_PER_PAGE),
    articles: listCommentedArticles(50, view.article ?? undefined),
  }
}

export async function loadDashboard(now = new Date()) {
  const admin = await requireAdmin()
  return { admin, counts: countByStatus(), days: dailyCommentCounts(30, now), activity: listAudit({}, 1, 10).items }
}

export async function loadAuditLog(filter: AuditFilter, page: number) {
  const admin = await requireAdmin()
  return { admin, pending: countByStatus().pending, log: listAudit(filter, page) }
}

export async function loadSettings() {
  const admin = await requireAdmin()
  return { admin, pending: countByStatus().pending, settings: getDiscussionSettings(), articles: listArticlesForSettings() }
}
