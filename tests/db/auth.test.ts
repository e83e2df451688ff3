import { getDb } from '@/db/client'
import { listAudit } from '@/db/queries/audit'
import { countUsers, endSessions, getUserByEmail, upsertAdmin, verifyUserPassword } from '@/db/queries/users'
import { signInAttempts } from '@/db/schema'
import { checkCredentials } from '@/lib/auth/credentials'
import { hashPassword, verifyPassword } from '@/lib/auth/password'
import { MAX_FAILURES } from '@/lib/auth/throttle'
import { DEFAULT_ADMIN_EMAIL, ensureAdmin } from '@/lib/cli/prepare'
import { useTempDatabase } from './helpers'

const system = { id: null, email: 'test', ip: '' }
const PASSWORD = 'a long enough secret'

async function createAdmin(email = 'editor@example.com', password = PASSWORD) {
  return upsertAdmin({ email, name: 'Editor', passwordHash: await hashPassword(password) }, system)
}

describe('admin accounts', () => {
  useTempDatabase()

  it('stores an argon2id hash that only verifies the right password, and never returns it', async () => {
    const { id, created } = await createAdmin('Editor@Example.com')
    expect(created).toBe(true)
    const user = getUserByEmail('editor@example.com')
    expect(user).toEqual({ id, email: 'editor@example.com', name: 'Editor', role: 'admin', sessionVersion: 1 })
    expect(Object.keys(user ?? {})).not.toContain('passwordHash')
    const stored: string[] = []
    const check = (password: string) => async (hash: string | null) => {
      stored.push(hash ?? '')
      return hash !== null && verifyPassword(hash, password)
    }
    expect(await verifyUserPassword('EDITOR@example.com ', check(PASSWORD))).toMatchObject({ id })
    expect(await verifyUserPassword('editor@example.com', check('wrong password'))).toBeNull()
    expect(stored[0]).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
  })

  it('setting a new password ends the existing sessions', async () => {
    const { id } = await createAdmin()
    const again = await createAdmin('editor@example.com', 'another good password')
    expect(again).toEqual({ id, created: false })
    expect(getUserByEmail('editor@example.com')?.sessionVersion).toBe(2)
    endSessions(id, { id, email: 'editor@example.com', ip: '127.0.0.1' })
    expect(getUserByEmail('editor@example.com')?.sessionVersion).toBe(3)
    expect(listAudit({}, 1).items.map((e) => e.action)).toEqual(['sign-out', 'password-reset', 'admin-created'])
  })
})

describe('checking credentials', () => {
  useTempDatabase()
  const ip = '198.51.100.1'

  it('accepts the right password and refuses a wrong one or an unknown email alike, logging each attempt', async () => {
    const { id } = await createAdmin()
    expect(await checkCredentials({ email: 'editor@example.com', password: 'wrong', ip })).toEqual({ ok: false, reason: 'invalid' })
    expect(await checkCredentials({ email: 'nobody@example.com', password: PASSWORD, ip })).toEqual({ ok: false, reason: 'invalid' })
    expect(await checkCredentials({ email: 'Editor@example.com', password: PASSWORD, ip })).toMatchObject({ ok: true, user: { id } })
    expect(listAudit({}, 1).items.map((e) => [e.action, e.actorEmail, e.ip])).toEqual([
      ['sign-in', 'editor@example.com', ip],
      ['sign-in-failed', 'nobody@example.com', ip],
      ['sign-in-failed', 'editor@example.com', ip],
      ['admin-created', 'test', ''],
    ])
  })

  it(`after ${MAX_FAILURES} failures for one email, refuses even the right password until the window has passed`, async () => {
    await createAdmin()
    const start = new Date('2025-01-01T12:00:00.000Z')
    for (let i = 0; i < MAX_FAILURES; i++) {
      // Each from another address: the email alone triggers the lock.
      const at = new Date(start.getTime() + i * 1000)
      expect(await checkCredentials({ email: 'editor@example.com', password: 'guess', ip: `203.0.113.${i}`, now: at })).toMatchObject({ reason: 'invalid' })
    }
    const later = new Date(start.getTime() + 60_000)
    const locked = await checkCredentials({ email: 'editor@example.com', password: PASSWORD, ip: '192.0.2.1', now: later })
    expect(locked).toMatchObject({ ok: false, reason: 'throttled' })
    if (locked.ok || locked.reason !== 'throttled') throw new Error('expected a lock')
    expect(locked.retryAfterMs).toBe(9 * 60_000)
    expect(listAudit({ action: 'sign-in-throttled' }, 1).total).toBe(1)
    // Another account is not locked by this one's failures.
    await createAdmin('other@example.com')
    expect(await checkCredentials({ email: 'other@example.com', password: PASSWORD, ip: '192.0.2.1', now: later })).toMatchObject({ ok: true })
    // Ten minutes after the first failure the window has moved on.
    const afterWindow = new Date(start.getTime() + 10 * 60_000 + 1)
    expect(await checkCredentials({ email: 'editor@example.com', password: PASSWORD, ip: '192.0.2.1', now: afterWindow })).toMatchObject({ ok: true })
  })

  it(`after ${MAX_FAILURES} failures from one IP address, refuses every email from it`, async () => {
    await createAdmin()
    const now = new Date('2025-01-01T12:00:00.000Z')
    for (let i = 0; i < MAX_FAILURES; i++) await checkCredentials({ email: `guess${i}@example.com`, password: 'x', ip, now })
    expect(await checkCredentials({ email: 'editor@example.com', password: PASSWORD, ip, now })).toMatchObject({ reason: 'throttled' })
    expect(await checkCredentials({ email: 'editor@example.com', password: PASSWORD, ip: '192.0.2.55', now })).toMatchObject({ ok: true })
  })

  it('a successful sign-in clears the count for that email', async () => {
    await createAdmin()
    const t = (s: number) => new Date(Date.parse('2025-01-01T12:00:00.000Z') + s * 1000)
    for (let i = 0; i < MAX_FAILURES - 1; i++) await checkCredentials({ email: 'editor@example.com', password: 'x', ip: `203.0.113.${i}`, now: t(i) })
    expect(await checkCredentials({ email: 'editor@example.com', password: PASSWORD, ip: '192.0.2.9', now: t(20) })).toMatchObject({ ok: true })
    expect(await checkCredentials({ email: 'editor@example.com', password: 'x', ip: '192.0.2.10', now: t(21) })).toMatchObject({ reason: 'invalid' })
    expect(await checkCredentials({ email: 'editor@example.com', password: PASSWORD, ip: '192.0.2.11', now: t(22) })).toMatchObject({ ok: true })
  })

  it('keeps a day of attempts', async () => {
    await checkCredentials({ email: 'a@example.com', password: 'x', ip, now: new Date('2025-01-01T00:00:00.000Z') })
    await checkCredentials({ email: 'a@example.com', password: 'x', ip, now: new Date('2025-01-02T00:00:01.000Z') })
    expect(getDb().select().from(signInAttempts).all()).toHaveLength(1)
  })
})

describe('the admin created on start', () => {
  useTempDatabase()
  const saved = { ...process.env }
  afterEach(() => {
    process.env.ADMIN_EMAIL = saved.ADMIN_EMAIL
    process.env.ADMIN_PASSWORD = saved.ADMIN_PASSWORD
    if (saved.ADMIN_EMAIL === undefined) delete process.env.ADMIN_EMAIL
    if (saved.ADMIN_PASSWORD === undefined) delete process.env.ADMIN_PASSWORD
  })

  it('with nothing configured: admin@localhost with a random password printed once, then nothing', async () => {
    delete process.env.ADMIN_EMAIL
    delete process.env.ADMIN_PASSWORD
    const lines: string[] = []
    await ensureAdmin((l) => lines.push(l))
    const password = /password: (\S+)/.exec(lines.join('\n'))?.[1] ?? ''
    expect(password.length).toBeGreaterThanOrEqual(16)
    expect(await checkCredentials({ email: DEFAULT_ADMIN_EMAIL, password, ip: '' })).toMatchObject({ ok: true })
    await ensureAdmin((l) => lines.push(l))
    expect(lines).toHaveLength(1)
    expect(countUsers()).toBe(1)
  })

  it('with ADMIN_EMAIL and ADMIN_PASSWORD: creates that admin once and never resets its password', async () => {
    process.env.ADMIN_EMAIL = 'chief@example.com'
    process.env.ADMIN_PASSWORD = PASSWORD
    const lines: string[] = []
    await ensureAdmin((l) => lines.push(l))
    expect(lines.join('\n')).not.toContain(PASSWORD)
    process.env.ADMIN_PASSWORD = 'a different password'
    await ensureAdmin((l) => lines.push(l))
    expect(await checkCredentials({ email: 'chief@example.com', password: PASSWORD, ip: '' })).toMatchObject({ ok: true })
    expect(lines).toHaveLength(1)
  })

  it('refuses a weak ADMIN_PASSWORD with a clear message', async () => {
    process.env.ADMIN_EMAIL = 'chief@example.com'
    process.env.ADMIN_PASSWORD = 'password123'
    await expect(ensureAdmin(() => {})).rejects.toThrow('ADMIN_PASSWORD: This password is one of the most common ones')
    expect(countUsers()).toBe(0)
  })
})
