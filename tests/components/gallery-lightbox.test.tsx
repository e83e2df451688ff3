// The photo lightbox island, driven through the DOM the server renders: figure links plus the island.

import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { GalleryLightbox } from '@/components/article/gallery-lightbox'
import type { LightboxPhoto } from '@/components/article/gallery-lightbox'

const photos: LightboxPhoto[] = [
  { src: '/images/harbour.jpg', width: 1600, height: 1067, alt: 'Boats in the harbour at dawn', caption: 'The harbour before the storm.', credit: 'Ana Ruiz' },
  { src: '/images/pier.jpg', width: 1200, height: 1600, alt: 'Waves over the pier', caption: 'By noon the pier was closed.', credit: 'Sam Lee' },
]

function Article() {
  return (
    <article>
      {photos.map((photo, i) => (
        <figure key={photo.src} id={`photo-${i + 1}`} className="figure">
          <a
            className="figure__link"
            href={photo.src}
            data-lightbox-index={i}
            aria-label={`Open photo ${i + 1} of ${photos.length} in full screen: ${photo.alt}`}
          >
            thumbnail
          </a>
          <figcaption>
            {photo.caption} <span className="figure__credit">{photo.credit}</span>
          </figcaption>
        </figure>
      ))}
      <GalleryLightbox photos={photos} />
    </article>
  )
}

const link = (n: number) => screen.getByRole('link', { name: new RegExp(`^Open photo ${n} of 2`) })

beforeEach(() => {
  window.history.replaceState(null, '', '/2025/03/04/storm')
})

test('renders nothing until a photo is opened', () => {
  render(<Article />)
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
})

test('a click opens the photo in a modal dialog and pushes #photo-N', () => {
  render(<Article />)
  const entries = window.history.length
  fireEvent.click(link(1))

  const dialog = screen.getByRole('dialog', { name: 'Photo 1 of 2' })
  expect(dialog).toHaveAttribute('aria-modal', 'true')
  const image = within(dialog).getByRole('img', { name: 'Boats in the harbour at dawn' })
  expect(image).toHaveAttribute('src', '/images/harbour.jpg')
  expect(image).toHaveAttribute('width', '1600')
  expect(image).toHaveAttribute('height', '1067')
  expect(within(dialog).getByText('The harbour before the storm.')).toBeInTheDocument()
  expect(within(dialog).getByText('Ana Ruiz')).toBeInTheDocument()
  expect(within(dialog).getByText('1 / 2')).toBeInTheDocument()
  expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus()
  expect(window.location.hash).toBe('#photo-1')
  expect(window.history.length).toBe(entries + 1)
  expect(document.body.style.overflow).toBe('hidden')
})

test('arrow keys move between photos, replacing the hash, and wrap around', () => {
  render(<Article />)
  fireEvent.click(link(1))
  const entries = window.history.length

  fireEvent.keyDown(document.activeElement ?? document.body, { key: 'ArrowRight' })
  let dialog = screen.getByRole('dialog', { name: 'Photo 2 of 2' })
  expect(within(dialog).getByRole('img', { name: 'Waves over the pier' })).toHaveAttribute('src', '/images/pier.jpg')
  expect(within(dialog).getByText('2 / 2')).toBeInTheDocument()
  expect(window.location.hash).toBe('#photo-2')
  expect(window.history.length).toBe(entries)

  fireEvent.keyDown(document.activeElement ?? document.body, { key: 'ArrowRight' })
  expect(screen.getByRole('dialog', { name: 'Photo 1 of 2' })).toBeInTheDocument()

  fireEvent.keyDown(document.activeElement ?? document.body, { key: 'ArrowLeft' })
  dialog = screen.getByRole('dialog', { name: 'Photo 2 of 2' })
  fireEvent.click(within(dialog).getByRole('button', { name: 'Previous photo' }))
  expect(screen.getByRole('dialog', { name: 'Photo 1 of 2' })).toBeInTheDocument()
  expect(window.location.hash).toBe('#photo-1')
})

test('Escape closes it, goes back past the pushed entry and returns focus to the opening link', async () => {
  render(<Article />)
  fireEvent.click(link(1))
  fireEvent.keyDown(document.activeElement ?? document.body, { key: 'ArrowRight' })

  fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' })
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  expect(window.location.hash).toBe('')
  expect(link(1)).toHaveFocus()
  expect(document.body.style.overflow).toBe('')

  // It went back rather than stacking another entry: Forward reopens the photo it was on.
  act(() => window.history.forward())
  expect(await screen.findByRole('dialog', { name: 'Photo 2 of 2' })).toBeInTheDocument()
})

test('the browser Back button closes it', async () => {
  render(<Article />)
  fireEvent.click(link(2))
  expect(screen.getByRole('dialog', { name: 'Photo 2 of 2' })).toBeInTheDocument()

  act(() => window.history.back())
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  expect(link(2)).toHaveFocus()
})

test('Tab and Shift+Tab stay inside the dialog', () => {
  render(<Article />)
  fireEvent.click(link(1))
  const dialog = screen.getByRole('dialog')
  const previous = within(dialog).getByRole('button', { name: 'Previous photo' })
  const close = within(dialog).getByRole('button', { name: 'Close' })

  // Close is the last focusable element, and has focus on open.
  expect(close).toHaveFocus()
  fireEvent.keyDown(close, { key: 'Tab' })
  expect(previous).toHaveFocus()
  fireEvent.keyDown(previous, { key: 'Tab', shiftKey: true })
  expect(close).toHaveFocus()
})

test('a #photo-N hash on load opens that photo; closing clears the hash without leaving the page', () => {
  window.history.replaceState(null, '', '#photo-2')
  render(<Article />)
  const dialog = screen.getByRole('dialog', { name: 'Photo 2 of 2' })
  const entries = window.history.length

  fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }))
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  expect(window.location.hash).toBe('')
  expect(window.location.pathname).toBe('/2025/03/04/storm')
  expect(window.history.length).toBe(entries)
  expect(link(2)).toHaveFocus()
})

test('a hash that names no photo leaves it closed, and a later #photo-N opens it', async () => {
  window.history.replaceState(null, '', '#photo-3')
  render(<Article />)
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()

  act(() => {
    window.location.hash = '#photo-1'
  })
  expect(await screen.findByRole('dialog', { name: 'Photo 1 of 2' })).toBeInTheDocument()
})

test('modified clicks are left to the browser', () => {
  render(<Article />)
  const prevented: boolean[] = []
  // Runs after the island's document listener; stops jsdom from attempting the navigation.
  const record = (event: MouseEvent) => {
    prevented.push(event.defaultPrevented)
    event.preventDefault()
  }
  window.addEventListener('click', record)
  try {
    fireEvent.click(link(1), { ctrlKey: true })
    fireEvent.click(link(1), { metaKey: true })
    fireEvent.click(link(1), { button: 1 })
  } finally {
    window.removeEventListener('click', record)
  }
  expect(prevented).toEqual([false, false, false])
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  expect(window.location.hash).toBe('')
})
