// Database tests: each file gets a fresh SQLite file migrated from db/migrations, opened through the app's own client.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { closeDb, getDb } from '@/db/client'

export function useTempDatabase(): { dir: string } {
  const state = { dir: '' }
  beforeEach(() => {
    state.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-db-'))
    process.env.DATABASE_PATH = path.join(state.dir, 'site.db')
    closeDb()
    getDb()
  })
  afterEach(() => {
    closeDb()
    fs.rmSync(state.dir, { recursive: true, force: true })
  })
  return state
}
