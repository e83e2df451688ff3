// `npm run import -- FILE [FILE…]`: imports articles written in the seed's plain-text format.
import { closeDb } from '@/db/client'
import { ImportError } from '@/lib/import/parse'
import { importFile } from '@/lib/import/run'

async function main(files: string[]) {
  if (!files.length) {
    console.error('usage: npm run import -- FILE [FILE…]   (see db/seed/ for the format)')
    return 2
  }
  let failed = 0
  for (const file of files) {
    try {
      const r = await importFile(file)
      console.log(r.changed ? `imported ${file} → /${r.slug}` : `unchanged ${file} (already imported)`)
      for (const title of r.stubs) console.log(`  created a placeholder for the linked article "${title}"`)
    } catch (e) {
      failed++
      console.error(`${file}: ${e instanceof ImportError ? e.message : (e as Error).stack}`)
    }
  }
  closeDb()
  return failed ? 1 : 0
}

void main(process.argv.slice(2)).then((code) => process.exit(code))
