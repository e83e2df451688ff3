// The bulk action bar: the rows' checkboxes belong to this form through their `form` attribute.
import type { QueueTab, QueueView } from '@/lib/admin/queue-params'
import { viewParams } from '@/lib/admin/queue-params'
import { actionLabels, actionsByStatus, moderationActions, type ModerationAction } from '@/lib/comments/moderation'
import type { FormAction } from './comment-row'

function choices(tab: QueueTab): readonly ModerationAction[] {
  return tab === 'all' ? moderationActions : actionsByStatus[tab]
}

export function BulkActions({ view, action }: { view: QueueView; action: FormAction }) {
  const id = 'bulk-action'
  return (
    <form id="bulk-form" action={action} className="bulk-actions">
      <input type="hidden" name="back" value={viewParams(view).toString()} />
      <label htmlFor={id}>With the selected comments</label>
      <select id={id} name="action" defaultValue="">
        <option value="" disabled>
          Bulk action…
        </option>
        {choices(view.status).map((a) => (
          <option key={a} value={a}>
            {actionLabels[a]}
          </option>
        ))}
      </select>
      <button type="submit" className="admin-button">
        Apply
      </button>
    </form>
  )
}
