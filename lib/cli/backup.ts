// `npm run backup -- FILE`: an online, consistent copy of the site's database while the site keeps running.
import { backupDatabase } from '@/db/backup'
import { env } from '@/lib/env'

async function main(args: string[]): Promise<number> {
  const [file, ...rest] = args
  if (!file || rest.length) {
    console.error('usage: npm run backup -- FILE   (copies DATABASE_PATH to FILE; safe while the site runs)')
    return 2
  }
  const result = await backupDatabase(env().databasePath, file)
  console.log(`Backed up ${env().databasePath} to ${result.file}: ${result.comments} comments, ${result.pages} pages, integrity ok, ${result.ms} ms.`)
  return 0
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`Backup failed: ${e instanceof Error ? e.message : String(e)}`)
    process.exit(1)
  },
)
