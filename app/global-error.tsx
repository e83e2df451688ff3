'use client'
// The last resort, when even the page shell fails: its own document, an apology and a way on, never the error's
// text or stack. The digest matches the server log line.
import { site } from '@/lib/site'
import './globals.css'

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null
  return (
    <html lang={site.language}>
      <body>
        <title>{`Something went wrong – ${site.name}`}</title>
        <main id="main" className="site-main not-found" role="alert">
          <h1>Something went wrong</h1>
          <p>Sorry, {site.name} could not show this page just now. Please try again in a moment.</p>
          <p>
            <button type="button" className="button" onClick={() => retry()}>
              Try again
            </button>{' '}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load: the app shell itself failed */}
            <a href="/">Go to the front page</a>
          </p>
          {digest && <p className="error-reference">Reference: {digest}</p>}
        </main>
      </body>
    </html>
  )
}
