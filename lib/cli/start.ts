// `npm start`: prepare (build if needed, migrate, seed, admin, secrets) then serve with `next start`.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { env } from '@/lib/env'
import { serverNodeOptions } from './node-options'
import { ensureAdmin, ensureAuthSecret, ensureBuild, prepareDatabase } from './prepare'

async function main() {
  const config = env()
  await prepareDatabase()
  await ensureAdmin()
  const authSecret = ensureAuthSecret()
  ensureBuild()
  const next = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next')
  const child = spawn(process.execPath, [next, 'start', '-p', String(config.PORT)], {
    stdio: 'inherit',
    env: {
      ...process.env,
      AUTH_SECRET: authSecret,
      SITE_URL: config.siteUrl,
      DATABASE_PATH: config.databasePath,
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_OPTIONS: serverNodeOptions(),
    },
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
