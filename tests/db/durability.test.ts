// The database is opened durable (WAL, synchronous=FULL) or not at all; backups are consistent and checked.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { backupDatabase, databaseInUse, integrityCheck, restoreDatabase } from '@/db/backup'
import { assertDurable, openDatabase } from '@/db/open'

let dir = ''
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-durability-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const commentCount = (db: ReturnType<typeof openDatabase>) => (db.$client.prepare('SELECT count(*) AS n FROM comments').get() as { n: number }).n

type SiteDb = { file: string; close: () => void; addComments: (n: number) => void; count: () => number }

/** A migrated database with one article, to which comments can be added. */
function siteDb(name: string): SiteDb {
  const file = path.join(dir, name)
  const db = openDatabase(file)
  const sqlite = db.$client
  sqlite.exec(`
    INSERT INTO sections (slug, name) VALUES ('world', 'World');
    INSERT INTO authors (slug, name) VALUES ('ann', 'Ann');
    INSERT INTO articles (slug, title, body, section_id, author_id, published_at, updated_at)
    VALUES ('a', 'A', '[]', 1, 1, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z');`)
  const insert = sqlite.prepare(
    `INSERT INTO comments (article_id, author_name, author_email, body, status, reason, created_at, updated_at)
     VALUES (1, ?, ?, ?, 'pending', 'test', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`,
  )
  const count = () => commentCount(db)
  return {
    file,
    count,
    close: () => sqlite.close(),
    addComments: (n) => {
      const start = count()
      for (let i = start; i < start + n; i++) insert.run(`Reader ${i}`, `r${i}@example.com`, `Comment ${i}`)
    },
  }
}

describe('opening the database', () => {
  it('runs in WAL mode with synchronous=FULL', () => {
    const db = openDatabase(path.join(dir, 'site.db'))
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(2)
    db.$client.close()
  })

  it('refuses, loudly, a connection that is not durable', () => {
    const db = openDatabase(path.join(dir, 'site.db'), { migrate: false })
    db.$client.pragma('synchronous = NORMAL')
    expect(() => assertDurable(db.$client, 'site.db')).toThrow(/synchronous=1.*synchronous=2 \(FULL\)/)
    const other = openDatabase(path.join(dir, 'other.db'), { migrate: false })
    other.$client.pragma('journal_mode = DELETE')
    expect(() => assertDurable(other.$client, 'other.db')).toThrow(/journal_mode=delete/)
  })
})

describe('backup and restore', () => {
  it('copies a consistent, checked, self-contained file and restores it, keeping what it replaced', async () => {
    const live = siteDb('site.db')
    live.addComments(25)
    const result = await backupDatabase(live.file, path.join(dir, 'backup.db'))
    expect(result).toMatchObject({ comments: 25, file: path.join(dir, 'backup.db') })
    expect(integrityCheck(result.file)).toBe('ok')
    expect(fs.existsSync(`${result.file}-wal`)).toBe(false)
    expect(fs.readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([])

    live.addComments(5)
    expect(live.count()).toBe(30)
    live.close()
    const restored = await restoreDatabase(result.file, live.file, { now: new Date('2026-01-02T03:04:05Z') })
    expect(restored).toMatchObject({ comments: 25, previous: `${live.file}.before-restore-2026-01-02T03-04-05-000Z` })
    const reopened = openDatabase(live.file)
    expect(commentCount(reopened)).toBe(25)
    reopened.$client.close()
    expect(integrityCheck(restored.previous ?? '')).toBe('ok')
  })

  it('refuses to back up onto the live file or from a file that is not this site’s', async () => {
    const live = siteDb('site.db')
    await expect(backupDatabase(live.file, live.file)).rejects.toThrow(/must not be the live database/)
    fs.writeFileSync(path.join(dir, 'empty.db'), '')
    await expect(backupDatabase(path.join(dir, 'empty.db'), path.join(dir, 'b.db'))).rejects.toThrow(/not a database of this site/)
    live.close()
  })

  it('refuses to restore a damaged backup, and leaves the database alone', async () => {
    const live = siteDb('site.db')
    live.addComments(3)
    const { file } = await backupDatabase(live.file, path.join(dir, 'backup.db'))
    const bytes = fs.readFileSync(file)
    // Overwrite the middle of the file: a page of the comments table's b-tree.
    bytes.fill(0xa5, 4096 * 2, 4096 * 2 + 4000)
    fs.writeFileSync(file, bytes)
    live.close()
    await expect(restoreDatabase(file, live.file)).rejects.toThrow(/failed its integrity check, so it was not restored/)
    const after = openDatabase(live.file)
    expect(commentCount(after)).toBe(3)
    after.$client.close()
  })

  it('refuses to restore over a database another process has open, unless forced', async () => {
    const live = siteDb('site.db')
    live.addComments(4)
    const { file } = await backupDatabase(live.file, path.join(dir, 'backup.db'))
    live.addComments(2)
    live.close()

    const holder = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'tests/db/support/hold-open.ts', live.file])
    await new Promise<void>((resolve, reject) => {
      holder.stdout.once('data', () => resolve())
      holder.once('exit', (code) => reject(new Error(`holder exited ${code}`)))
    })
    try {
      expect(databaseInUse(live.file)).toBe(true)
      await expect(restoreDatabase(file, live.file)).rejects.toThrow(/in use \(is the site running\?\)/)
      await restoreDatabase(file, live.file, { force: true })
    } finally {
      holder.stdin.write('stop\n')
      await new Promise((resolve) => holder.once('exit', resolve))
    }
    expect(databaseInUse(live.file)).toBe(false)
    const after = openDatabase(live.file)
    expect(commentCount(after)).toBe(4)
    after.$client.close()
  }, 30_000)
})
