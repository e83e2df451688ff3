// Opens a SQLite file with the project's pragmas and applies committed migrations. Used by the app, CLIs and tests.
import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema'

export type Database = BetterSQLite3Database<typeof schema> & { $client: BetterSqlite3.Database }

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations')

/**
 * An acknowledged comment must survive a crash or a power cut: WAL keeps readers and the writer apart, and
 * synchronous=FULL syncs the WAL on every commit. A file system that cannot do WAL (some network mounts)
 * silently keeps another journal mode, so check rather than trust, and refuse to run without them.
 */
export function assertDurable(sqlite: BetterSqlite3.Database, file: string): void {
  const journal = String(sqlite.pragma('journal_mode', { simple: true })).toLowerCase()
  const synchronous = Number(sqlite.pragma('synchronous', { simple: true }))
  if (journal !== 'wal' || synchronous !== 2) {
    sqlite.close()
    throw new Error(
      `${file}: SQLite is in journal_mode=${journal}, synchronous=${synchronous}; the site needs journal_mode=wal and ` +
        'synchronous=2 (FULL) so that no acknowledged comment can be lost. Put the database on a local file system.',
    )
  }
}

export function openDatabase(file: string, options: { migrate?: boolean } = {}): Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new BetterSqlite3(file)
  sqlite.pragma('journal_mode = WAL')
  // FULL: an acknowledged comment survives a power cut, at a small cost per write.
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  if (file !== ':memory:') assertDurable(sqlite, file)
  const db = drizzle(sqlite, { schema }) as Database
  if (options.migrate !== false) migrate(db, { migrationsFolder })
  return db
}
