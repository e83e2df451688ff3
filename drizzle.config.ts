// drizzle-kit: generates SQL migrations from db/schema.ts into db/migrations (committed, never edited once applied).
import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema.ts',
  out: './db/migrations',
  dbCredentials: { url: process.env.DATABASE_PATH ?? 'data/site.db' },
})
