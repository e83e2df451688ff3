// Opens a SQLite file with the project's pragmas and applies committed migrations. Used by the app, CLIs and tests.
import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema'

export type Database = BetterSQLite3Database<typeof schema> & { $client: BetterSqlite3.Database }

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations')

export function openDatabase(file: string, options: { migrate?: boolean } = {}): Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new BetterSqlite3(file)
  sqlite.pragma('journal_mode = WAL')
  // FULL: an acknowledged comment survives a power cut, at a small cost per write.
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const db = drizzle(sqlite, { schema }) as Database
  if (options.migrate !== false) migrate(db, { migrationsFolder })
  return db
}
