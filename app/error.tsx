'use client'
// What a reader sees when a page fails: a plain apology and a way on, never the error's text or stack
// (which could hold SQL or file paths). The digest matches the server log line, for whoever reports it.
import Link from 'next/link'

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null
  return (
    <div className="not-found" role="alert">
      <h1>Something went wrong</h1>
      <p>Sorry, this page could not be shown just now. Nothing you did caused it. Please try again in a moment.</p>
      <p>
        <button type="button" className="button" onClick={() => retry()}>
          Try again
        </button>
      </p>
      <ul>
        <li>
          <Link href="/">Go to the front page</Link>
        </li>
      </ul>
      {digest && <p className="error-reference">Reference: {digest}</p>}
    </div>
  )
}
