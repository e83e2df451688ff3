// Everything `npm start` does before serving: build if the sources changed, migrate, seed, secrets, admin.
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { closeDb, getDb } from '@/db/client'
import { getMetaValue, setMetaValue } from '@/db/queries/import'
import { countUsers, getUserByEmail, upsertAdmin } from '@/db/queries/users'
import { hashPassword, passwordProblem } from '@/lib/auth/password'
import { env } from '@/lib/env'
import { importFile } from '@/lib/import/run'
import { buildIsCurrent, recordBuild } from './build-state'

export function ensureBuild(log: (line: string) => void = console.log): void {
  if (buildIsCurrent()) return
  log('Building the site (first start or changed sources)…')
  const next = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next')
  const result = spawnSync(process.execPath, [next, 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`)
  recordBuild()
}

/** Kept beside the database (mode 0600) so sessions survive restarts without any manual set-up. */
export function ensureAuthSecret(): string {
  const configured = env().AUTH_SECRET
  if (configured) return configured
  const file = path.join(path.dirname(env().databasePath), 'auth-secret')
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  const secret = crypto.randomBytes(32).toString('base64url')
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, secret + '\n', { mode: 0o600 })
  return secret
}

export async function seedOnce(log: (line: string) => void = console.log): Promise<void> {
  if (getMetaValue('seeded')) return
  const dir = path.join(process.cwd(), 'db', 'seed')
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const result = await importFile(path.join(dir, name))
    log(`Seeded ${name} → ${result.slug}`)
  }
  setMetaValue('seeded', new Date().toISOString())
}

export async function prepareDatabase(log: (line: string) => void = console.log): Promise<void> {
  getDb() // opens and migrates
  await seedOnce(log)
  closeDb()
}

/** The admin created when the environment names none: documented in the README. */
export const DEFAULT_ADMIN_EMAIL = 'admin@localhost'

export const randomPassword = () => crypto.randomBytes(15).toString('base64url')

/**
 * ADMIN_EMAIL / ADMIN_PASSWORD: create that admin if no user has the email (an existing password is never changed
 * here: use `npm run admin`). With neither set and no user at all, create admin@localhost with a random password,
 * printed this once.
 */
export async function ensureAdmin(log: (line: string) => void = console.log): Promise<void> {
  const { ADMIN_EMAIL, ADMIN_PASSWORD } = env()
  const actor = { id: null, email: 'npm start', ip: '' }
  try {
    if (!ADMIN_EMAIL && !ADMIN_PASSWORD && countUsers() > 0) return
    const email = (ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL).toLowerCase()
    if (getUserByEmail(email)) return
    if (ADMIN_PASSWORD) {
      const problem = passwordProblem(ADMIN_PASSWORD)
      if (problem) throw new Error(`ADMIN_PASSWORD: ${problem}`)
    }
    const password = ADMIN_PASSWORD ?? randomPassword()
    upsertAdmin({ email, passwordHash: await hashPassword(password) }, actor)
    if (ADMIN_PASSWORD) {
      log(`Created the admin ${email} (password from ADMIN_PASSWORD).`)
    } else {
      const rule = '='.repeat(64)
      log(
        [
          rule,
          'Created an admin account. Sign in at /admin with:',
          `  email:    ${email}`,
          `  password: ${password}`,
          'This password is shown only this once. Change it with:',
          `  npm run admin -- --email ${email} --password NEW-PASSWORD`,
          rule,
        ].join('\n'),
      )
    }
  } finally {
    closeDb()
  }
}
