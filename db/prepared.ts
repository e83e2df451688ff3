// Statements prepared once per connection, for the hot paths: building a query and preparing it again on every
// request cost more CPU than running it. Keyed by connection, so a reopened database (tests, restore) prepares anew.
import 'server-only'
import type BetterSqlite3 from 'better-sqlite3'
import { getDb } from './client'

export function preparedOnce<T>(prepare: (client: BetterSqlite3.Database) => T): () => { client: BetterSqlite3.Database; statements: T } {
  const byConnection = new WeakMap<BetterSqlite3.Database, T>()
  return () => {
    const client = getDb().$client
    let statements = byConnection.get(client)
    if (statements === undefined) byConnection.set(client, (statements = prepare(client)))
    return { client, statements }
  }
}
