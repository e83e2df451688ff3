// Discussion settings: who waits for approval, links and word lists, threads and pages, closing comments.
import type { Metadata } from 'next'
import { SettingsForm } from '@/components/admin/settings-form'
import { DateTime } from '@/components/ui/date-time'
import { loadSettings } from '@/lib/admin/desk'
import { settingsToForm } from '@/lib/admin/settings-form'
import { DeskHeader } from '../desk-header'
import { saveSettings, setCommentsOpen } from './actions'

export const metadata: Metadata = { title: 'Discussion settings' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function SettingsPage({ searchParams }: Props) {
  const params = await searchParams
  const { admin, pending, settings, articles } = await loadSettings()
  return (
    <>
      <DeskHeader admin={admin} current="settings" pending={pending} title="Discussion settings" />
      <div role="status">
        {params.saved === '1' && <p className="admin-alert">Settings saved.</p>}
        {params.saved === 'article' && <p className="admin-alert">Article updated.</p>}
      </div>
      {params.error && (
        <p className="admin-alert admin-alert--error" role="alert">
          That request was not understood: nothing changed.
        </p>
      )}
      <SettingsForm values={settingsToForm(settings)} action={saveSettings} />
      <section aria-labelledby="articles" className="admin-panel">
        <h2 id="articles">Comments on each article</h2>
        {articles.length ? (
          <table className="audit">
            <caption className="visually-hidden">Articles and whether they take comments</caption>
            <thead>
              <tr>
                <th scope="col">Article</th>
                <th scope="col">Published</th>
                <th scope="col">Comments</th>
              </tr>
            </thead>
            <tbody>
              {articles.map((a) => (
                <tr key={a.id}>
                  <th scope="row" id={`article-${a.id}`}>
                    {a.title}
                  </th>
                  <td>
                    <DateTime iso={a.publishedAt} />
                  </td>
                  <td>
                    <form action={setCommentsOpen} className="row-actions__form">
                      <input type="hidden" name="articleId" value={a.id} />
                      <input type="hidden" name="open" value={a.commentsOpen ? '0' : '1'} />
                      <span>{a.commentsOpen ? 'Open' : 'Closed'}</span>{' '}
                      <button type="submit" className="admin-button" aria-describedby={`article-${a.id}`}>
                        {a.commentsOpen ? 'Close comments' : 'Open comments'}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>No articles yet.</p>
        )}
      </section>
    </>
  )
}
