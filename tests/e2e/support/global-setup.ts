// Starts the site for the browser tests the way a user does (`npm start`), on a free port with a fresh database.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { npmStartArgs } from '../../support/npm-start'
import { keepLogAndClean, serverState, stopServer } from './server'

const ROOT = path.resolve(__dirname, '..', '..', '..')
const ARTIFACTS_DIR = path.join(ROOT, 'tests', 'artifacts')
// The first start runs `next build`, which takes a few minutes on two cores.
const READY_TIMEOUT_MS = 6 * 60_000
// Once the server answers, `/` must turn 200 soon: a steady 404 or 500 will not fix itself.
const ANSWERING_GRACE_MS = 60_000

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

function tail(file: string, lines = 60): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n')
  } catch {
    return '(no server log)'
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

type Attempt = { env: NodeJS.ProcessEnv; baseUrl: string; logFile: string; started: number }

/** Spawns `npm start`'s script and polls until `/` answers 200. Returns why it failed, or null when ready. */
async function startAndWait({ env, baseUrl, logFile, started }: Attempt): Promise<string | null> {
  const log = fs.openSync(logFile, 'a')
  const child = spawn(process.execPath, npmStartArgs(ROOT), {
    cwd: ROOT,
    env,
    // Its own process group, so teardown can stop `next start` (and a `next build`) with it.
    detached: true,
    stdio: ['ignore', log, log],
  })
  fs.closeSync(log)
  serverState().pid = child.pid

  const outcome: { failure: string | null } = { failure: null }
  child.once('exit', (code, signal) => (outcome.failure ??= `exited with ${signal ?? `code ${code}`}`))
  child.once('error', (e) => (outcome.failure ??= `could not start: ${e.message}`))

  let firstAnswer: number | null = null
  let lastAnswer = ''
  for (;;) {
    if (outcome.failure) return outcome.failure
    try {
      const response = await fetch(baseUrl + '/', { redirect: 'manual', signal: AbortSignal.timeout(30_000) })
      await response.arrayBuffer()
      if (response.status === 200) return null
      lastAnswer = `GET / answered ${response.status}`
      firstAnswer ??= Date.now()
    } catch (e) {
      lastAnswer = `GET / failed: ${(e as Error).message}`
    }
    const waited = Date.now() - started
    if (waited > READY_TIMEOUT_MS || (firstAnswer !== null && Date.now() - firstAnswer > ANSWERING_GRACE_MS)) {
      return `was not ready after ${Math.round(waited / 1000)} s (${lastAnswer})`
    }
    await sleep(500)
  }
}

export default async function globalSetup(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-e2e-'))
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const databasePath = path.join(dir, 'site.db')
  const logFile = path.join(dir, 'server.log')

  // Exactly what `npm start` runs. Jest sets NODE_ENV=test, which would make `next build` produce a test
  // build that a later `npm start` would reuse: give it the production value `next build`/`next start` default to.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    SITE_URL: baseUrl,
    DATABASE_PATH: databasePath,
    ADMIN_EMAIL: 'admin@example.test',
    ADMIN_PASSWORD: 'e2e-admin-password',
    NEXT_TELEMETRY_DISABLED: '1',
  }
  const state = serverState()
  state.dir = dir
  state.logFile = logFile
  // Should jest end without running the teardown (an error, Ctrl-C, a CI timeout), do not leave a server behind.
  process.once('exit', () => void stopServer({ wait: false }))
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      void stopServer({ wait: false })
      // Without other listeners, die of the signal as before; with them (jest has some), leave it to them.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal)
    })
  }

  const started = Date.now()
  let failure: string | null
  for (;;) {
    failure = await startAndWait({ env, baseUrl, logFile, started })
    // Someone else is building into .next (a developer's `npm start` or `next build`): wait for it, then retry.
    const busy = failure?.startsWith('exited') && /Another next build process is already running/.test(tail(logFile, 15))
    if (!busy || Date.now() - started > READY_TIMEOUT_MS) break
    fs.appendFileSync(logFile, '(e2e: another build is running; retrying in 10 s)\n')
    await sleep(10_000)
  }
  if (failure) {
    await stopServer()
    const lastLines = tail(logFile)
    // Jest skips the teardown when the setup throws.
    keepLogAndClean(ARTIFACTS_DIR)
    throw new Error(`The site for the browser tests ${failure}. Last lines of its log (kept in tests/artifacts/server.log):\n${lastLines}`)
  }

  process.env.E2E_BASE_URL = baseUrl
  process.env.E2E_DATABASE_PATH = databasePath
  process.env.E2E_ADMIN_EMAIL = env.ADMIN_EMAIL
  process.env.E2E_ADMIN_PASSWORD = env.ADMIN_PASSWORD
  process.env.E2E_SERVER_LOG = logFile
}
