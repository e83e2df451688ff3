// The moderation desk: tabs by status with counts, search and article filter, the queue, bulk and row actions.
import type { Metadata } from 'next'
import { BulkActions } from '@/components/admin/bulk-actions'
import { QueueFilters } from '@/components/admin/queue-filters'
import { QueueFlash } from '@/components/admin/queue-flash'
import { QueueShortcuts } from '@/components/admin/queue-shortcuts'
import { QueueTable } from '@/components/admin/queue-table'
import { tabLabels, QueueTabs } from '@/components/admin/queue-tabs'
import { AdminPagination } from '@/components/admin/admin-pagination'
import { loadQueue } from '@/lib/admin/desk'
import { parseFlash, parseView, queueHref } from '@/lib/admin/queue-params'
import { DeskHeader } from '../desk-header'
import {
  approveComment,
  bulkModerate,
  deleteComment,
  notSpamComment,
  replyToComment,
  restoreComment,
  saveCommentEdit,
  spamComment,
  trashComment,
  unapproveComment,
  undoModeration,
} from './actions'

export const metadata: Metadata = { title: 'Comments' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const rowActions = {
  approve: approveComment,
  unapprove: unapproveComment,
  spam: spamComment,
  'not-spam': notSpamComment,
  trash: trashComment,
  restore: restoreComment,
  delete: deleteComment,
}

function idParam(value: string | string[] | undefined): number | null {
  const n = Number(Array.isArray(value) ? value[0] : value)
  return Number.isSafeInteger(n) && n > 0 ? n : null
}

export default async function CommentsPage({ searchParams }: Props) {
  const params = await searchParams
  const view = parseView(params)
  const { admin, counts, pendingTotal, page, articles } = await loadQueue(view)
  const articleTitle = view.article === null ? null : articles.find((a) => a.id === view.article)?.title
  const caption = [
    `${tabLabels[view.status]} comments`,
    view.q && `matching “${view.q}”`,
    articleTitle && `on “${articleTitle}”`,
    `${page.total} in all`,
    page.pageCount > 1 && `page ${page.page} of ${page.pageCount}`,
  ]
    .filter(Boolean)
    .join(', ')
  return (
    <>
      <DeskHeader admin={admin} current="comments" pending={pendingTotal} title="Comments" />
      <QueueFlash flash={parseFlash(params)} view={view} undo={undoModeration} />
      <QueueTabs view={view} counts={counts} />
      <QueueFilters view={view} articles={articles} />
      {page.items.length > 0 && <BulkActions view={view} action={bulkModerate} />}
      {/* Outside the condition: it must stay mounted when an action empties the list (see the component). */}
      <QueueShortcuts hasRows={page.items.length > 0} />
      {page.items.length ? (
        <>
          <QueueTable
            comments={page.items}
            caption={caption}
            view={view}
            editing={idParam(params.edit)}
            replying={idParam(params.reply)}
            actions={rowActions}
            editAction={saveCommentEdit}
            replyAction={replyToComment}
          />
          <AdminPagination page={page.page} pageCount={page.pageCount} href={(n) => queueHref({ ...view, page: n })} />
        </>
      ) : (
        <p className="admin-empty">{view.q || view.article ? 'No comments match.' : `No ${tabLabels[view.status].toLowerCase()} comments.`}</p>
      )}
    </>
  )
}
