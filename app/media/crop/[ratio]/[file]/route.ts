// /media/crop/{16x9|4x3|1x1}/{file}: a 1200-px-wide crop of a published photo, for structured data and share cards.
import fs from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { etagMatches } from '@/lib/seo/http'
import { CROPPABLE_FILE, crops, isCropRatio } from '@/lib/seo/urls'

// Made on request, not at import: crop sizes can change without re-importing anything, and a file nobody asks
// for costs nothing. A crop takes tens of milliseconds; the week-long cache and the ETag keep repeats off the CPU.
export const dynamic = 'force-dynamic'

const MEDIA_DIR = path.join(process.cwd(), 'public', 'media')
const CACHE_CONTROL = 'public, max-age=604800, stale-while-revalidate=86400'

type Context = { params: Promise<{ ratio: string; file: string }> }

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

export async function GET(request: Request, { params }: Context) {
  const { ratio, file } = await params
  if (!isCropRatio(ratio) || !CROPPABLE_FILE.test(file)) return notFound()
  const source = path.join(MEDIA_DIR, file)
  const stat = await fs.stat(source).catch(() => null)
  if (!stat?.isFile()) return notFound()

  // Changes whenever the photo file does (re-imported) or the crop size does.
  const { width, height } = crops[ratio]
  const etag = `"${ratio}-${width}x${height}-${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`
  const headers = new Headers({ ETag: etag, 'Cache-Control': CACHE_CONTROL, 'Last-Modified': stat.mtime.toUTCString() })
  if (etagMatches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers })

  const image = await sharp(source)
    .rotate()
    // "attention" keeps the most salient region (faces, contrast) rather than the geometric centre.
    .resize(width, height, { fit: 'cover', position: sharp.strategy.attention })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 80, mozjpeg: true })
    .toBuffer()
    .catch(() => null)
  if (!image) return notFound()
  headers.set('Content-Type', 'image/jpeg')
  headers.set('Content-Length', String(image.length))
  return new Response(new Uint8Array(image), { status: 200, headers })
}
