// `npm run admin -- --email E --password P`: create an admin, or set a new password (ending its sessions).
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { closeDb } from '@/db/client'
import { upsertAdmin } from '@/db/queries/users'
import { hashPassword, passwordProblem } from '@/lib/auth/password'
import { randomPassword } from './prepare'

const USAGE = 'Usage: npm run admin -- --email admin@example.com [--password PASSWORD] [--name "Display name"]'

async function main() {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean' } },
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  // Lenient on purpose: admin@localhost (the default admin) has no dot in its domain.
  const email = z
    .string()
    .regex(/^[^\s@]+@[^\s@]+$/)
    .max(320)
    .safeParse(values.email?.trim().toLowerCase())
  if (!email.success) throw new Error(`A valid --email is required.\n${USAGE}`)
  const generated = values.password === undefined
  const password = values.password ?? randomPassword()
  const problem = passwordProblem(password)
  if (problem) throw new Error(problem)
  try {
    const result = upsertAdmin(
      { email: email.data, name: values.name, passwordHash: await hashPassword(password) },
      { id: null, email: 'npm run admin', ip: '' },
    )
    console.log(result.created ? `Created the admin ${email.data}.` : `New password set for ${email.data}; their sessions have ended.`)
    if (generated) console.log(`Password (shown only this once): ${password}`)
  } finally {
    closeDb()
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
