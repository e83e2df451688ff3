// @ts-check
// `npm start`'s first step: compiles lib/cli/start.ts and the modules it imports into one CommonJS file with esbuild
// (about 0.1 s), then runs it. Running it through tsx instead cost about a second of every start (tsx's own process
// and per-module transforms), a third of the 3-second budget for a later start. Packages stay external (Node loads
// them from node_modules as usual); `server-only` compiles to nothing, as under the react-server condition.
// Plain JavaScript with JSDoc types, because it runs before anything is compiled.
const fs = require('node:fs')
const path = require('node:path')
const esbuild = require('esbuild')

const root = process.cwd()
// Inside the project, so Node finds node_modules from it; one file per process, so starts running side by side
// (the browser tests start several sites at once) never read each other's half-written file.
const dir = path.join(root, 'node_modules', '.cache', 'newsroom')
const outfile = path.join(dir, `start-${process.pid}.cjs`)

/** @type {import('esbuild').Plugin} */
const serverOnly = {
  name: 'server-only',
  setup(build) {
    build.onResolve({ filter: /^server-only$/ }, () => ({ path: 'server-only', namespace: 'server-only' }))
    build.onLoad({ filter: /.*/, namespace: 'server-only' }, () => ({ contents: '', loader: 'js' }))
  },
}

async function main() {
  fs.mkdirSync(dir, { recursive: true })
  await esbuild.build({
    entryPoints: [path.join(root, 'lib', 'cli', 'start.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    plugins: [serverOnly],
    outfile,
    logLevel: 'warning',
  })
  try {
    require(outfile)
  } finally {
    fs.rmSync(outfile, { force: true })
  }
}

main().catch((/** @type {unknown} */ e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
