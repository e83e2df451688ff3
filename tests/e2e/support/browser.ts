// Launches the headless Chromium the browser tests drive. Never skips: without a browser the suite fails loudly.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'

// Without the background-networking flags Chromium keeps dialling Google services, and this sandbox's
// closed network answers with refused connections that end up as noise (and delays) in every test.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

const SYSTEM_CHROMIUM = '/usr/bin/chromium'

const HOW_TO_INSTALL = [
  'The browser tests need Chromium. Any one of these works:',
  '  - Debian/Ubuntu: apt-get install -y --no-install-recommends chromium fonts-dejavu-core',
  '  - point CHROMIUM_PATH at a Chromium or Chrome binary: CHROMIUM_PATH=/path/to/chrome npm test',
  '  - keep the @sparticuz/chromium dev dependency installed (npm install) on a system with its libraries (libnss3 …)',
].join('\n')

type Resolved = { executablePath: string; source: string }

/** CHROMIUM_PATH, else the system Chromium, else the binary bundled in @sparticuz/chromium. */
export async function resolveChromium(): Promise<Resolved> {
  const configured = process.env.CHROMIUM_PATH
  if (configured) {
    if (!fs.existsSync(configured)) {
      throw new Error(`CHROMIUM_PATH is set to ${configured}, which does not exist.\n\n${HOW_TO_INSTALL}`)
    }
    return { executablePath: configured, source: 'CHROMIUM_PATH' }
  }
  if (fs.existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, source: SYSTEM_CHROMIUM }

  // @sparticuz/chromium unpacks into the system temp folder and reuses whatever copy it finds there,
  // even one of another version: give it a folder of its own.
  const tmp = path.join(os.tmpdir(), 'newsroom-chromium')
  fs.mkdirSync(tmp, { recursive: true })
  process.env.TMPDIR = tmp
  try {
    const { default: bundled } = await import('@sparticuz/chromium')
    const executablePath = await bundled.executablePath()
    if (!executablePath || !fs.existsSync(executablePath)) throw new Error(`no binary at ${executablePath}`)
    return { executablePath, source: '@sparticuz/chromium' }
  } catch (e) {
    throw new Error(
      `No Chromium found: CHROMIUM_PATH is unset, ${SYSTEM_CHROMIUM} does not exist and @sparticuz/chromium ` +
        `could not unpack its browser (${(e as Error).message}).\n\n${HOW_TO_INSTALL}`,
    )
  }
}

export async function launchBrowser(): Promise<Browser> {
  const { executablePath, source } = await resolveChromium()
  try {
    return await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 })
  } catch (e) {
    throw new Error(
      `Chromium from ${source} (${executablePath}) did not start: ${(e as Error).message}\n\n${HOW_TO_INSTALL}`,
    )
  }
}
