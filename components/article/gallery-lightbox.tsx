'use client'
// Photo lightbox island: opens the article's figure links (a[data-lightbox-index]) in a modal dialog.
// The URL hash (#photo-N) is the only state, so Back closes it and a deep link opens it.

import { useEffect, useId, useRef, useSyncExternalStore } from 'react'
import type { MouseEvent as ReactMouseEvent } from 'react'
import { createPortal } from 'react-dom'
import styles from './gallery-lightbox.module.css'

export type LightboxPhoto = {
  src: string
  width: number
  height: number
  alt: string
  caption: string
  credit: string
}

const LINK_SELECTOR = 'a[data-lightbox-index]'

// pushState/replaceState fire no event, so the island tells its own subscribers after each write.
const hashListeners = new Set<() => void>()

function subscribeToHash(onChange: () => void): () => void {
  hashListeners.add(onChange)
  window.addEventListener('popstate', onChange)
  window.addEventListener('hashchange', onChange)
  return () => {
    hashListeners.delete(onChange)
    window.removeEventListener('popstate', onChange)
    window.removeEventListener('hashchange', onChange)
  }
}

function writeUrl(url: string, mode: 'push' | 'replace'): void {
  // A null state is fine under the App Router: its patched history methods copy their own keys in.
  if (mode === 'push') window.history.pushState(null, '', url)
  else window.history.replaceState(null, '', url)
  hashListeners.forEach((listener) => listener())
}

/** The 0-based photo index named by a `#photo-N` hash, or null when it names none of ours. */
function indexFromHash(hash: string, count: number): number | null {
  const match = /^#photo-([1-9]\d*)$/.exec(hash)
  const n = match ? Number(match[1]) : 0
  return n >= 1 && n <= count ? n - 1 : null
}

/** Keeps Tab inside the dialog: wraps at either end (or from outside). Returns whether it moved focus. */
function wrapFocus(dialog: HTMLElement, backwards: boolean): boolean {
  const focusable = Array.from(dialog.querySelectorAll<HTMLElement>('button:not([disabled]), a[href], [tabindex="0"]'))
  const first = focusable[0]
  const last = focusable[focusable.length - 1]
  const active = document.activeElement
  const outside = !(active instanceof Node) || !dialog.contains(active) || active === dialog
  if (!outside && active !== (backwards ? first : last)) return false
  const target = backwards ? last : first
  target?.focus()
  return target !== undefined
}

export function GalleryLightbox({ photos }: { photos: LightboxPhoto[] }) {
  const count = photos.length
  // The server (and hydration) always render it closed; the client then reads the real hash.
  const hash = useSyncExternalStore(subscribeToHash, () => window.location.hash, () => '')
  const index = indexFromHash(hash, count)
  const photo = index === null ? undefined : photos[index]
  const open = photo !== undefined

  const dialogRef = useRef<HTMLDivElement>(null)
  const closeRef = useRef<HTMLButtonElement>(null)
  const pushedRef = useRef(false) // whether our pushState added the history entry Back should remove
  const openerRef = useRef<HTMLElement | null>(null)
  const lastIndexRef = useRef(0)
  const captionId = useId()

  useEffect(() => {
    if (index !== null) lastIndexRef.current = index
  }, [index])

  // One delegated listener: figure links work as plain image links until this runs.
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return
      const link = event.target instanceof Element ? event.target.closest<HTMLElement>(LINK_SELECTOR) : null
      const target = link ? Number(link.dataset.lightboxIndex) : NaN
      if (!link || !Number.isInteger(target) || target < 0 || target >= count) return
      event.preventDefault()
      openerRef.current = link
      const alreadyOpen = indexFromHash(window.location.hash, count) !== null
      if (!alreadyOpen) pushedRef.current = true
      writeUrl(`#photo-${target + 1}`, alreadyOpen ? 'replace' : 'push')
    }
    document.addEventListener('click', onClick)
    return () => document.removeEventListener('click', onClick)
  }, [count])

  // While open: lock the page's scroll, move focus in, and give it back on close.
  useEffect(() => {
    if (!open) return
    const { body } = document
    const previousOverflow = body.style.overflow
    body.style.overflow = 'hidden'
    closeRef.current?.focus()
    return () => {
      body.style.overflow = previousOverflow
      pushedRef.current = false
      const returnTo =
        openerRef.current ?? document.querySelector<HTMLElement>(`${LINK_SELECTOR}[data-lightbox-index="${lastIndexRef.current}"]`)
      openerRef.current = null
      returnTo?.focus()
      // Closing with Back returns to the page's history entry; when its URL has a fragment (the skip link's #main,
      // a #comments link) the browser then focuses that fragment's target, after this runs. Take focus back once
      // the traversal is over, so the reader stays on the photo they opened.
      requestAnimationFrame(() => {
        if (returnTo && document.activeElement !== returnTo && indexFromHash(window.location.hash, count) === null) returnTo.focus()
      })
    }
  }, [open, count])

  const close = () => {
    if (pushedRef.current) window.history.back()
    else writeUrl(window.location.pathname + window.location.search, 'replace')
  }

  // Moving wraps around at both ends, so a focused Previous/Next button is never disabled under the user.
  const go = (delta: number) => {
    if (index === null) return
    writeUrl(`#photo-${((index + delta + count) % count) + 1}`, 'replace')
  }

  useEffect(() => {
    if (!open) return
    const onKeyDown = (event: KeyboardEvent) => {
      const dialog = dialogRef.current
      if (!dialog) return
      if (event.key === 'Escape') close()
      else if (event.key === 'ArrowRight' && count > 1) go(1)
      else if (event.key === 'ArrowLeft' && count > 1) go(-1)
      else if (event.key === 'Tab') {
        if (!wrapFocus(dialog, event.shiftKey)) return
      } else return
      event.preventDefault()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  })

  if (!photo || index === null) return null

  const onBackdropClick = (event: ReactMouseEvent<HTMLDivElement>) => {
    if (event.target === event.currentTarget) close()
  }

  return createPortal(
    <div
      ref={dialogRef}
      className={styles.dialog}
      role="dialog"
      aria-modal="true"
      aria-label={`Photo ${index + 1} of ${count}`}
      aria-describedby={captionId}
      tabIndex={-1}
      onClick={onBackdropClick}
    >
      <div className={styles.toolbar}>
        <p className={styles.counter} aria-hidden="true">
          {index + 1} / {count}
        </p>
        {count > 1 && (
          <>
            <button type="button" className={styles.button} aria-label="Previous photo" onClick={() => go(-1)}>
              <span aria-hidden="true">‹</span>
            </button>
            <button type="button" className={styles.button} aria-label="Next photo" onClick={() => go(1)}>
              <span aria-hidden="true">›</span>
            </button>
          </>
        )}
        <button ref={closeRef} type="button" className={styles.button} aria-label="Close" onClick={close}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {/* Focus stays on Previous/Next while moving, so the new photo is announced from here. */}
      <p className={styles.visuallyHidden} aria-live="polite">
        Photo {index + 1} of {count}: {photo.alt}
      </p>
      <figure className={styles.figure} onClick={onBackdropClick}>
        {/* The server already made the sized variants; the island shows the full file as linked. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img key={photo.src} className={styles.image} src={photo.src} width={photo.width} height={photo.height} alt={photo.alt} />
        <figcaption id={captionId} className={styles.caption}>
          {photo.caption}
          {photo.credit && <span className={styles.credit}>{photo.credit}</span>}
        </figcaption>
      </figure>
    </div>,
    document.body,
  )
}
