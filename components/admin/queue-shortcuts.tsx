'use client'
// Keyboard shortcuts for the queue (an island; without JavaScript the buttons do the same):
// j/k move between comments, a approves, s marks as spam, d trashes, u undoes the last action.
import { useEffect, useSyncExternalStore } from 'react'

const KEY_TO_ACTION: Record<string, string> = { a: 'approve', s: 'spam', d: 'trash' }

const rows = () => [...document.querySelectorAll<HTMLElement>('[data-comment-row]')]

/** Typing in a field, or a key with a modifier, is never a shortcut. */
function ignored(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return true
  const target = event.target as HTMLElement | null
  return !!target?.closest('input, textarea, select, [contenteditable="true"]')
}

const subscribeNothing = () => () => {}

export function QueueShortcuts() {
  // False on the server and during hydration: the select-all box and the help only appear where they work.
  const hydrated = useSyncExternalStore(subscribeNothing, () => true, () => false)

  useEffect(() => {
    // The current row is an index, not a comment: when an approved comment leaves the pending tab,
    // the same index points at the next comment, as in a mail client.
    let current: number | null = null

    function mark(focus: boolean) {
      const all = rows()
      if (current !== null && current >= all.length) current = all.length ? all.length - 1 : null
      all.forEach((row, i) => row.toggleAttribute('data-current', i === current))
      const row = current === null ? undefined : all[current]
      if (row && focus) {
        row.focus()
        row.scrollIntoView({ block: 'nearest' })
      }
    }

    function onKey(event: KeyboardEvent) {
      if (ignored(event)) return
      const key = event.key.toLowerCase()
      if (key === 'j' || key === 'k') {
        const all = rows()
        if (!all.length) return
        event.preventDefault()
        const delta = key === 'j' ? 1 : -1
        current = current === null ? (delta > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, current + delta))
        mark(true)
        return
      }
      if (key === 'u') {
        const undo = document.querySelector<HTMLButtonElement>('[data-undo]')
        if (!undo) return
        event.preventDefault()
        undo.click()
        return
      }
      const action = KEY_TO_ACTION[key]
      if (!action) return
      const all = rows()
      const focusedRow = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-comment-row]')
      const row = focusedRow ?? (current === null ? undefined : all[current])
      const button = row?.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)
      if (!row || !button) return
      event.preventDefault()
      current = all.indexOf(row)
      button.click()
    }

    // After an action the list is re-rendered: mark the current row again, and give it focus if focus was lost.
    const observer = new MutationObserver(() => mark(document.activeElement === document.body))
    const table = document.getElementById('queue')?.parentElement ?? document.body
    observer.observe(table, { childList: true, subtree: true })
    document.addEventListener('keydown', onKey)
    return () => {
      observer.disconnect()
      document.removeEventListener('keydown', onKey)
    }
  }, [])

  if (!hydrated) return null

  function selectAll(checked: boolean) {
    document.querySelectorAll<HTMLInputElement>('input[form="bulk-form"][name="ids"]').forEach((box) => {
      box.checked = checked
    })
  }

  return (
    <div className="queue-shortcuts">
      <p className="queue-shortcuts__select-all">
        <input type="checkbox" id="select-all" onChange={(e) => selectAll(e.currentTarget.checked)} /> <label htmlFor="select-all">Select all on this page</label>
      </p>
      <p className="admin-note">
        Keyboard: <kbd>j</kbd>/<kbd>k</kbd> next/previous, <kbd>a</kbd> approve, <kbd>s</kbd> spam, <kbd>d</kbd> trash, <kbd>u</kbd> undo.
      </p>
    </div>
  )
}
