// Search (author, email, IP, text) and the article filter: a GET form, so results have a URL and need no JavaScript.
import { QUEUE_PATH, type QueueView } from '@/lib/admin/queue-params'

export function QueueFilters({ view, articles }: { view: QueueView; articles: { id: number; title: string; count: number }[] }) {
  return (
    <form method="get" action={QUEUE_PATH} className="queue-filters" role="search" aria-label="Comments">
      {view.status !== 'pending' && <input type="hidden" name="status" value={view.status} />}
      <p className="admin-field admin-field--inline">
        <label htmlFor="queue-q">Search</label>
        <input id="queue-q" name="q" type="search" defaultValue={view.q} placeholder="Author, email, IP or text" />
      </p>
      <p className="admin-field admin-field--inline">
        <label htmlFor="queue-article">Article</label>
        <select id="queue-article" name="article" defaultValue={view.article ?? ''}>
          <option value="">All articles</option>
          {articles.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title.length > 70 ? `${a.title.slice(0, 69)}…` : a.title} ({a.count})
            </option>
          ))}
        </select>
      </p>
      <p>
        <button type="submit" className="admin-button">
          Filter
        </button>
      </p>
    </form>
  )
}
