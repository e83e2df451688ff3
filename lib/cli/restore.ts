// `npm run restore -- FILE [--force]`: puts a backup back in place of the site's database.
// The procedure: stop the site, restore, start the site (its pages are cached in memory).
import { restoreDatabase } from '@/db/backup'
import { env } from '@/lib/env'

async function main(args: string[]): Promise<number> {
  const force = args.includes('--force')
  const files = args.filter((a) => a !== '--force')
  if (files.length !== 1 || !files[0]) {
    console.error('usage: npm run restore -- FILE [--force]   (stop the site first; --force restores under a running site)')
    return 2
  }
  const target = env().databasePath
  const result = await restoreDatabase(files[0], target, { force })
  console.log(`Restored ${files[0]} to ${result.file}: ${result.comments} comments, integrity ok, ${result.ms} ms.`)
  if (result.previous) console.log(`The database it replaced is kept at ${result.previous}.`)
  if (force) console.log('Restart the site now: pages it had cached still show the data from before the restore.')
  return 0
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`Restore failed: ${e instanceof Error ? e.message : String(e)}`)
    process.exit(1)
  },
)
