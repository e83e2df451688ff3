// What the last action did, announced politely, with an Undo button (shortcut u) where it can be undone.
import type { Flash, QueueView } from '@/lib/admin/queue-params'
import { viewParams } from '@/lib/admin/queue-params'
import { actionPastTense } from '@/lib/comments/moderation'
import type { FormAction } from './comment-row'

const plural = (n: number) => `${n} comment${n === 1 ? '' : 's'}`

/**
 * The message stays one element from page to page (same type, same place), so a screen reader hears each change
 * to it; `tabIndex` lets the queue's shortcuts island give it focus when the last comment of a list leaves.
 * Each message's paragraph is keyed by what it reports, so approving two comments in turn, which says the same
 * words twice, is still a change and is announced twice.
 */
export function QueueFlash({ flash, view, undo }: { flash: Flash | null; view: QueueView; undo: FormAction }) {
  if (!flash) return <div role="status" className="queue-flash" id="queue-flash" tabIndex={-1} />
  switch (flash.kind) {
    case 'done': {
      const what = flash.action === 'undo' ? `restored to ${flash.ids.length === 1 ? 'its' : 'their'} previous state` : actionPastTense[flash.action]
      const canUndo = flash.action !== 'undo' && flash.action !== 'delete' && flash.ids.length > 0
      return (
        <div role="status" className="queue-flash admin-alert" id="queue-flash" tabIndex={-1}>
          <p key={`${flash.action}:${flash.ids.join('.')}`}>
            {flash.ids.length ? `${plural(flash.ids.length)} ${what}.` : 'Nothing changed.'}
            {flash.skipped > 0 && ` ${plural(flash.skipped)} skipped: the action does not apply to their state.`}
          </p>
          {canUndo && (
            <form action={undo}>
              <input type="hidden" name="ids" value={flash.ids.join('.')} />
              <input type="hidden" name="action" value={flash.action} />
              <input type="hidden" name="back" value={viewParams(view).toString()} />
              <button type="submit" className="admin-button" data-undo>
                Undo
              </button>
            </form>
          )}
        </div>
      )
    }
    case 'edited':
      return (
        <div role="status" className="queue-flash admin-alert" id="queue-flash" tabIndex={-1}>
          <p key={`edited:${flash.id}`}>Comment saved.</p>
        </div>
      )
    case 'replied':
      return (
        <div role="status" className="queue-flash admin-alert" id="queue-flash" tabIndex={-1}>
          <p key={`replied:${flash.id}`}>Your reply is published.</p>
        </div>
      )
    case 'error':
      return (
        <div role="alert" className="queue-flash admin-alert admin-alert--error" id="queue-flash" tabIndex={-1}>
          <p>{flash.message === 'not-found' ? 'That comment no longer exists.' : 'That request was not understood: nothing changed.'}</p>
        </div>
      )
  }
}
