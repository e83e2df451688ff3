'use client'
// Keyboard shortcuts for the queue (an island; without JavaScript the buttons do the same):
// j/k move between comments, a approves, s marks as spam, d trashes, u undoes the last action.
// It also keeps focus on the list when an action takes the focused comment away.
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

// WCAG 2.1.4: single-letter shortcuts must be possible to turn off (speech input types letters too).
// The choice is this browser's, kept in localStorage; `storage` only fires in other tabs, hence the own event.
const SHORTCUTS_KEY = 'queue-shortcuts'
const SHORTCUTS_EVENT = 'queue-shortcuts-change'
const shortcutsOn = () => localStorage.getItem(SHORTCUTS_KEY) !== 'off'

function subscribeShortcuts(onChange: () => void): () => void {
  window.addEventListener('storage', onChange)
  window.addEventListener(SHORTCUTS_EVENT, onChange)
  return () => {
    window.removeEventListener('storage', onChange)
    window.removeEventListener(SHORTCUTS_EVENT, onChange)
  }
}

function setShortcutsOn(on: boolean): void {
  if (on) localStorage.removeItem(SHORTCUTS_KEY)
  else localStorage.setItem(SHORTCUTS_KEY, 'off')
  window.dispatchEvent(new Event(SHORTCUTS_EVENT))
}

/**
 * Rendered whether or not the list has comments, so it stays mounted while actions empty and refill the list:
 * the shortcuts (u included) keep working and focus is never dropped on the page's body.
 */
export function QueueShortcuts({ hasRows }: { hasRows: boolean }) {
  // False on the server and during hydration: the select-all box and the help only appear where they work.
  const hydrated = useSyncExternalStore(subscribeNothing, () => true, () => false)
  const enabled = useSyncExternalStore(subscribeShortcuts, shortcutsOn, () => true)

  useEffect(() => {
    // The current row is an index, not a comment: when an approved comment leaves the pending tab,
    // the same index points at the next comment, as in a mail client.
    let current: number | null = null
    // What had focus last, and whether it was inside a row: an action re-renders the list and may remove it.
    let lastFocused: Element | null = null
    let lastInRow = false

    function onFocusIn(event: FocusEvent) {
      const target = event.target instanceof Element ? event.target : null
      lastFocused = target
      const row = target?.closest<HTMLElement>('[data-comment-row]')
      lastInRow = !!row
      if (row) current = rows().indexOf(row)
    }

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

    /**
     * After an action the list is re-rendered. When that took away the element that had focus (the button
     * pressed, or its whole row), focus goes to the comment now in that row's place, or, when none is left
     * or the element was outside the list, to the message saying what happened.
     */
    function afterRender() {
      const active = document.activeElement
      // Rows may have come or gone above the one with focus: it stays the current one.
      const focusedRow = active?.closest<HTMLElement>('[data-comment-row]')
      if (focusedRow) current = rows().indexOf(focusedRow)
      const lost = (!active || active === document.body) && lastFocused !== null && !lastFocused.isConnected
      if (!lost) return mark(false)
      if (lastInRow && current !== null && rows().length) return mark(true)
      mark(false)
      document.getElementById('queue-flash')?.focus()
    }

    function onKey(event: KeyboardEvent) {
      if (ignored(event) || !shortcutsOn()) return
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
      // The row is where focus goes on from once the action has taken it out of the list.
      lastFocused = row
      lastInRow = true
      button.click()
    }

    const observer = new MutationObserver(afterRender)
    observer.observe(document.getElementById('main') ?? document.body, { childList: true, subtree: true })
    document.addEventListener('keydown', onKey)
    document.addEventListener('focusin', onFocusIn)
    return () => {
      observer.disconnect()
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('focusin', onFocusIn)
    }
  }, [])

  if (!hydrated || !hasRows) return null

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
      <div className="queue-shortcuts__help">
        <p>
          <input type="checkbox" id="shortcuts-on" checked={enabled} onChange={(e) => setShortcutsOn(e.currentTarget.checked)} aria-describedby="shortcuts-keys" />{' '}
          <label htmlFor="shortcuts-on">Keyboard shortcuts</label>
        </p>
        <p className="admin-note" id="shortcuts-keys">
          <kbd>j</kbd>/<kbd>k</kbd> next/previous, <kbd>a</kbd> approve, <kbd>s</kbd> spam, <kbd>d</kbd> trash, <kbd>u</kbd> undo.
        </p>
      </div>
    </div>
  )
}
