// Decides whether `next build` must run: a hash of everything the build reads, compared with the last build's.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const INPUTS = ['app', 'components', 'lib', 'db', 'public', 'next.config.js', 'tsconfig.json', 'package-lock.json', 'package.json', 'proxy.ts']
const SKIP = new Set(['node_modules', '.next', 'migrations', 'seed'])
const STAMP = path.join('.next', 'source-hash')

function walk(entry: string, hash: crypto.Hash): void {
  if (!fs.existsSync(entry)) return
  const stat = fs.statSync(entry)
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(entry).sort()) if (!SKIP.has(name)) walk(path.join(entry, name), hash)
  } else {
    hash.update(entry).update('\0').update(fs.readFileSync(entry)).update('\0')
  }
}

export function sourceHash(root = process.cwd()): string {
  const hash = crypto.createHash('sha256')
  for (const input of INPUTS) walk(path.join(root, input), hash)
  return hash.digest('hex')
}

export function buildIsCurrent(root = process.cwd()): boolean {
  const stamp = path.join(root, STAMP)
  return fs.existsSync(path.join(root, '.next', 'BUILD_ID')) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === sourceHash(root)
}

export function recordBuild(root = process.cwd()): void {
  fs.writeFileSync(path.join(root, STAMP), sourceHash(root))
}
