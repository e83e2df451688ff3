// The one SQLite connection: opened, tuned and migrated on first use.
import 'server-only'
import { openDatabase, type Database } from './open'
import { env } from '@/lib/env'

// Cached on globalThis so dev hot reloads and Next's several module graphs share one connection.
const globalForDb = globalThis as unknown as { __newsroomDb?: Database }

export function getDb(): Database {
  globalForDb.__newsroomDb ??= openDatabase(env().databasePath)
  return globalForDb.__newsroomDb
}

/** Closes the shared connection (CLIs and tests); the next getDb() opens a fresh one. */
export function closeDb(): void {
  globalForDb.__newsroomDb?.$client.close()
  globalForDb.__newsroomDb = undefined
}
