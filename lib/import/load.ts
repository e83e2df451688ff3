// Reads an article file, its optional sidecar and its images from disk, ready for db/queries/import.ts.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { ImportError, parseArticle, type ArticleDraft } from './parse'

export type LoadedImage = { src: string; width: number; height: number; alt: string; bytes: Buffer; fileName: string }
export type LoadedArticle = { draft: ArticleDraft; images: LoadedImage[]; sourceHash: string }

export async function loadArticleFile(file: string): Promise<LoadedArticle> {
  if (!fs.existsSync(file)) throw new ImportError(`${file}: no such file`)
  const raw = fs.readFileSync(file, 'utf8')
  const sidecarFile = file.replace(/\.[^./]+$/, '') + '.json'
  let sidecar: Record<string, unknown> | null = null
  if (sidecarFile !== file && fs.existsSync(sidecarFile)) {
    try {
      sidecar = JSON.parse(fs.readFileSync(sidecarFile, 'utf8')) as Record<string, unknown>
    } catch (e) {
      throw new ImportError(`${sidecarFile}: not valid JSON (${(e as Error).message})`)
    }
  }
  const draft = parseArticle(raw, sidecar)
  const hash = crypto.createHash('sha256').update(raw).update(JSON.stringify(sidecar))
  const images: LoadedImage[] = []
  for (const [i, image] of draft.meta.images.entries()) {
    const imageFile = path.resolve(path.dirname(file), image.file)
    if (!fs.existsSync(imageFile)) throw new ImportError(`image ${i + 1}: ${imageFile} does not exist`)
    const bytes = fs.readFileSync(imageFile)
    const info = await sharp(bytes)
      .metadata()
      .catch(() => null)
    if (!info?.width || !info.height) throw new ImportError(`image ${i + 1}: ${imageFile} is not an image sharp can read`)
    const figure = draft.blocks.find((b) => b.type === 'figure' && b.imageIndex === i)
    const caption = figure?.type === 'figure' ? figure.caption : ''
    hash.update(bytes)
    const fileName = path.basename(imageFile).toLowerCase().replace(/[^a-z0-9._-]+/g, '-')
    images.push({ src: `/media/${fileName}`, width: info.width, height: info.height, alt: image.alt || caption, bytes, fileName })
  }
  return { draft, images, sourceHash: hash.digest('hex') }
}

/** Copies images into public/media so Next serves them (and can resize them with next/image). */
export function publishImages(images: readonly LoadedImage[], publicDir = path.join(process.cwd(), 'public')): void {
  const dir = path.join(publicDir, 'media')
  fs.mkdirSync(dir, { recursive: true })
  for (const image of images) {
    const target = path.join(dir, image.fileName)
    if (fs.existsSync(target) && fs.readFileSync(target).equals(image.bytes)) continue
    fs.writeFileSync(target, image.bytes)
  }
}
