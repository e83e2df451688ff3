// Absolute URLs for what crawlers read (canonical links, feeds, sitemaps, structured data), and the image crops they ask for.

/** Fixed crop sizes, so markup can state width and height without opening the file. All are 1200 px wide: Discover's minimum. */
export const crops = {
  '16x9': { width: 1200, height: 675 },
  '4x3': { width: 1200, height: 900 },
  '1x1': { width: 1200, height: 1200 },
} as const

export type CropRatio = keyof typeof crops
export const cropRatios = Object.keys(crops) as CropRatio[]

export const isCropRatio = (value: string): value is CropRatio => Object.hasOwn(crops, value)

/** Image file names the crop route accepts: what the importer writes into public/media, nothing with a path in it. */
export const CROPPABLE_FILE = /^[a-z0-9][a-z0-9._-]*\.(?:jpe?g|png|webp|avif)$/

export type ImageCrop = { ratio: CropRatio; url: string; width: number; height: number }

/** SITE_URL (no trailing slash) + a path starting with "/". Keeps a base path such as https://example.com/news. */
export function absoluteUrl(siteUrl: string, path: string): string {
  if (!path.startsWith('/')) throw new Error(`expected a site path, got "${path}"`)
  return `${siteUrl.replace(/\/+$/, '')}${path}`
}

/** The public path of one crop of an image under /media, or null for any other source. */
export function cropPath(src: string, ratio: CropRatio): string | null {
  const match = /^\/media\/([^/]+)$/.exec(src)
  if (!match?.[1] || !CROPPABLE_FILE.test(match[1])) return null
  return `/media/crop/${ratio}/${match[1]}`
}

/** The three crops of an article's picture (16:9, 4:3, 1:1), or of the site's default picture when it has none. */
export function imageCrops(siteUrl: string, src: string | null | undefined): ImageCrop[] {
  return cropRatios.map((ratio) => {
    const path = (src && cropPath(src, ratio)) || `/brand/default-${ratio}.jpg`
    return { ratio, url: absoluteUrl(siteUrl, path), ...crops[ratio] }
  })
}

export const FEED_PATH = '/feed'
export const commentsFeedPath = (articlePath: string) => `${articlePath}/feed`
export const SEARCH_PATH = '/search'
export const LOGO = { path: '/brand/logo.png', width: 512, height: 512 } as const
