// Imports one article file end to end: load from disk, publish its images, write it to the database.
import 'server-only'
import { importArticle, type ImportResult } from '@/db/queries/import'
import { loadArticleFile, publishImages } from './load'

export async function importFile(file: string): Promise<ImportResult> {
  const loaded = await loadArticleFile(file)
  publishImages(loaded.images)
  return importArticle(loaded.draft, loaded.images, loaded.sourceHash)
}
