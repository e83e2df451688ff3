// Direct access to the e2e server's database, for arranging state and checking what was stored.
import Database from 'better-sqlite3'

export function e2eDb(): Database.Database {
  const file = process.env.E2E_DATABASE_PATH
  if (!file) throw new Error('E2E_DATABASE_PATH is not set: run the browser tests through jest')
  const db = new Database(file)
  db.pragma('busy_timeout = 5000')
  return db
}

let counter = 0
/** A distinct client address per reader, so one test's posts never trip another's flood rule. */
export function readerIp(): string {
  counter++
  return `198.18.${process.pid % 250}.${counter}`
}
