// Online backups and restores of the SQLite file with SQLite's backup API (through better-sqlite3): consistent
// while the site keeps writing, checked before it is trusted. Used by `npm run backup` and `npm run restore`.
import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'

export type BackupResult = { file: string; pages: number; comments: number; ms: number }

/** Every page in one step: the copy is then one read transaction, a snapshot that concurrent commits cannot tear. */
const ALL_PAGES = 0x7fffffff

function open(file: string, options: BetterSqlite3.Options = {}): BetterSqlite3.Database {
  const db = new BetterSqlite3(file, { fileMustExist: true, ...options })
  db.pragma('busy_timeout = 5000')
  return db
}

/** `PRAGMA integrity_check`'s verdict: 'ok', or its first complaints. */
export function integrityCheck(file: string): string {
  let db: BetterSqlite3.Database | null = null
  try {
    db = open(file, { readonly: true })
    const rows = db.pragma('integrity_check') as { integrity_check: string }[]
    return rows.map((r) => r.integrity_check).slice(0, 10).join('; ')
  } catch (e) {
    // Damage bad enough stops the check itself ("database disk image is malformed"): that is its verdict too.
    return e instanceof Error ? e.message : String(e)
  } finally {
    db?.close()
  }
}

/** Tables a database of this site has; a file without them is not one of its backups. */
const REQUIRED_TABLES = ['articles', 'comments', '__drizzle_migrations']

function assertSiteDatabase(db: BetterSqlite3.Database, file: string): number {
  const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name))
  const missing = REQUIRED_TABLES.filter((t) => !tables.has(t))
  if (missing.length) throw new Error(`${file} is not a database of this site (no ${missing.join(', ')} table)`)
  return (db.prepare('SELECT count(*) AS n FROM comments').get() as { n: number }).n
}

/**
 * True when another connection (the running site, a CLI) has the database open. A WAL database's users hold
 * a shared lock on its shared-memory file, so an exclusive lock can only be had when nobody else is there.
 */
export function databaseInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false
  const db = new BetterSqlite3(file, { fileMustExist: true })
  try {
    db.pragma('busy_timeout = 0')
    db.pragma('locking_mode = EXCLUSIVE')
    db.exec('BEGIN EXCLUSIVE')
    db.exec('COMMIT')
    return false
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true
    throw e
  } finally {
    db.close()
  }
}

/** A consistent copy of `db` as one self-contained file (journal_mode=DELETE: no -wal beside it). */
async function snapshot(db: BetterSqlite3.Database, file: string): Promise<{ totalPages: number }> {
  const { totalPages } = await db.backup(file, { progress: () => ALL_PAGES })
  const copy = open(file)
  try {
    copy.pragma('journal_mode = DELETE')
  } finally {
    copy.close()
  }
  return { totalPages }
}

/**
 * Copies the live database at `source` into `target` while the site runs: written beside the target, checked
 * with integrity_check, switched to a single self-contained file (no -wal), then renamed into place.
 */
export async function backupDatabase(source: string, target: string): Promise<BackupResult> {
  const started = Date.now()
  const from = path.resolve(source)
  const to = path.resolve(target)
  if (from === to) throw new Error('The backup file must not be the live database itself')
  if (!fs.existsSync(path.dirname(to))) throw new Error(`The folder ${path.dirname(to)} does not exist`)
  const partial = `${to}.partial-${process.pid}`
  fs.rmSync(partial, { force: true })
  const db = open(from)
  try {
    assertSiteDatabase(db, from)
    const { totalPages } = await snapshot(db, partial)
    const copy = open(partial)
    let comments: number
    try {
      const verdict = (copy.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ')
      if (verdict !== 'ok') throw new Error(`The backup failed its integrity check: ${verdict}`)
      comments = assertSiteDatabase(copy, partial)
    } finally {
      copy.close()
    }
    fs.renameSync(partial, to)
    return { file: to, pages: totalPages, comments, ms: Date.now() - started }
  } catch (e) {
    fs.rmSync(partial, { force: true })
    throw e
  } finally {
    db.close()
  }
}

export type RestoreResult = { file: string; comments: number; previous: string | null; ms: number }

/**
 * Puts the backup `source` in place of the database at `target`. The backup must pass integrity_check first.
 * Refuses while anyone has the target open (the site caches pages in memory: stop it, restore, start it),
 * unless `force`, which writes through SQLite's backup API so open connections see the restored data whole.
 * The database being replaced is kept beside it as `<target>.before-restore-<time>`.
 */
export async function restoreDatabase(source: string, target: string, options: { force?: boolean; now?: Date } = {}): Promise<RestoreResult> {
  const started = Date.now()
  const from = path.resolve(source)
  const to = path.resolve(target)
  if (from === to) throw new Error('The backup file and the database are the same file')
  if (!fs.existsSync(from)) throw new Error(`No backup at ${from}`)
  const verdict = integrityCheck(from)
  if (verdict !== 'ok') throw new Error(`${from} failed its integrity check, so it was not restored: ${verdict}`)
  if (!options.force && databaseInUse(to)) {
    throw new Error(
      `${to} is in use (is the site running?). Stop the site, run the restore again, then start the site. ` +
        'To restore under a running site anyway, add --force; its cached pages stay stale until it restarts.',
    )
  }

  const backup = open(from, { readonly: true })
  try {
    const comments = assertSiteDatabase(backup, from)
    let previous: string | null = null
    if (fs.existsSync(to)) {
      previous = `${to}.before-restore-${(options.now ?? new Date()).toISOString().replace(/[:.]/g, '-')}`
      const current = open(to)
      try {
        await snapshot(current, previous)
      } finally {
        current.close()
      }
    } else {
      fs.mkdirSync(path.dirname(to), { recursive: true })
    }
    await backup.backup(to, { progress: () => ALL_PAGES })
    const restored = open(to)
    try {
      restored.pragma('journal_mode = WAL')
      const check = (restored.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ')
      if (check !== 'ok') throw new Error(`The restored database failed its integrity check: ${check}`)
      assertSiteDatabase(restored, to)
    } finally {
      restored.close()
    }
    return { file: to, comments, previous, ms: Date.now() - started }
  } finally {
    backup.close()
  }
}
